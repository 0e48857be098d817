"""Users, the town's organisational units, and the roles of the ISEK structure."""

from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from stadtdach.accounts.roles import RoleCode
from stadtdach.core.models import SampleDataModel, TimeStampedModel


class OrganisationalUnit(SampleDataModel):
    """A department (Fachbereich) or office of the town administration."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown with your contributions instead of your real name."),
    )
    unit = models.ForeignKey(
        OrganisationalUnit,
        verbose_name=_("organisational unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    is_sample = models.BooleanField(
        _("sample account"),
        default=False,
        help_text=_("An illustrative account of the demo, not a real person."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @cached_property
    def role_codes(self) -> frozenset[str]:
        """The user's role codes, read once per request (permission checks ask often)."""
        if not self.is_active:
            return frozenset()
        return frozenset(self.groups.values_list("name", flat=True))


class StructureLevel(TimeStampedModel):
    """One of the three levels of the process structure (work, steering, decision)."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("structure level")
        verbose_name_plural = _("structure levels")

    def __str__(self) -> str:
        return self.name


class Role(TimeStampedModel):
    """A role of the process: who takes part, on which level, doing what."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=RoleCode.choices)
    name = models.CharField(_("name"), max_length=120)
    group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="role")
    level = models.ForeignKey(
        StructureLevel,
        verbose_name=_("level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
    )
    description = models.TextField(_("description"), blank=True)
    composition = models.TextField(_("composition"), blank=True)
    cadence = models.CharField(_("meeting cadence"), max_length=200, blank=True)
    cadence_initial_days = models.PositiveSmallIntegerField(
        _("meets every … days at first"), null=True, blank=True
    )
    cadence_later_days = models.PositiveSmallIntegerField(
        _("meets every … days later"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.name


class RoleActivity(TimeStampedModel):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="activities")
    text = models.CharField(_("activity"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.text


class Consent(models.Model):
    """A consent a user gave at sign-up: which text, in which version, when. The text is
    stored as shown, so that it can be proven later even if the wording changes."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="consents"
    )
    key = models.CharField(_("consent"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("text shown"))
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["given_at", "pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key", "version"], name="accounts_consent_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"
