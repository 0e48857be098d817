"""Decision papers (Vorlagen) and their way through the bodies: each consultation with its
result and vote; the decision links to the measures, goals and editions it concerns."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel
from stadtdach.governance.models.base import PublishedModel
from stadtdach.governance.models.bodies import Authority, Body
from stadtdach.governance.models.meetings import AgendaItem, Meeting


class Paper(PublishedModel):
    class Kind(models.TextChoices):
        DECISION = "decision", _("decision paper")
        REPORT = "report", _("report to the committees")
        MOTION = "motion", _("motion")
        INFORMATION = "information", _("information")

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="papers")
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    name = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    date = models.DateField(_("date"))
    text = models.TextField(_("facts and reasons"), blank=True)
    proposal = models.TextField(_("proposed resolution"), blank=True)
    originator = models.ForeignKey(
        Body,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="originated_papers",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to paper"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_papers",
        help_text=_("For example the reports that accompany a decision paper."),
    )
    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="papers",
    )
    is_public = models.BooleanField(
        _("public paper"),
        default=True,
        help_text=_(
            "Non-public papers are seen only by the coordinators and the members of the "
            "bodies that consult them."
        ),
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("paper")
        verbose_name_plural = _("papers")

    def __str__(self) -> str:
        return f"{self.reference} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("governance:paper_detail", kwargs={"pk": self.pk})


class Consultation(PublishedModel):
    """One step of a paper's way: a body consults it, usually in a meeting's agenda item."""

    class Role(models.TextChoices):
        PRELIMINARY = "preliminary", _("preliminary consultation")
        DECISION = "decision", _("decision")
        INFORMATION = "information", _("for information")

    class Result(models.TextChoices):
        PENDING = "pending", _("pending")
        RECOMMENDED = "recommended", _("recommended")
        NOT_RECOMMENDED = "not_recommended", _("not recommended")
        ADOPTED = "adopted", _("adopted")
        ADOPTED_CHANGED = "adopted_changed", _("adopted with changes")
        REJECTED = "rejected", _("rejected")
        NOTED = "noted", _("noted")
        POSTPONED = "postponed", _("postponed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    # Results that need a vote, and results that decide a paper for good.
    VOTED = frozenset({"recommended", "not_recommended", "adopted", "adopted_changed", "rejected"})
    FINAL = frozenset({"adopted", "adopted_changed", "rejected", "withdrawn"})

    paper = models.ForeignKey(
        Paper, verbose_name=_("paper"), on_delete=models.CASCADE, related_name="consultations"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="consultations"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation",
    )
    order = models.PositiveSmallIntegerField(_("step"), default=0)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    result = models.CharField(
        _("result"), max_length=16, choices=Result.choices, default=Result.PENDING
    )
    votes_yes = models.PositiveSmallIntegerField(_("yes votes"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("no votes"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    result_note = models.TextField(_("note on the result"), blank=True)

    class Meta:
        ordering = ["paper", "order", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.paper} – {self.body}"

    @property
    def authoritative(self) -> bool:
        return self.role == self.Role.DECISION

    @property
    def votes_total(self) -> int | None:
        votes = (self.votes_yes, self.votes_no, self.votes_abstain)
        return None if all(v is None for v in votes) else sum(v or 0 for v in votes)


class Decision(SampleDataModel):
    """What a body decided on a paper, and what in the ISEK it concerns."""

    consultation = models.OneToOneField(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    number = models.CharField(_("decision number"), max_length=40, blank=True)
    decided_on = models.DateField(_("decided on"))
    text = models.TextField(_("text of the decision"))
    measures = models.ManyToManyField(
        "strategy.Measure", verbose_name=_("measures"), blank=True, related_name="decisions"
    )
    goals = models.ManyToManyField(
        "strategy.Goal", verbose_name=_("goals"), blank=True, related_name="decisions"
    )
    editions = models.ManyToManyField(
        "strategy.Edition", verbose_name=_("ISEK editions"), blank=True, related_name="decisions"
    )

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.number} {self.consultation.paper.name}".strip()

    def get_absolute_url(self) -> str:
        return self.consultation.paper.get_absolute_url() + f"#beschluss-{self.pk}"


class TaskLink(models.Model):
    """A process task seen from governance: the body whose task it is, the meeting that
    set it or the decision it carries out."""

    task = models.ForeignKey(
        "process.Task", verbose_name=_("task"), on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="task_links",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="task_links",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="task_links",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("link of a task")
        verbose_name_plural = _("links of tasks")
        constraints = [
            models.CheckConstraint(
                condition=Q(body__isnull=False)
                | Q(meeting__isnull=False)
                | Q(decision__isnull=False),
                name="governance_tasklink_points_somewhere",
            )
        ]

    def __str__(self) -> str:
        return str(self.task_id)


class BodyFinding(SampleDataModel):
    """A consensus finding or a priority the body agreed on (its workspace). When the
    participation formats exist, a finding can point at the consensus round behind it."""

    class Kind(models.TextChoices):
        CONSENSUS = "consensus", _("consensus finding")
        PRIORITY = "priority", _("priority")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("agreed in meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "rank", "pk"]
        verbose_name = _("finding of a body")
        verbose_name_plural = _("findings of bodies")

    def __str__(self) -> str:
        return self.title
