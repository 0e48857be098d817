from django.db import models
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class RatingScore(models.IntegerChoices):
    """How strongly an action field or measure serves a cross-cutting theme."""

    CONFLICT = -1, _("conflicts with the theme")
    NONE = 0, _("no relation")
    LOW = 1, _("small contribution")
    MEDIUM = 2, _("clear contribution")
    HIGH = 3, _("central contribution")


# Symbols shown beside the words: the matrix never relies on colour alone.
RATING_SYMBOLS = {-1: "−", 0: "○", 1: "+", 2: "++", 3: "+++"}


class _Rating(SampleDataModel):
    theme = models.ForeignKey(
        "strategy.CrossCuttingTheme",
        verbose_name=_("cross-cutting theme"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    score = models.SmallIntegerField(_("rating"), choices=RatingScore.choices)
    justification = models.TextField(_("justification"), blank=True)

    class Meta:
        abstract = True

    @property
    def symbol(self) -> str:
        return RATING_SYMBOLS[self.score]


class ActionFieldThemeRating(_Rating):
    edition = models.ForeignKey(
        "strategy.Edition", on_delete=models.CASCADE, related_name="theme_ratings"
    )
    action_field = models.ForeignKey(
        "strategy.ActionField", on_delete=models.CASCADE, related_name="theme_ratings"
    )

    class Meta:
        ordering = ["action_field__order", "theme__order"]
        verbose_name = _("action field rating")
        verbose_name_plural = _("action field ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "action_field", "theme"],
                name="strategy_action_field_rating_once",
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=-1, score__lte=3),
                name="strategy_action_field_rating_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_field} × {self.theme}: {self.get_score_display()}"


class MeasureThemeRating(_Rating):
    measure = models.ForeignKey(
        "strategy.Measure", on_delete=models.CASCADE, related_name="theme_ratings"
    )

    class Meta:
        ordering = ["theme__order"]
        verbose_name = _("measure rating")
        verbose_name_plural = _("measure ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "theme"], name="strategy_measure_rating_once"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=-1, score__lte=3),
                name="strategy_measure_rating_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} × {self.theme}: {self.get_score_display()}"
