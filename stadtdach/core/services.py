"""Writes that every app shares: saving a model form with an audit entry, deleting with one."""

import uuid

from django.db import IntegrityError, models, transaction
from django.forms import ModelForm

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry, FormSubmission


class DuplicateSubmission(Exception):
    """The same create form was posted a second time."""


class EditConflict(Exception):
    """Somebody else saved the object after this form was loaded."""


def claim_submission(token: uuid.UUID | None) -> None:
    """Record a form's one-time token; a second claim of the same token fails."""
    if token is None:
        return
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token)
    except IntegrityError as error:
        raise DuplicateSubmission from error


def save_form(
    *,
    actor,
    form: ModelForm,
    submission_token: uuid.UUID | None = None,
    loaded_version: str | None = None,
) -> models.Model:
    """Save a valid model form atomically and audit what changed.

    ``submission_token`` guards a create form against being saved twice;
    ``loaded_version`` (the ``modified`` time the form was loaded with) guards a change
    form against overwriting somebody else's newer save.
    """
    instance = form.instance
    model = type(instance)
    with transaction.atomic():
        creating = instance._state.adding
        if creating:
            claim_submission(submission_token)
            before = {}
        else:
            current = model.objects.select_for_update().get(pk=instance.pk)
            stale = (
                loaded_version
                and hasattr(current, "modified")
                and current.modified.isoformat() != loaded_version
            )
            if stale:
                raise EditConflict
            before = audit.snapshot(current)
        saved = form.save()
        after = audit.snapshot(saved)
        changes = audit.diff(before, after)
        if creating or changes:
            audit.record(
                actor=actor,
                action=AuditEntry.Action.CREATE if creating else AuditEntry.Action.UPDATE,
                instance=saved,
                changes=changes,
            )
    return saved


def delete_object(*, actor, instance: models.Model) -> None:
    """Delete an object and keep its last state in the audit log."""
    with transaction.atomic():
        before = audit.snapshot(instance)
        label = str(instance)
        audit.record(
            actor=actor,
            action=AuditEntry.Action.DELETE,
            instance=instance,
            changes={k: [v, None] for k, v in before.items()},
            label=label,
        )
        instance.delete()
