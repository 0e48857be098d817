"""A file of progress updates or indicator values, checked row by row and imported all
or nothing. Large files are processed by a background task that reports its progress."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import TimeStampedModel


class ImportJob(TimeStampedModel):
    class Kind(models.TextChoices):
        PROGRESS = "progress", _("progress of measures")
        VALUES = "values", _("indicator values")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        RUNNING = "running", _("being checked")
        DONE = "done", _("imported")
        FAILED = "failed", _("not imported (errors)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to="imports/%Y/", max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    language = models.CharField(_("language"), max_length=10, default="de")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    imported_rows = models.PositiveIntegerField(_("rows imported"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:import_detail", kwargs={"pk": self.pk})

    @property
    def percent(self) -> int:
        if self.status in (self.Status.DONE, self.Status.FAILED):
            return 100
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
