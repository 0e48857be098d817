"""Contracts and work packages: the consultant's work, bound to phases and accepted by the
steering group package by package ("Für die Qualitätskontrolle und Flexibilität ist es zu
empfehlen, die Aufträge an den externen Berater an die jeweiligen Phasen zu binden")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel
from stadtdach.process.models.schedule import Phase


def _dates_in_order(start, end, field: str = "end") -> None:
    if start and end and end < start:
        raise ValidationError({field: _("The end lies before the start.")})


class Contract(SampleDataModel):
    """A contract with a contractor (usually the external consultant), bound to one phase."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        TENDERING = "tendering", _("out to tender")
        AWARDED = "awarded", _("awarded")
        COMPLETED = "completed", _("completed")
        TERMINATED = "terminated", _("terminated")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="contracts",
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.PROTECT, related_name="contracts"
    )
    title = models.CharField(_("title"), max_length=200)
    number = models.CharField(_("contract number"), max_length=40, blank=True)
    contractor = models.CharField(_("contractor"), max_length=200, blank=True)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contractor's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="process_contracts",
        help_text=_("May report progress on the contract's work packages."),
    )
    specification = models.ForeignKey(
        "process.Specification",
        verbose_name=_("tender specification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contracts",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    budget = models.DecimalField(
        _("contract value (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["phase__order", "start", "pk"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="process_contract_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="process_contract_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("process:contract_detail", kwargs={"pk": self.pk})

    def clean(self):
        _dates_in_order(self.start, self.end)


class WorkPackage(SampleDataModel):
    """A package of work with its scope, budget, deliverables and due date; the steering
    group accepts it (or asks for rework) before the next phase builds on it."""

    class Kind(models.TextChoices):
        ANALYSIS = "analysis", _("analysis")
        PARTICIPATION = "participation", _("participation")
        DRAFTING = "drafting", _("drafting")
        COORDINATION = "coordination", _("coordination")
        MONITORING = "monitoring", _("monitoring")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DELIVERED = "delivered", _("delivered, awaiting acceptance")
        REWORK = "rework", _("rework requested")
        ACCEPTED = "accepted", _("accepted")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="work_packages",
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.PROTECT, related_name="work_packages"
    )
    contract = models.ForeignKey(
        Contract,
        verbose_name=_("contract"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_packages",
        help_text=_("Empty: the town does the work itself."),
    )
    code = models.CharField(_("number"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices, default=Kind.OTHER)
    scope = models.TextField(_("scope"), blank=True)
    budget = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    start = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    acceptance_note = models.TextField(_("note of the steering group"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["phase__order", "order", "due_date", "pk"]
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=True)
                | Q(start__isnull=True)
                | Q(due_date__gte=F("start")),
                name="process_workpackage_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="process_workpackage_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("process:work_package_detail", kwargs={"pk": self.pk})

    def clean(self):
        _dates_in_order(self.start, self.due_date, "due_date")
        if self.contract_id and self.phase_id and self.contract.phase_id != self.phase_id:
            raise ValidationError(
                {"contract": _("The contract is bound to another phase than this work package.")}
            )

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        open_states = (self.Status.PLANNED, self.Status.IN_PROGRESS, self.Status.REWORK)
        return self.status in open_states and self.due_date is not None and self.due_date < today


class Deliverable(SampleDataModel):
    """What a work package hands over (a report, a draft, a documentation)."""

    work_package = models.ForeignKey(
        WorkPackage,
        verbose_name=_("work package"),
        on_delete=models.CASCADE,
        related_name="deliverables",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "due_date", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.work_package.get_absolute_url() + f"#leistung-{self.pk}"

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.delivered_on is None and self.due_date is not None and self.due_date < today
