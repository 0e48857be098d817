"""An offline event of a process, its attendance by target group, its documents and
photos, and the link of its recorded results (Contributions, channel "offline")."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel, TimeStampedModel

FORMAT_CODE = "offline"


class OfflineEvent(SampleDataModel):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("workshop")
        TOWN_WALK = "town_walk", _("town walk")
        INFORMATION_STAND = "information_stand", _("information stand")
        TOWN_MEETING = "town_meeting", _("citizens' meeting")
        OTHER = "other", _("other event")

    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.CASCADE,
        related_name="offline_events",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    named_place = models.ForeignKey(
        "participation.NamedPlace",
        verbose_name=_("place on the map"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offline_events",
    )
    description = models.TextField(_("description"), blank=True)
    attendance_other = models.PositiveIntegerField(
        _("further participants (no target group stated)"), default=0
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("offline event")
        verbose_name_plural = _("offline events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="participation_offline_event_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:event_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        return self.process, FORMAT_CODE


class Attendance(models.Model):
    event = models.ForeignKey(OfflineEvent, on_delete=models.CASCADE, related_name="attendance")
    target_group = models.ForeignKey(
        "participation.TargetGroup", on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField(_("participants"))

    class Meta:
        ordering = ["target_group__order", "target_group__name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "target_group"], name="participation_attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id}/{self.target_group_id}: {self.count}"


def document_path(instance, filename: str) -> str:
    # Our name, never the upload's.
    return f"participation/events/{instance.event_id}/{instance.token}.{instance.extension}"


class EventDocument(TimeStampedModel):
    """A document of an event (invitation, minutes, poster), checked on upload and served
    as a download through a view that respects the process's visibility."""

    event = models.ForeignKey(OfflineEvent, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    token = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=5)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("document of an event")
        verbose_name_plural = _("documents of events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:event_document", kwargs={"token": self.token})


def photo_path(instance, filename: str) -> str:
    return f"participation/events/{instance.event_id}/{instance.token}.jpg"


class EventPhoto(TimeStampedModel):
    """A photo of an event: re-encoded like the images of contributions (images.py)."""

    event = models.ForeignKey(OfflineEvent, on_delete=models.CASCADE, related_name="photos")
    token = models.CharField(max_length=32, unique=True)
    file = models.FileField(_("photo"), upload_to=photo_path, max_length=200)
    description = models.CharField(
        _("photo description"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("photo of an event")
        verbose_name_plural = _("photos of events")

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("participation:event_photo", kwargs={"token": self.token})


class EventResult(models.Model):
    """Which event an offline contribution (a recorded result) comes from."""

    contribution = models.OneToOneField(
        "participation.Contribution",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="offline_result",
    )
    event = models.ForeignKey(OfflineEvent, on_delete=models.CASCADE, related_name="results")

    class Meta:
        verbose_name = _("result of an event")
        verbose_name_plural = _("results of events")

    def __str__(self) -> str:
        return f"{self.contribution_id} ← {self.event_id}"
