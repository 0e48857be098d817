"""Tasks and next steps of the process: who does what by when, and what it concerns.

Links to meetings and decisions live in the governance app (it points at Task); links to
measures point down into the strategy."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel
from stadtdach.process.models.schedule import Phase


class Task(SampleDataModel):
    """A next step or task of the process."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    edition = models.ForeignKey(
        "strategy.Edition",
        verbose_name=_("ISEK edition"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible_role = models.ForeignKey(
        "accounts.Role",
        verbose_name=_("responsible role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="process_tasks",
        help_text=_("The person who sees to it that the task gets done."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Internal tasks are shown only to the people who work on the process."),
    )
    measures = models.ManyToManyField(
        "strategy.Measure", verbose_name=_("measures"), blank=True, related_name="tasks"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "due_date", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("process:task_detail", kwargs={"pk": self.pk})

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status != self.Status.DONE and self.due_date is not None and self.due_date < today
        )
