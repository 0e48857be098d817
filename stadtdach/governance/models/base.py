"""Soft deletion: what OParl has published must stay answerable after it is deleted.

OParl forbids deleting published objects outright: a deleted object keeps its id, type
and created time, gets ``deleted: true`` and a new ``modified`` time, so that clients
syncing with ``modified_since`` learn of the deletion. Pages and selectors use
``objects`` (live rows only); the OParl API reads ``all_objects``."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class LiveManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class PublishedModel(SampleDataModel):
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    objects = LiveManager()
    all_objects = models.Manager()

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def mark_deleted(self) -> None:
        """Soft-delete this row (the service records the audit entry and cascades)."""
        now = timezone.now()
        type(self).all_objects.filter(pk=self.pk).update(deleted_at=now, modified=now)
        self.deleted_at = self.modified = now
