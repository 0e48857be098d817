"""Small idempotent writers the governance demo part builds on: each finds its record by
a natural key and updates it (soft-deleted demo records come back instead of being
duplicated)."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Consultation,
    Document,
    Meeting,
    Membership,
)


def at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_current_timezone())


def live(model, lookup: dict, values: dict):
    """update_or_create that also brings a soft-deleted demo record back."""
    return model.all_objects.update_or_create(**lookup, defaults={**values, "deleted_at": None})[0]


def meeting(body, name, start, place, *, public=True, state="held", sample_note="", is_sample=True):
    return live(
        Meeting,
        {"body": body, "start": start},
        {
            "name": name,
            "end": start + datetime.timedelta(hours=2),
            "location": place,
            "is_public": public,
            "state": state,
            "is_sample": is_sample,
            "sample_note": sample_note,
        },
    )


def item(meeting, order, number, name, description="", *, public=True, is_sample=False, **extra):
    return live(
        AgendaItem,
        {"meeting": meeting, "order": order},
        {
            "number": number,
            "name": name,
            "description": description,
            "is_public": public,
            "is_sample": is_sample,
            **extra,
        },
    )


def attendance(meeting, people, *, excused=()) -> None:
    for membership in Membership.objects.filter(body=meeting.body).select_related("person"):
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=membership.person,
            defaults={
                "status": "excused" if membership.person.name in excused else "present",
                "voting": membership.voting_right,
            },
        )


def document(name, file_name, content: bytes, **fields) -> Document:
    lookup = {"name": name, "meeting": fields.get("meeting"), "body": fields.get("body")}
    document = Document.all_objects.filter(**lookup).first()

    facts = {
        "file_name": file_name,
        "mime_type": "text/plain",
        "size": len(content),
        "sha1": hashlib.sha1(content, usedforsecurity=False).hexdigest(),
        "deleted_at": None,
        "is_public": fields.pop("is_public", True),
        **fields,
    }
    if document is None:
        document = Document(name=name, **facts)
        document.file.save(file_name, ContentFile(content), save=False)
        document.save()
        return document
    for key, value in facts.items():
        setattr(document, key, value)
    if not document.file or not document.file.storage.exists(document.file.name):
        document.file.save(file_name, ContentFile(content), save=False)
    document.save()
    return document


def consult(paper, order, body, meeting, item, role, result, votes=(None, None, None), **extra):
    return live(
        Consultation,
        {"paper": paper, "order": order},
        {
            "body": body,
            "meeting": meeting,
            "agenda_item": item,
            "role": role,
            "result": result,
            "votes_yes": votes[0],
            "votes_no": votes[1],
            "votes_abstain": votes[2],
            **extra,
        },
    )
