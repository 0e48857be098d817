"""A consensus finding, its options (one of them the passive solution), and the ballots:
one per person (unique constraint), with one resistance (0–10) per option."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel

FORMAT_CODE = "consensus"
MAX_RESISTANCE = 10


class ConsensusFinding(SampleDataModel):
    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.CASCADE,
        related_name="consensus_findings",
    )
    title = models.CharField(_("title"), max_length=200)
    question = models.CharField(_("question"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("consensus finding")
        verbose_name_plural = _("consensus findings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:consensus_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        return self.process, FORMAT_CODE


class ConsensusOption(models.Model):
    finding = models.ForeignKey(ConsensusFinding, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("option"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    # The passive solution: everything stays as it is. Every finding has exactly one; an
    # option with more resistance than it is worse than doing nothing.
    is_passive = models.BooleanField(_("passive solution"), default=False)

    class Meta:
        ordering = ["finding", "is_passive", "order", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                fields=["finding"],
                condition=Q(is_passive=True),
                name="participation_consensus_one_passive_option",
            )
        ]

    def __str__(self) -> str:
        return self.display_label

    def get_absolute_url(self) -> str:
        """The staff page (select_related finding__process)."""
        slug = self.finding.process.slug
        return reverse("participation:consensus_manage", kwargs={"slug": slug})

    @property
    def display_label(self) -> str:
        if self.is_passive:
            return gettext("Leave it as it is (passive solution)")
        return self.label


class ResistanceBallot(models.Model):
    finding = models.ForeignKey(ConsensusFinding, on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_resistance_ballots",
    )
    created = models.DateTimeField(auto_now_add=True)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("consensus ballot")
        verbose_name_plural = _("consensus ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["finding", "user"], name="participation_resistance_ballot_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.finding_id}: {self.user_id}"


class Resistance(models.Model):
    ballot = models.ForeignKey(
        ResistanceBallot, on_delete=models.CASCADE, related_name="resistances"
    )
    option = models.ForeignKey(
        ConsensusOption, on_delete=models.CASCADE, related_name="resistances"
    )
    value = models.PositiveSmallIntegerField(_("resistance"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("resistance")
        verbose_name_plural = _("resistances")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "option"], name="participation_resistance_once"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0) & Q(value__lte=MAX_RESISTANCE),
                name="participation_resistance_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.option_id}: {self.value}"
