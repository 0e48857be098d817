from django.db import models
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class EvaluationFinding(SampleDataModel):
    """A finding of the evaluation of an edition, by criterion."""

    class Criterion(models.TextChoices):
        ACTION_FIELDS = "action_fields", _("Action fields")
        PROCESS = "process", _("Process")
        VISIBILITY = "visibility", _("Visibility and commitment")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("evaluated edition"),
        on_delete=models.CASCADE,
        related_name="evaluation_findings",
    )
    criterion = models.CharField(_("criterion"), max_length=20, choices=Criterion.choices)
    text = models.TextField(_("finding"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "criterion", "order", "pk"]
        verbose_name = _("evaluation finding")
        verbose_name_plural = _("evaluation findings")

    def __str__(self) -> str:
        return self.text[:80]


class Expectation(SampleDataModel):
    """A success factor, concern or expectation for the new edition, traced to the part
    of the process that answers it."""

    class Kind(models.TextChoices):
        SUCCESS_FACTOR = "success_factor", _("Success factor")
        CONCERN = "concern", _("Concern")
        EXPECTATION = "expectation", _("Expectation")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="expectations",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("statement"))
    detail = models.TextField(_("elaboration"), blank=True)
    answer = models.TextField(
        _("answer of the process"),
        blank=True,
        help_text=_("The structural element or step of the process that addresses it."),
    )
    answered_by = models.ManyToManyField(
        "accounts.Role",
        verbose_name=_("answered by roles"),
        blank=True,
        related_name="expectations",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "kind", "order", "pk"]
        verbose_name = _("expectation register entry")
        verbose_name_plural = _("expectations register")

    def __str__(self) -> str:
        return self.text[:80]
