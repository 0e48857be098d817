"""Audit log: snapshot an object before and after a write and record the difference."""

import datetime
import decimal
import uuid
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from stadtdach.core.models import AuditEntry

# Never copied into the log: time stamps change on every save, secrets must not spread.
_SKIPPED = {"created", "modified", "password", "last_login"}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.time, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The object's own field values and many-to-many ids, as JSON-safe data."""
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in _SKIPPED:
            continue
        data[field.name] = _plain(getattr(instance, field.attname))
    if instance.pk is not None:
        for field in instance._meta.many_to_many:
            data[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return data


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    keys = sorted(set(before) | set(after))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def _label(actor) -> str:
    if actor is None:
        return "System"
    return actor.get_full_name() or actor.get_username()


def record(
    *,
    actor,
    action: str,
    instance: models.Model | None = None,
    changes: dict | None = None,
    label: str = "",
) -> AuditEntry:
    """Write one audit entry. Call it inside the transaction of the change it describes."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=_label(actor if getattr(actor, "pk", None) else None),
        action=action,
        content_type=ContentType.objects.get_for_model(instance) if instance is not None else None,
        object_id=str(instance.pk) if instance is not None else "",
        object_repr=(label or str(instance))[:300],
        changes=changes or {},
    )
