"""A prioritisation with its options, and the ballots: one per person (unique
constraint), holding the points the person gave each option."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel

FORMAT_CODE = "prioritisation"
MAX_POINTS = 100


class Prioritisation(SampleDataModel):
    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.CASCADE,
        related_name="prioritisations",
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    points = models.PositiveSmallIntegerField(
        _("points per participant"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_POINTS)],
    )
    max_per_option = models.PositiveSmallIntegerField(
        _("at most this many points on one option"),
        default=0,
        validators=[MaxValueValidator(MAX_POINTS)],
        help_text=_("0: no limit."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("prioritisation")
        verbose_name_plural = _("prioritisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(points__gte=1) & Q(points__lte=MAX_POINTS),
                name="participation_prioritisation_points_in_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:prioritisation_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        return self.process, FORMAT_CODE

    @property
    def limit_per_option(self) -> int:
        return self.max_per_option or self.points


class PriorityOption(models.Model):
    """An option to give points to: an action field, a measure, an idea, or free text."""

    prioritisation = models.ForeignKey(
        Prioritisation, on_delete=models.CASCADE, related_name="options"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("option"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    action_field = models.ForeignKey(
        "strategy.ActionField",
        verbose_name=_("action field"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    measure = models.ForeignKey(
        "strategy.Measure",
        verbose_name=_("measure"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    contribution = models.ForeignKey(
        "participation.Contribution",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        ordering = ["prioritisation", "order", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.display_label

    def get_absolute_url(self) -> str:
        """The staff page (select_related prioritisation__process)."""
        slug = self.prioritisation.process.slug
        return reverse("participation:prioritisation_manage", kwargs={"slug": slug})

    @property
    def display_label(self) -> str:
        """The label, else the name of what it stands for (select_related those)."""
        if self.label:
            return self.label
        if self.measure_id:
            return f"{self.measure.code} {self.measure.title}".strip()
        if self.action_field_id:
            return self.action_field.name
        if self.contribution_id:
            return str(self.contribution)
        return "–"

    @property
    def linked(self):
        return self.measure or self.action_field or self.contribution


class DotBallot(models.Model):
    prioritisation = models.ForeignKey(
        Prioritisation, on_delete=models.CASCADE, related_name="ballots"
    )
    # Kept without the person when the account is deleted (results stay true); NULLs
    # are distinct for the unique constraint.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_dot_ballots",
    )
    created = models.DateTimeField(auto_now_add=True)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("dot-voting ballot")
        verbose_name_plural = _("dot-voting ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["prioritisation", "user"], name="participation_dot_ballot_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prioritisation_id}: {self.user_id}"


class DotVote(models.Model):
    ballot = models.ForeignKey(DotBallot, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PriorityOption, on_delete=models.CASCADE, related_name="votes")
    points = models.PositiveSmallIntegerField(_("points"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("points for an option")
        verbose_name_plural = _("points for options")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "option"], name="participation_dot_once"),
            models.CheckConstraint(
                condition=Q(points__gte=1) & Q(points__lte=MAX_POINTS),
                name="participation_dot_points_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.option_id}: {self.points}"
