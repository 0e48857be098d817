"""Building blocks every app uses: time stamps, the sample-data flag, the audit log."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        abstract = True


class SampleDataModel(TimeStampedModel):
    """A record the demo invented beyond the town's own document; the UI marks it."""

    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Illustrative content that is not taken from the town's documents."),
    )
    sample_note = models.CharField(
        _("partly sample data"),
        max_length=300,
        blank=True,
        help_text=_("Which parts of an otherwise real record are illustrative."),
    )

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """Who changed what, when. Written by services, never by signals."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so the log still names the person after their account is gone.
    actor_label = models.CharField(_("by (name)"), max_length=200)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("type"), null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(_("object ID"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"


class FormSubmission(models.Model):
    """One row per submitted create form: a form posted twice is recognised, not saved twice."""

    token = models.UUIDField(unique=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return str(self.token)


class Municipality(models.Model):
    """The town running this installation: its name and the facts legal pages need."""

    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=200)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    represented_by = models.CharField(_("represented by"), max_length=200, blank=True)
    data_protection_officer = models.TextField(_("data protection officer"), blank=True)
    accessibility_contact_email = models.EmailField(_("accessibility contact e-mail"), blank=True)
    accessibility_enforcement_body = models.TextField(_("enforcement body"), blank=True)
    accessibility_statement_date = models.DateField(
        _("statement prepared on"), null=True, blank=True
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipality")

    def __str__(self) -> str:
        return self.name


class TextBlock(TimeStampedModel):
    """An editable text on a page, such as the introduction above a list."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("text block")
        verbose_name_plural = _("text blocks")

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """A running task worker (``manage.py task_worker``) says every few seconds that it
    lives. A task marked running by a worker without a fresh heartbeat is requeued
    (core.ops.lease): a killed worker's task is picked up again, none runs forever."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), default=0)
    started_at = models.DateTimeField(_("started at"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}, {self.pid})"
