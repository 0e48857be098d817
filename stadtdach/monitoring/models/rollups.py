"""What the dashboards read instead of every value: one row per indicator with its
latest value, its computed status and a bounded series for its chart. Kept current by
the services that write values and indicators (rollups.py); ``rollups_rebuild()``
recomputes all of them after a bulk load."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from stadtdach.monitoring.models.indicators import Indicator
from stadtdach.monitoring.status import Health


class IndicatorRollup(models.Model):
    indicator = models.OneToOneField(
        Indicator,
        verbose_name=_("indicator"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="rollup",
    )
    value_count = models.PositiveIntegerField(_("number of values"), default=0)
    first_date = models.DateField(_("first value as of"), null=True, blank=True)
    latest_date = models.DateField(_("latest value as of"), null=True, blank=True)
    latest_value = models.DecimalField(
        _("latest value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    health = models.CharField(
        _("status"), max_length=20, choices=Health.choices, default=Health.NOT_ASSESSED
    )
    # [[ISO date, value as text], ...] in date order, at most rollups.MAX_POINTS points:
    # every value of a short series, else the latest value of each year.
    series = models.JSONField(_("chart points"), default=list, blank=True)
    series_yearly = models.BooleanField(_("one point per year"), default=False)

    class Meta:
        verbose_name = _("indicator summary")
        verbose_name_plural = _("indicator summaries")

    def __str__(self) -> str:
        return str(self.indicator_id)
