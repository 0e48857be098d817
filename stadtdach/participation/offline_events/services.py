"""Writes of offline events: attendance, photos, documents, and the results staff record
after the event (contributions with channel "offline", published at once)."""

import secrets
from collections.abc import Iterable

from django.db import transaction
from django.utils import translation

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission
from stadtdach.participation.models import Channel, Contribution
from stadtdach.participation.offline_events.models import (
    FORMAT_CODE,
    Attendance,
    EventDocument,
    EventPhoto,
    EventResult,
    OfflineEvent,
)
from stadtdach.participation.services.contributions import contribution_submit

MAX_RESULTS = 100


def parse_results(text: str) -> list[tuple[str, str]]:
    """(title, text) per result: results are separated by an empty line; the first line
    is the title, the rest the text (a one-line result is both)."""
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    results = []
    for block in normalised.split("\n\n"):
        lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        title = lines[0][:200]
        body = "\n".join(lines[1:]) or lines[0]
        results.append((title, body))
    return results[:MAX_RESULTS]


def attendance_save(*, actor, event: OfflineEvent, counts: dict, other: int) -> None:
    """Set the attendance per target group (0 removes the row) and the rest."""
    with transaction.atomic():
        before = {
            str(a.target_group_id): a.count
            for a in Attendance.objects.select_for_update().filter(event=event)
        }
        for group_id, count in counts.items():
            if count:
                Attendance.objects.update_or_create(
                    event=event, target_group_id=group_id, defaults={"count": count}
                )
            else:
                Attendance.objects.filter(event=event, target_group_id=group_id).delete()
        after = {str(k): v for k, v in counts.items() if v}
        changes = {
            key: [before.get(key), after.get(key)]
            for key in set(before) | set(after)
            if before.get(key) != after.get(key)
        }
        if event.attendance_other != other:
            changes["attendance_other"] = [event.attendance_other, other]
            event.attendance_other = other
            event.save(update_fields=["attendance_other", "modified"])
        if changes:
            audit.record(
                actor=actor, action=AuditEntry.Action.UPDATE, instance=event, changes=changes
            )


def results_record(
    *,
    actor,
    event: OfflineEvent,
    entries: Iterable[tuple[str, str]],
    target_group=None,
    action_field=None,
    themes: Iterable = (),
    submission_token=None,
    is_sample: bool = False,
) -> list[Contribution]:
    """Record what came out of an event: each entry becomes a contribution marked
    offline (recorded by ``actor``), evaluated and answered like online input."""
    themes = list(themes)
    created = []
    with transaction.atomic():
        claim_submission(submission_token)
        for title, text in entries:
            contribution = contribution_submit(
                process=event.process,
                format_code=FORMAT_CODE,
                author=None,
                title=title,
                text=text,
                target_group=target_group,
                action_field=action_field,
                themes=themes,
                channel=Channel.OFFLINE,
                recorded_by=actor,
                is_sample=is_sample,
            )
            EventResult.objects.create(contribution=contribution, event=event)
            created.append(contribution)
    return created


def photo_add(
    *, actor, event: OfflineEvent, prepared, description: str, is_sample: bool = False
) -> EventPhoto:
    """A photo, re-encoded by images.prepare (no metadata, no hidden payload)."""
    with transaction.atomic():
        photo = EventPhoto(
            event=event,
            token=prepared.token,
            description=description,
            width=prepared.width,
            height=prepared.height,
            is_sample=is_sample,
        )
        photo.file.save(prepared.content.name, prepared.content, save=False)
        photo.save()
        audit.record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            instance=photo,
            changes={"description": [None, description]},
        )
    return photo


def document_add(
    *, actor, event: OfflineEvent, checked, title: str, is_sample: bool = False
) -> EventDocument:
    with transaction.atomic():
        document = EventDocument(
            event=event,
            title=title,
            token=secrets.token_hex(16),
            extension=checked.extension,
            content_type=checked.content_type,
            size=checked.size,
            is_sample=is_sample,
        )
        document.file.save(f"{document.token}.{checked.extension}", checked.upload, save=False)
        document.save()
        audit.record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            instance=document,
            changes={"title": [None, title]},
        )
    return document


def event_label(event: OfflineEvent) -> str:
    with translation.override("de"):
        return f"{event.get_kind_display()}: {event.title}"
