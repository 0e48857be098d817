"""The schedule of the process: phases, milestones and the draft stages of the document."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class Phase(SampleDataModel):
    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="phases",
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "start", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="process_phase_slug_once"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="process_phase_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("process:overview") + f"#phase-{self.pk}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})


class Milestone(SampleDataModel):
    class Kind(models.TextChoices):
        DECISION = "decision", _("decision")
        AWARD = "award", _("award of the consulting contract")
        VISION = "vision", _("vision")
        DRAFT = "draft", _("draft stage")
        MONITORING = "monitoring", _("monitoring")
        UPDATE = "update", _("update (Fortschreibung)")
        OTHER = "other", _("other")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="milestones",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    date = models.DateField(_("date"))
    time_of_day = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    is_important = models.BooleanField(
        _("important milestone"),
        default=False,
        help_text=_("Highlighted like the red milestones of the town's schedule."),
    )
    is_completed = models.BooleanField(_("reached"), default=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("process:overview") + f"#milestone-{self.pk}"

    def clean(self):
        phase = self.phase
        if phase is None or self.date is None:
            return
        if (phase.start and self.date < phase.start) or (phase.end and self.date > phase.end):
            raise ValidationError(
                {
                    "date": _("The date lies outside the dates of the phase “%(phase)s”.")
                    % {"phase": phase.name}
                }
            )


class DraftStage(SampleDataModel):
    """A stage of the ISEK document (Vorentwurf, Entwurf, Endfassung): participation is
    aimed at draft stages, and each is usually marked by an important milestone."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        PUBLISHED = "published", _("published for comment")
        ADOPTED = "adopted", _("adopted")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="draft_stages",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="draft_stages",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="draft_stages",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("draft stage")
        verbose_name_plural = _("draft stages")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("process:timeline")
