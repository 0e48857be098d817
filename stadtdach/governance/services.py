"""Writes of governance. Every write is atomic and audited; objects OParl has published are
soft-deleted, and a change to an embedded object touches the objects that embed it (OParl
1.1 keeps ``modified`` of the parent in step, so clients syncing with ``modified_since``
see the change)."""

import datetime
import hashlib
import mimetypes

from django.db import transaction
from django.utils import timezone

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import save_form
from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Authority,
    Body,
    CadenceRule,
    Consultation,
    Decision,
    Document,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Paper,
    Person,
)
from stadtdach.governance.models.base import PublishedModel


def _touch(model, **filters) -> None:
    manager = model.all_objects if issubclass(model, PublishedModel) else model.objects
    manager.filter(**filters).update(modified=timezone.now())


def touch_parents(instance) -> None:
    """Update ``modified`` of the objects that embed ``instance`` in OParl."""
    if isinstance(instance, (AgendaItem, Attendance)):
        _touch(Meeting, pk=instance.meeting_id)
    elif isinstance(instance, Consultation):
        _touch(Paper, pk=instance.paper_id)
        if instance.agenda_item_id:
            _touch(AgendaItem, pk=instance.agenda_item_id)
    elif isinstance(instance, Decision):
        consultation = instance.consultation
        _touch(Paper, pk=consultation.paper_id)
        if consultation.agenda_item_id:
            _touch(AgendaItem, pk=consultation.agenda_item_id)
            _touch(Meeting, agenda_items__pk=consultation.agenda_item_id)
    elif isinstance(instance, Membership):
        _touch(Person, pk=instance.person_id)
        _touch(Body, pk=instance.body_id)
    elif isinstance(instance, Document):
        for model, pk in (
            (Meeting, instance.meeting_id),
            (AgendaItem, instance.agenda_item_id),
            (Paper, instance.paper_id),
        ):
            if pk:
                _touch(model, pk=pk)
    elif isinstance(instance, Location):
        _touch(Meeting, location_id=instance.pk)
        _touch(Body, location_id=instance.pk)
    elif isinstance(instance, LegislativeTerm):
        _touch(Authority, pk=instance.authority_id)


def save(*, actor, form, submission_token=None, loaded_version=None):
    """Save a governance form (audited, see core.services.save_form) and touch parents."""
    with transaction.atomic():
        saved = save_form(
            actor=actor,
            form=form,
            submission_token=submission_token,
            loaded_version=loaded_version,
        )
        touch_parents(saved)
    return saved


# What goes with an object when it is deleted (soft-deleted as well).
def _dependents(instance) -> list[PublishedModel]:
    if isinstance(instance, Meeting):
        return [*instance.agenda_items.all(), *instance.documents.all()]
    if isinstance(instance, AgendaItem):
        return list(instance.documents.all())
    if isinstance(instance, Paper):
        return [*instance.consultations.all(), *instance.documents.all()]
    if isinstance(instance, Person):
        return list(instance.memberships.all())
    if isinstance(instance, Body):
        return list(instance.memberships.all())
    return []


def _release_unique_links(instance) -> None:
    """A tombstone must not block its successor: the account of a deleted person and the
    agenda item of a deleted consultation are free again (both are one-to-one)."""
    if isinstance(instance, Person) and instance.user_id:
        Person.all_objects.filter(pk=instance.pk).update(user=None)
    if isinstance(instance, Consultation) and instance.agenda_item_id:
        Consultation.all_objects.filter(pk=instance.pk).update(agenda_item=None)


def soft_delete(*, actor, instance: PublishedModel) -> None:
    """Delete for the site, keep a tombstone for OParl (``deleted: true``); audited."""
    with transaction.atomic():
        for dependent in _dependents(instance):
            dependent.mark_deleted()
            _release_unique_links(dependent)
        before = audit.snapshot(instance)
        instance.mark_deleted()
        touch_parents(instance)
        _release_unique_links(instance)
        audit.record(
            actor=actor,
            action=AuditEntry.Action.DELETE,
            instance=instance,
            changes={k: [v, None] for k, v in before.items()},
        )


def delete(*, actor, instance) -> None:
    """Soft-delete published records; really delete the rest (findings, cadences)."""
    if isinstance(instance, PublishedModel):
        soft_delete(actor=actor, instance=instance)
        return
    from stadtdach.core.services import delete_object

    delete_object(actor=actor, instance=instance)


def cadence_generate(*, actor, rule: CadenceRule) -> tuple[int, int]:
    """Create the meetings of a cadence that do not exist yet; soft-delete future meetings
    of the series that no longer fit the rule and have nothing on their agenda.
    Returns (created, removed). Running it twice changes nothing."""
    tz = timezone.get_current_timezone()
    now = timezone.now()
    with transaction.atomic():
        existing = {m.start: m for m in Meeting.objects.filter(cadence=rule)}
        wanted = []
        for day in rule.dates():
            start = datetime.datetime.combine(day, rule.time_of_day, tzinfo=tz)
            wanted.append(start)
        created = [
            Meeting(
                body=rule.body,
                name=rule.title,
                start=start,
                end=start + datetime.timedelta(minutes=rule.duration_minutes),
                location=rule.location,
                is_public=rule.is_public,
                cadence=rule,
                is_sample=rule.is_sample,
                state=Meeting.State.HELD if start < now else Meeting.State.SCHEDULED,
            )
            for start in wanted
            if start not in existing
        ]
        Meeting.objects.bulk_create(created)
        wanted_set = set(wanted)
        stale = [
            m
            for start, m in existing.items()
            if start not in wanted_set and start > now and not m.agenda_items.exists()
        ]
        for meeting in stale:
            meeting.mark_deleted()
        audit.record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            instance=rule,
            changes={"meetings": [len(existing), len(existing) + len(created) - len(stale)]},
        )
    return len(created), len(stale)


def attendance_record(*, actor, meeting: Meeting, statuses: dict[int, tuple[str, bool]]) -> None:
    """Replace the attendance list of a meeting: person id → (status, has a vote)."""
    with transaction.atomic():
        before = {a.person_id: a.status for a in meeting.attendance.all()}
        meeting.attendance.all().delete()
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, person_id=pk, status=status, voting=voting)
            for pk, (status, voting) in statuses.items()
            if status
        )
        _touch(Meeting, pk=meeting.pk)
        after = {pk: status for pk, (status, _voting) in statuses.items() if status}
        audit.record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            instance=meeting,
            changes={"attendance": [before, after]},
        )


def document_facts(upload) -> dict:
    """File name, type, size and SHA-1 of an uploaded file (OParl File needs them)."""
    digest = hashlib.sha1(usedforsecurity=False)
    size = 0
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    name = upload.name.rsplit("/", 1)[-1]
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {"file_name": name[:200], "mime_type": mime, "size": size, "sha1": digest.hexdigest()}
