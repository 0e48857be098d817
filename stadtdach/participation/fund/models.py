"""Calls of the innovation fund and the applications to them."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class FundCall(SampleDataModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    description = models.TextField(
        _("description"), help_text=_("What the fund supports, who may apply, how we decide.")
    )
    budget = models.DecimalField(
        _("budget (euros)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(1)]
    )
    max_amount = models.DecimalField(
        _("at most per application (euros)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    opens_at = models.DateTimeField(_("applications from"))
    closes_at = models.DateTimeField(_("applications until"))
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering = ["-opens_at", "pk"]
        verbose_name = _("call of the innovation fund")
        verbose_name_plural = _("calls of the innovation fund")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="participation_fund_call_in_order"
            ),
            models.CheckConstraint(
                condition=Q(budget__gt=0), name="participation_fund_call_budget_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:fund_call", kwargs={"slug": self.slug})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now <= self.closes_at


class FundApplication(SampleDataModel):
    class ApplicantKind(models.TextChoices):
        CITIZEN = "citizen", _("citizen")
        ASSOCIATION = "association", _("association")
        INITIATIVE = "initiative", _("citizens' initiative or group")
        OTHER = "other", _("other organisation")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    call = models.ForeignKey(FundCall, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_fund_applications",
    )
    applicant_kind = models.CharField(
        _("who applies"), max_length=12, choices=ApplicantKind.choices
    )
    organisation = models.CharField(_("association or group"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    title = models.CharField(_("project title"), max_length=200)
    description = models.TextField(_("project description"))
    target_groups = models.ManyToManyField(
        "participation.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    amount_requested = models.DecimalField(
        _("amount requested (euros)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(1)],
    )
    timeframe = models.CharField(_("when"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    amount_granted = models.DecimalField(
        _("amount granted (euros)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("application to the innovation fund")
        verbose_name_plural = _("applications to the innovation fund")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__gt=0),
                name="participation_fund_application_amount_positive",
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True) | Q(amount_granted__gt=0),
                name="participation_fund_application_granted_positive",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:fund_application", kwargs={"pk": self.pk})

    def is_by(self, user) -> bool:
        return user is not None and user.is_authenticated and self.applicant_id == user.pk

    @property
    def public_name(self) -> str:
        """Who is named publicly: an organisation by its name; a person never."""
        if self.applicant_kind != self.ApplicantKind.CITIZEN and self.organisation:
            return self.organisation
        return str(self.get_applicant_kind_display())
