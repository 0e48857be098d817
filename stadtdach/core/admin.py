"""Django admin for the technical administrator. Changes made here are audited too."""

from django.contrib import admin

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry, Municipality, TextBlock


class AuditedModelAdmin(admin.ModelAdmin):
    """Writes an audit entry for every save and delete made in the admin."""

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        self._after_save = (before, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before, changed = getattr(self, "_after_save", ({}, change))
        obj = form.instance
        changes = audit.diff(before, audit.snapshot(obj))
        if changes or not changed:
            audit.record(
                actor=request.user,
                instance=obj,
                changes=changes,
                action=AuditEntry.Action.UPDATE if changed else AuditEntry.Action.CREATE,
            )

    def delete_model(self, request, obj):
        audit.record(
            actor=request.user,
            action=AuditEntry.Action.DELETE,
            instance=obj,
            changes={k: [v, None] for k, v in audit.snapshot(obj).items()},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is never edited, not even by the technical administrator."""

    list_display = ("at", "actor_label", "action", "content_type", "object_repr")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "actor_label")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Municipality, AuditedModelAdmin)
admin.site.register(TextBlock, AuditedModelAdmin)
