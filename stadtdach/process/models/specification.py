"""The tender specification (Leistungsverzeichnis): "ein sehr genaues Leistungsverzeichnis
sichert die Passung für den individuellen Kontext". Sections and items are built from the
edition's selected action fields and themes, the planned participation and the
deliverables of the work packages, then edited by hand and exported as DOCX and PDF."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel, TimeStampedModel
from stadtdach.process.models.schedule import Phase


class Specification(SampleDataModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        FINAL = "final", _("final")
        SENT = "sent", _("sent out with the tender")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="specifications",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase tendered"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specifications",
        help_text=_("Empty: the specification covers every phase."),
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("tender specification")
        verbose_name_plural = _("tender specifications")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("process:specification_detail", kwargs={"pk": self.pk})


class SpecificationSection(TimeStampedModel):
    """A section of the specification. Generated sections (``source`` other than manual)
    are replaced when the specification is built again; manual ones stay."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("written by hand")
        ACTION_FIELDS = "action_fields", _("selected action fields")
        THEMES = "themes", _("cross-cutting themes")
        PARTICIPATION = "participation", _("planned participation")
        DELIVERABLES = "deliverables", _("work packages and deliverables")
        SCHEDULE = "schedule", _("schedule and milestones")

    specification = models.ForeignKey(
        Specification, on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(
        _("source"), max_length=14, choices=Source.choices, default=Source.MANUAL
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.specification.get_absolute_url() + f"#abschnitt-{self.pk}"


class SpecificationItem(TimeStampedModel):
    """One position of the specification: a service the contractor has to provide."""

    section = models.ForeignKey(
        SpecificationSection, on_delete=models.CASCADE, related_name="items"
    )
    text = models.TextField(_("service"))
    quantity = models.DecimalField(
        _("quantity"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    work_package = models.ForeignKey(
        "process.WorkPackage",
        verbose_name=_("work package"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specification_items",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.section.specification.get_absolute_url() + f"#position-{self.pk}"


class SpecificationExport(TimeStampedModel):
    """One generated document of a specification. The PDF is generated in the background
    (WeasyPrint needs seconds); the page shows its progress until the file is ready."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being generated")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    specification = models.ForeignKey(
        Specification, on_delete=models.CASCADE, related_name="exports"
    )
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="process/specifications/", blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("document of a specification")
        verbose_name_plural = _("documents of specifications")

    def __str__(self) -> str:
        return f"{self.specification} ({self.format})"

    def get_absolute_url(self) -> str:
        return reverse("process:specification_export", kwargs={"pk": self.pk})
