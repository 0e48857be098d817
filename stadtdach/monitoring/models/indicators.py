"""Indicators: context indicators describe an action field (population, vacancy, jobs),
result indicators measure what a measure achieves. Both have a baseline, a target and a
time series."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel

YEARS = [MinValueValidator(1990), MaxValueValidator(2100)]
EARLIEST = datetime.date(1990, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def _value_field(label, **kwargs):
    return models.DecimalField(label, max_digits=16, decimal_places=4, **kwargs)


class Indicator(SampleDataModel):
    class Kind(models.TextChoices):
        CONTEXT = "context", _("context indicator")
        RESULT = "result", _("result indicator")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[
            RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", _("Letters, digits, dots and dashes."))
        ],
        help_text=_("Short and unique in the edition; imports name the indicator by it."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    action_field = models.ForeignKey(
        "strategy.ActionField",
        verbose_name=_("action field"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    measure = models.ForeignKey(
        "strategy.Measure",
        verbose_name=_("measure"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("e.g. inhabitants, %, jobs"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    decimals = models.PositiveSmallIntegerField(
        _("decimal places shown"), default=0, validators=[MaxValueValidator(4)]
    )
    baseline_value = _value_field(_("baseline"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=YEARS
    )
    target_value = _value_field(_("target"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(
        _("target year"), null=True, blank=True, validators=YEARS
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["kind", "order", "code", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="monitoring_indicator_code"),
            models.CheckConstraint(
                condition=(
                    Q(kind="context") & Q(action_field__isnull=False) & Q(measure__isnull=True)
                )
                | (Q(kind="result") & Q(measure__isnull=False)),
                name="monitoring_indicator_subject",
            ),
            models.CheckConstraint(
                condition=Q(target_year__isnull=True)
                | Q(baseline_year__isnull=True)
                | Q(target_year__gt=F("baseline_year")),
                name="monitoring_indicator_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:indicator_detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.kind == self.Kind.CONTEXT and not self.action_field_id:
            errors["action_field"] = _("A context indicator describes an action field.")
        if self.kind == self.Kind.RESULT and not self.measure_id:
            errors["measure"] = _("A result indicator belongs to a measure.")
        if self.kind == self.Kind.CONTEXT and self.measure_id:
            errors["measure"] = _("A context indicator belongs to no measure.")
        if self.baseline_year and self.target_year and self.target_year <= self.baseline_year:
            errors["target_year"] = _("The target year lies after the baseline year.")
        if (self.target_value is None) != (self.target_year is None):
            errors["target_year"] = _("Give the target together with its year.")
        if (self.baseline_value is None) != (self.baseline_year is None):
            errors["baseline_year"] = _("Give the baseline together with its year.")
        if self.baseline_value is not None and self.target_value is not None:
            higher = self.direction == self.Direction.HIGHER
            if higher and self.target_value < self.baseline_value:
                errors["target_value"] = _(
                    "The target lies below the baseline, but higher values are better."
                )
            if not higher and self.target_value > self.baseline_value:
                errors["target_value"] = _(
                    "The target lies above the baseline, but lower values are better."
                )
        if errors:
            raise ValidationError(errors)


class IndicatorValue(SampleDataModel):
    """One value of an indicator's time series."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    date = models.DateField(_("as of"))
    value = _value_field(_("value"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"], name="monitoring_indicator_value_once_per_date"
            ),
            models.CheckConstraint(
                condition=Q(date__gte=EARLIEST, date__lte=LATEST),
                name="monitoring_indicator_value_date_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.date:%d.%m.%Y}: {self.value}"

    def get_absolute_url(self) -> str:
        return self.indicator.get_absolute_url()

    def clean(self):
        if self.date and not (EARLIEST <= self.date <= LATEST):
            raise ValidationError({"date": _("Enter a date between 1990 and 2100.")})
