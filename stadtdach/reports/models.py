"""Documents generated from the data (the ISEK document, the annual monitoring report,
committee reports) and the revisions of an edition with their frozen snapshots.

Revisions live here, at the top of the layers, because a snapshot takes in strategy and
monitoring alike (docs/reports.md)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel, TimeStampedModel


class Report(TimeStampedModel):
    class Kind(models.TextChoices):
        ISEK = "isek", _("ISEK document")
        MONITORING = "monitoring", _("Annual monitoring report")
        COMMITTEE = "committee", _("Committee report")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", _("DOCX (Word, for editing)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being generated")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    progress_note = models.CharField(_("current step"), max_length=200, blank=True)
    request_id = models.UUIDField(_("request"), default=uuid.uuid4, db_index=True)
    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    committee = models.CharField(_("committee"), max_length=200, blank=True)
    action_fields = models.ManyToManyField(
        "strategy.ActionField", verbose_name=_("action fields"), blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="reports/%Y/", max_length=200, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Published reports can be downloaded by everyone."),
    )
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_format_display()})"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def download_name(self) -> str:
        from stadtdach.core.text import german_slugify

        stamp = (self.finished_at or self.created).strftime("%Y-%m-%d")
        return f"{german_slugify(self.title, 120)}-{stamp}.{self.format}"


class Revision(SampleDataModel):
    """A published state of an edition (Fortschreibung): a frozen snapshot of its vision,
    action fields, themes and ratings, goals, measures and indicators' targets."""

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    published_on = models.DateField(_("published on"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    change_note = models.TextField(
        _("what changed and why"),
        blank=True,
        help_text=_("The entry of the change log for this revision."),
    )
    snapshot = models.JSONField(_("snapshot"), default=dict)

    class Meta:
        ordering = ["published_on", "pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="reports_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.edition.name} – {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("reports:revision_detail", kwargs={"pk": self.pk})
