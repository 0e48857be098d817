from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class Edition(SampleDataModel):
    """An edition of the ISEK: "ISEK 2002-2017", "ISEK 2022", later updates."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")
        ARCHIVED = "archived", _("archived")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("predecessor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    period_start = models.PositiveSmallIntegerField(_("valid from (year)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("valid until (year)"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    is_current = models.BooleanField(
        _("current edition"),
        default=False,
        help_text=_("The edition the public site shows. Exactly one edition is current."),
    )
    summary = models.TextField(_("what this ISEK is"), blank=True)
    roof_caption = models.TextField(_("house: roof"), blank=True)
    beams_caption = models.TextField(_("house: cross-beams"), blank=True)
    pillars_caption = models.TextField(_("house: pillars"), blank=True)
    base_caption = models.TextField(_("house: base"), blank=True)
    evaluation_summary = models.TextField(
        _("evaluation summary"),
        blank=True,
        help_text=_("The overall result of evaluating this edition for its successor."),
    )

    class Meta:
        ordering = ["-is_current", "-period_start", "name"]
        verbose_name = _("ISEK edition")
        verbose_name_plural = _("ISEK editions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="strategy_one_current_edition",
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="strategy_edition_period_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end year lies before the start year.")})
        if self.predecessor_id and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": _("An edition cannot succeed itself.")})

    def get_absolute_url(self) -> str:
        return reverse("strategy:edition_detail", kwargs={"slug": self.slug})


class Vision(SampleDataModel):
    """The Leitbild: the roof of the ISEK house."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="vision")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("vision text"), blank=True)

    class Meta:
        verbose_name = _("vision")
        verbose_name_plural = _("visions")

    def __str__(self) -> str:
        return self.title


class GuidingPrinciple(SampleDataModel):
    vision = models.ForeignKey(Vision, on_delete=models.CASCADE, related_name="principles")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")

    def __str__(self) -> str:
        return self.title


class EditionActionField(SampleDataModel):
    """Whether an edition works with an action field, and why (or why not)."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="action_field_choices"
    )
    action_field = models.ForeignKey(
        "strategy.ActionField", on_delete=models.CASCADE, related_name="edition_choices"
    )
    selected = models.BooleanField(_("selected"), default=False)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["action_field__order", "pk"]
        verbose_name = _("action field selection")
        verbose_name_plural = _("action field selections")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "action_field"], name="strategy_edition_action_field_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.action_field}"


class EditionTheme(SampleDataModel):
    """Whether an edition anchors a cross-cutting theme, and why."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="theme_choices")
    theme = models.ForeignKey(
        "strategy.CrossCuttingTheme", on_delete=models.CASCADE, related_name="edition_choices"
    )
    selected = models.BooleanField(_("selected"), default=False)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["theme__order", "pk"]
        verbose_name = _("cross-cutting theme selection")
        verbose_name_plural = _("cross-cutting theme selections")
        constraints = [
            models.UniqueConstraint(fields=["edition", "theme"], name="strategy_edition_theme_once")
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.theme}"
