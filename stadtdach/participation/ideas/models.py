"""The support of an idea ("I support this"): once per person, enforced by the database."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Support(models.Model):
    contribution = models.ForeignKey(
        "participation.Contribution",
        verbose_name=_("idea"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    # Kept when the account is deleted, so that the idea's count stays true; the unique
    # constraint ignores the emptied rows (NULLs are distinct).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_supports",
    )
    created = models.DateTimeField(auto_now_add=True)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "user"], name="participation_support_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.contribution_id}"
