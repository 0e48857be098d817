from django.db import models
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class ExampleProcess(SampleDataModel):
    """An ISEK process of another town (or state) that serves as an example."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("example process")
        verbose_name_plural = _("example processes")

    def __str__(self) -> str:
        return self.name


class ExampleFinding(SampleDataModel):
    """What an example town found for one of the questions the comparison asks."""

    class Aspect(models.TextChoices):
        PLANNING = "planning", _("Planning, structures and implementation of the process")
        PARTICIPATION = "participation", _("Forms of online and offline participation")
        INTEGRATION = "integration", _("Integration into administration and budget planning")
        MONITORING = "monitoring", _("Monitoring and reporting")
        COMMUNICATION = "communication", _("Communication and public relations")

    example = models.ForeignKey(ExampleProcess, on_delete=models.CASCADE, related_name="findings")
    aspect = models.CharField(_("aspect"), max_length=20, choices=Aspect.choices)
    text = models.TextField(_("finding"))

    class Meta:
        ordering = ["example__order", "aspect", "pk"]
        verbose_name = _("example finding")
        verbose_name_plural = _("example findings")

    def __str__(self) -> str:
        return f"{self.example}: {self.get_aspect_display()}"
