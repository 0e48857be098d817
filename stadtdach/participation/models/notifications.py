"""Subscriptions to a process, an action field or a measure, and the outbox of the
notifications they produce (sent at once or collected into a daily digest)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import TimeStampedModel


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("at once")
    DAILY = "daily", _("once a day (digest)")


class Subscription(TimeStampedModel):
    """A user follows exactly one of: a process, an action field, a measure."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participation_subscriptions",
    )
    process = models.ForeignKey(
        "participation.ParticipationProcess",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    action_field = models.ForeignKey(
        "strategy.ActionField",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participation_subscriptions",
    )
    measure = models.ForeignKey(
        "strategy.Measure",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participation_subscriptions",
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )

    TARGETS = ("process", "action_field", "measure")

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(process__isnull=False, action_field__isnull=True, measure__isnull=True)
                    | Q(process__isnull=True, action_field__isnull=False, measure__isnull=True)
                    | Q(process__isnull=True, action_field__isnull=True, measure__isnull=False)
                ),
                name="participation_subscription_has_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"participation_subscription_once_per_{target}",
                )
                for target in ("process", "action_field", "measure")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.target}"

    @property
    def target(self):
        return self.process or self.action_field or self.measure


class Notification(TimeStampedModel):
    """One message for one user; mailed at once (digest=False) or in the daily digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participation_notifications",
    )
    subject = models.CharField(max_length=200)
    text = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    digest = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["digest", "sent_at"])]

    def __str__(self) -> str:
        return self.subject
