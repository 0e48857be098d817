from django.db import models
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import TimeStampedModel


class AccessibilityFeedback(TimeStampedModel):
    """A report of a barrier, sent through the form of the accessibility statement (BITV 2.0)."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ANSWERED = "answered", _("answered")

    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )

    class Meta:
        ordering = ["-created"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d} {self.message[:60]}"
