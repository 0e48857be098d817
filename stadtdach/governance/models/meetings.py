"""Meetings with their agendas, attendance, minutes and documents, and the cadence rule
that generates a body's series of meetings ("14-tägig, später 4-wöchentlich")."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel, TimeStampedModel
from stadtdach.governance.models.base import PublishedModel
from stadtdach.governance.models.bodies import Body, Location, Person

MAX_SERIES_DAYS = 3 * 366  # a cadence longer than a legislative term is a typing error


class CadenceRule(SampleDataModel):
    """Every ``interval_days`` from ``first_date``; from ``later_from`` on every
    ``later_interval_days``; until ``until``. Rules of one body must not overlap."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="cadences"
    )
    title = models.CharField(_("title of the meetings"), max_length=200)
    first_date = models.DateField(_("first meeting"))
    time_of_day = models.TimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=120)
    interval_days = models.PositiveSmallIntegerField(_("every … days"), default=14)
    later_from = models.DateField(_("from this date on"), null=True, blank=True)
    later_interval_days = models.PositiveSmallIntegerField(
        _("then every … days"), null=True, blank=True
    )
    until = models.DateField(_("last possible date"))
    location = models.ForeignKey(
        Location, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL
    )
    is_public = models.BooleanField(_("meetings are public"), default=False)

    class Meta:
        ordering = ["body", "first_date", "pk"]
        verbose_name = _("meeting cadence")
        verbose_name_plural = _("meeting cadences")

    def __str__(self) -> str:
        return f"{self.body}: {self.title}"

    def clean(self):
        errors = {}
        if self.first_date and self.until:
            if self.until < self.first_date:
                errors["until"] = _("The last date lies before the first meeting.")
            elif (self.until - self.first_date).days > MAX_SERIES_DAYS:
                errors["until"] = _("A series may span at most three years.")
        if self.interval_days is not None and not 1 <= self.interval_days <= 366:
            errors["interval_days"] = _("Please enter between 1 and 366 days.")
        if self.later_interval_days is not None and not 1 <= self.later_interval_days <= 366:
            errors["later_interval_days"] = _("Please enter between 1 and 366 days.")
        if bool(self.later_from) != bool(self.later_interval_days):
            errors["later_from"] = _("Give both the date of the change and the later interval.")
        elif (
            self.later_from
            and self.first_date
            and self.until
            and not self.first_date < self.later_from <= self.until
        ):
            errors["later_from"] = _(
                "The change must lie after the first meeting and before the last date."
            )
        if not errors and self.body_id and self.first_date and self.until:
            overlapping = CadenceRule.objects.filter(
                body_id=self.body_id, first_date__lte=self.until, until__gte=self.first_date
            ).exclude(pk=self.pk)
            if overlapping.exists():
                errors["first_date"] = _(
                    "This cadence overlaps another cadence of the same body (%(other)s)."
                ) % {"other": overlapping.first().title}
        if errors:
            raise ValidationError(errors)

    def dates(self) -> list[datetime.date]:
        """The meeting days of the series, in order."""
        days, day = [], self.first_date
        while day <= self.until:
            days.append(day)
            later = self.later_from and day >= self.later_from
            step = self.later_interval_days if later else self.interval_days
            # The switch happens on the first meeting on or after later_from.
            if not later and self.later_from and day + datetime.timedelta(step) > self.later_from:
                step = max((self.later_from - day).days, 1)
            day = day + datetime.timedelta(days=step)
        return days


class Meeting(PublishedModel):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        INVITED = "invited", _("invitations sent")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    name = models.CharField(_("name"), max_length=200)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.ForeignKey(
        Location,
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SCHEDULED
    )
    is_public = models.BooleanField(
        _("public meeting"),
        default=True,
        help_text=_(
            "Non-public meetings are seen only by the body's members and the coordinators."
        ),
    )
    cadence = models.ForeignKey(
        CadenceRule,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    minutes = models.TextField(_("minutes (public part)"), blank=True)
    internal_minutes = models.TextField(_("minutes (non-public part)"), blank=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["body", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="governance_meeting_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start:%d.%m.%Y})" if self.start else self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must lie after the start.")})

    @property
    def cancelled(self) -> bool:
        return self.state == self.State.CANCELLED


class AgendaItem(PublishedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    number = models.CharField(_("number"), max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("subject"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    is_public = models.BooleanField(
        _("public item"),
        default=True,
        help_text=_("Non-public items are seen only by the body's members and the coordinators."),
    )
    result = models.CharField(_("result"), max_length=200, blank=True)
    resolution_text = models.TextField(_("resolution"), blank=True)
    work_package = models.ForeignKey(
        "process.WorkPackage",
        verbose_name=_("work package discussed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#top-{self.pk}"


class Attendance(TimeStampedModel):
    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=8, choices=Status.choices)
    voting = models.BooleanField(_("with a vote"), default=True)

    class Meta:
        ordering = ["person__name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="governance_attend_once")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"


class Document(PublishedModel):
    """A file of a body, meeting, agenda item or paper (OParl ``File``). Internal documents
    are seen only by the members of ``body`` and the coordinators."""

    class Role(models.TextChoices):
        INVITATION = "invitation", _("invitation")
        MINUTES = "minutes", _("minutes")
        MAIN = "main", _("main document of the paper")
        RESOLUTION = "resolution", _("resolution")
        AUXILIARY = "auxiliary", _("attachment")
        WORKING = "working", _("working document")

    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text=_("Whose members may see the document when it is internal."),
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    paper = models.ForeignKey(
        "governance.Paper",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    name = models.CharField(_("title"), max_length=200)
    role = models.CharField(_("kind"), max_length=12, choices=Role.choices, default=Role.AUXILIARY)
    file = models.FileField(_("file"), upload_to="governance/documents/%Y/")
    file_name = models.CharField(_("file name"), max_length=200)
    mime_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    sha1 = models.CharField(_("SHA-1 checksum"), max_length=40, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    is_public = models.BooleanField(
        _("public document"),
        default=True,
        help_text=_("Internal documents are seen only by the body's members and the coordinators."),
    )

    class Meta:
        ordering = ["-date", "name", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "governance:document_file", kwargs={"pk": self.pk, "file_name": self.file_name}
        )
