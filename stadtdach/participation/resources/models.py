"""The resource plan of a process and the entries of what it actually took."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel

ZERO = 0


class ResourcePlan(SampleDataModel):
    process = models.OneToOneField(
        "participation.ParticipationProcess",
        on_delete=models.CASCADE,
        related_name="resource_plan",
    )
    planned_hours = models.DecimalField(
        _("planned staff hours"),
        max_digits=8,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    planned_costs = models.DecimalField(
        _("planned costs (euros)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("resource plan")
        verbose_name_plural = _("resource plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_hours__gte=0) & Q(planned_costs__gte=0),
                name="participation_resource_plan_not_negative",
            )
        ]

    def __str__(self) -> str:
        return str(self.process)


class ResourceEntry(SampleDataModel):
    """What a process actually took: staff hours and/or costs on a day."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("own staff")
        EXTERNAL = "external", _("external services (consultant, moderation)")
        MATERIAL = "material", _("material, rooms, printing")
        OTHER = "other", _("other")

    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.CASCADE,
        related_name="resource_entries",
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STAFF)
    description = models.CharField(_("what"), max_length=200)
    hours = models.DecimalField(
        _("staff hours"),
        max_digits=7,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    costs = models.DecimalField(
        _("costs (euros)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("resource entry")
        verbose_name_plural = _("resource entries")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=0) & Q(costs__gte=0),
                name="participation_resource_entry_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("participation:resources_process", kwargs={"slug": self.process.slug})
