"""How far a measure is: its progress, the history of its status, its milestones, who
is responsible and when the next update is due."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel
from stadtdach.strategy.models import Measure

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
DEFAULT_INTERVAL_DAYS = 90


class MeasureImplementation(SampleDataModel):
    """The implementation record of one measure (created with its first update)."""

    measure = models.OneToOneField(
        "strategy.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="implementation",
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=PERCENT)
    responsible_unit = models.ForeignKey(
        "accounts.OrganisationalUnit",
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implementations",
        help_text=_("Reports progress; without one, the measure's lead unit does."),
    )
    contact = models.CharField(_("contact person"), max_length=200, blank=True)
    update_interval_days = models.PositiveSmallIntegerField(
        _("update every … days"),
        default=DEFAULT_INTERVAL_DAYS,
        validators=[MinValueValidator(7), MaxValueValidator(366)],
    )
    last_update_on = models.DateField(_("last update on"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("implementation of a measure")
        verbose_name_plural = _("implementation of measures")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="monitoring_implementation_progress_range",
            ),
            models.CheckConstraint(
                condition=Q(update_interval_days__gte=7, update_interval_days__lte=366),
                name="monitoring_implementation_interval_range",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Implementation of %(measure)s") % {"measure": self.measure})

    def get_absolute_url(self) -> str:
        return self.measure.get_absolute_url() + "#umsetzung"

    @property
    def next_update_due(self) -> datetime.date | None:
        """When the next progress report is due (None: never reported, due now)."""
        if self.last_update_on is None:
            return None
        return self.last_update_on + datetime.timedelta(days=self.update_interval_days)

    def update_is_due(self, today: datetime.date) -> bool:
        due = self.next_update_due
        return due is None or due <= today


class ProgressUpdate(SampleDataModel):
    """One report on a measure: its progress and status on a date. The list of updates is
    the measure's status history."""

    class Source(models.TextChoices):
        FORM = "form", _("form")
        IMPORT = "import", _("file import")

    measure = models.ForeignKey(
        "strategy.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="progress_updates",
    )
    date = models.DateField(_("as of"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), validators=PERCENT)
    status = models.CharField(_("status"), max_length=20, choices=Measure.Status.choices)
    note = models.TextField(_("what happened"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_label = models.CharField(_("reported by (name)"), max_length=200, blank=True)
    source = models.CharField(
        _("entered through"), max_length=10, choices=Source.choices, default=Source.FORM
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        indexes = [
            models.Index(fields=["measure", "-date"]),
            # The dashboard's latest reports of all measures.
            models.Index(fields=["-date", "-id"], name="monitoring_update_latest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="monitoring_update_progress_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} · {self.date:%d.%m.%Y} · {self.progress} %"

    def get_absolute_url(self) -> str:
        return self.measure.get_absolute_url() + "#umsetzung"


class ImplementationMilestone(SampleDataModel):
    """A step of a measure's implementation (planning done, tender, construction start …)."""

    measure = models.ForeignKey(
        "strategy.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="implementation_milestones",
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("planned for"), null=True, blank=True)
    reached_on = models.DateField(_("reached on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "due_on", "pk"]
        verbose_name = _("implementation milestone")
        verbose_name_plural = _("implementation milestones")
        indexes = [
            # The dashboard's next open milestones of all measures.
            models.Index(
                fields=["due_on", "id"],
                condition=Q(reached_on__isnull=True, due_on__isnull=False),
                name="monitoring_milestone_open",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(reached_on__isnull=True) | Q(reached_on__gte=datetime.date(1990, 1, 1)),
                name="monitoring_milestone_reached_plausible",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.measure.get_absolute_url() + "#umsetzung"

    def clean(self):
        for name in ("due_on", "reached_on"):
            value = getattr(self, name)
            if value and not (datetime.date(1990, 1, 1) <= value <= datetime.date(2100, 12, 31)):
                raise ValidationError({name: _("Enter a date between 1990 and 2100.")})

    def is_overdue(self, today: datetime.date) -> bool:
        return self.reached_on is None and self.due_on is not None and self.due_on < today
