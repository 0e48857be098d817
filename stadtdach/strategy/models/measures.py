from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class Goal(SampleDataModel):
    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="goals",
    )
    action_field = models.ForeignKey(
        "strategy.ActionField",
        verbose_name=_("action field"),
        on_delete=models.PROTECT,
        related_name="goals",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["action_field__order", "order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.action_field.get_absolute_url() + f"#ziel-{self.pk}"


class Measure(SampleDataModel):
    class Priority(models.TextChoices):
        A = "A", _("A – high")
        B = "B", _("B – medium")
        C = "C", _("C – low")

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PLANNED = "planned", _("planned")
        PREPARATION = "preparation", _("in preparation")
        IMPLEMENTATION = "implementation", _("in implementation")
        COMPLETED = "completed", _("completed")
        DROPPED = "dropped", _("dropped")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="measures",
    )
    action_field = models.ForeignKey(
        "strategy.ActionField",
        verbose_name=_("action field"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    code = models.CharField(_("number"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(
        Goal, verbose_name=_("goals"), blank=True, related_name="measures"
    )
    concepts = models.ManyToManyField(
        "strategy.Concept", verbose_name=_("from concepts"), blank=True, related_name="measures"
    )
    priority = models.CharField(
        _("priority"), max_length=1, choices=Priority.choices, default=Priority.B
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEA
    )
    lead_unit = models.ForeignKey(
        "accounts.OrganisationalUnit",
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_measures",
    )
    partners = models.TextField(_("partners"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    estimated_cost = models.DecimalField(
        _("estimated cost (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    place = models.JSONField(_("place on the map (GeoJSON)"), null=True, blank=True)

    class Meta:
        ordering = ["action_field__order", "code", "title", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="strategy_measure_dates_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(estimated_cost__isnull=True) | models.Q(estimated_cost__gte=0),
                name="strategy_measure_cost_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["edition", "priority"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})

    def get_absolute_url(self) -> str:
        return reverse("strategy:measure_detail", kwargs={"pk": self.pk})


class SwotEntry(SampleDataModel):
    class Kind(models.TextChoices):
        STRENGTH = "strength", _("strength")
        WEAKNESS = "weakness", _("weakness")
        OPPORTUNITY = "opportunity", _("opportunity")
        THREAT = "threat", _("threat")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="swot_entries",
    )
    action_field = models.ForeignKey(
        "strategy.ActionField",
        verbose_name=_("action field"),
        on_delete=models.CASCADE,
        related_name="swot_entries",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["action_field__order", "kind", "order", "pk"]
        verbose_name = _("SWOT entry")
        verbose_name_plural = _("SWOT entries")

    def __str__(self) -> str:
        return self.text
