"""Reports of contributions and comments by users, for the moderation queue."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stadtdach.core.models import TimeStampedModel


class Report(TimeStampedModel):
    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("insulting or discriminating")
        PERSONAL_DATA = "personal_data", _("contains personal data of others")
        SPAM = "spam", _("advertising or spam")
        OFF_TOPIC = "off_topic", _("off topic")
        OTHER = "other", _("something else")

    class Resolution(models.TextChoices):
        OPEN = "open", _("open")
        HIDDEN = "hidden", _("content hidden")
        KEPT = "kept", _("content kept")

    contribution = models.ForeignKey(
        "participation.Contribution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    comment = models.ForeignKey(
        "participation.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.CharField(_("explanation"), max_length=500, blank=True)
    resolution = models.CharField(
        pgettext_lazy("moderation", "resolution"),
        max_length=10,
        choices=Resolution.choices,
        default=Resolution.OPEN,
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = pgettext_lazy("moderation", "report")
        verbose_name_plural = pgettext_lazy("moderation", "reports")
        constraints = [
            models.CheckConstraint(
                condition=(Q(contribution__isnull=False) & Q(comment__isnull=True))
                | (Q(contribution__isnull=True) & Q(comment__isnull=False)),
                name="participation_report_has_one_target",
            )
        ]
        indexes = [models.Index(fields=["resolution", "created"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.created:%Y-%m-%d})"
