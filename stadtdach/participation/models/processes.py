"""Participation processes, the target groups they address and the named places of the
town that contributions can point to without a map."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class TargetGroup(SampleDataModel):
    """A group of the town's society a process addresses (youth, seniors, …); editable."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name


class ProcessState(models.TextChoices):
    """Where a process stands, derived from its publication and its time window."""

    DRAFT = "draft", _("in preparation")
    UPCOMING = "upcoming", _("upcoming")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class ParticipationProcess(SampleDataModel):
    """One participation procedure (Beteiligungsverfahren): attached to a phase and
    optionally a draft stage, aimed at target groups, using one or more formats whose
    actions open and close with its time window (permissions.may_act)."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        OFFLINE = "offline", _("offline")
        BOTH = "both", _("online and offline")

    class Contributors(models.TextChoices):
        REGISTERED = "registered", _("registered participants")
        ANONYMOUS = "anonymous", _("everybody, also without an account")

    class Moderation(models.TextChoices):
        PRE = "pre", _("before publication (contributions appear after a check)")
        POST = "post", _("after publication (contributions appear at once)")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("public")
        INTERNAL = "internal", _("internal: steering group, coordination and consultant")

    phase = models.ForeignKey(
        "process.Phase",
        verbose_name=_("phase"),
        on_delete=models.PROTECT,
        related_name="participation_processes",
    )
    draft_stage = models.ForeignKey(
        "process.DraftStage",
        verbose_name=_("draft stage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_processes",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    purpose = models.TextField(
        _("purpose"),
        help_text=_("What the process is about and what happens with the contributions."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="processes"
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    starts_at = models.DateTimeField(_("open from"))
    ends_at = models.DateTimeField(_("open until"))
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_processes",
    )
    contributors = models.CharField(
        _("who may contribute"),
        max_length=12,
        choices=Contributors.choices,
        default=Contributors.REGISTERED,
    )
    moderation = models.CharField(
        _("moderation"), max_length=4, choices=Moderation.choices, default=Moderation.POST
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    # Codes of the formats used (formats.FORMATS), in the order the process page shows them.
    formats = models.JSONField(_("formats"), default=list, blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Unpublished processes are visible to the coordination only."),
    )

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("participation process")
        verbose_name_plural = _("participation processes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="participation_process_window_in_order",
            )
        ]
        indexes = [models.Index(fields=["is_published", "starts_at", "ends_at"])]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must lie after the start.")})

    def get_absolute_url(self) -> str:
        return reverse("participation:process_detail", kwargs={"slug": self.slug})

    def state(self, now=None) -> ProcessState:
        if not self.is_published:
            return ProcessState.DRAFT
        now = now or timezone.now()
        if now < self.starts_at:
            return ProcessState.UPCOMING
        if now > self.ends_at:
            return ProcessState.CLOSED
        return ProcessState.OPEN

    @property
    def allows_anonymous(self) -> bool:
        return (
            self.contributors == self.Contributors.ANONYMOUS
            and self.audience == self.Audience.PUBLIC
        )

    @property
    def is_internal(self) -> bool:
        return self.audience == self.Audience.INTERNAL

    def uses(self, format_code: str) -> bool:
        return format_code in (self.formats or [])


class NamedPlace(SampleDataModel):
    """A place of the town with a name (Marktplatz, Elbufer): chosen from a list when no
    map is available, and shown on the map as its point."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    point = models.JSONField(_("point (GeoJSON)"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("named place")
        verbose_name_plural = _("named places")

    def __str__(self) -> str:
        return self.name
