from django.contrib import admin
from django.db import transaction

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.monitoring import models
from stadtdach.monitoring.rollups import rollups_refresh

for model in (
    models.ImplementationMilestone,
    models.ImportJob,
    models.MeasureImplementation,
    models.ProgressUpdate,
):
    admin.site.register(model, AuditedModelAdmin)


class _KeepsRollups(AuditedModelAdmin):
    """Indicators and their values changed here recompute the indicator's rollup."""

    @staticmethod
    def indicator_id(obj) -> int:
        raise NotImplementedError

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            rollups_refresh([self.indicator_id(form.instance)])

    def delete_model(self, request, obj):
        with transaction.atomic():
            indicator_id = self.indicator_id(obj)
            super().delete_model(request, obj)
            rollups_refresh([indicator_id])


@admin.register(models.Indicator)
class IndicatorAdmin(_KeepsRollups):
    @staticmethod
    def indicator_id(obj) -> int:
        return obj.pk


@admin.register(models.IndicatorValue)
class IndicatorValueAdmin(_KeepsRollups):
    @staticmethod
    def indicator_id(obj) -> int:
        return obj.indicator_id


@admin.register(models.IndicatorRollup)
class IndicatorRollupAdmin(admin.ModelAdmin):
    """Read-only: rollups are computed (rollups.py), never edited."""

    list_display = ("indicator", "value_count", "latest_date", "latest_value", "health")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
