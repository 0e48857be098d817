"""Our records as OParl 1.1 objects (https://schema.oparl.org/1.1/).

Mapping: our ``Authority`` is OParl's ``Body`` (the town as a corporation); our ``Body``
(a Gremium) is OParl's ``Organization``; ``Document`` is ``File``. Rules followed here:
ids are full URLs; ``created`` and ``modified`` on every object; a deleted object is a
tombstone (id, type, created, modified, ``deleted: true``); an embedded object leaves
out the back reference to its parent; properties without a value are left out rather
than given as null or []."""

import datetime

from django.urls import reverse
from django.utils import timezone

SCHEMA = "https://schema.oparl.org/1.1/"
VENDOR = "stadtdach"  # prefix of our vendor-specific properties (OParl 3.x, "Erweiterungen")

PAPER_TYPES = {
    "decision": "Beschlussvorlage",
    "report": "Bericht",
    "motion": "Antrag",
    "information": "Mitteilungsvorlage",
}
CONSULTATION_ROLES = {
    "preliminary": "Vorberatung",
    "decision": "Entscheidung",
    "information": "Kenntnisnahme",
}
ORGANIZATION_TYPES = {
    "council": ("Gremium", "Stadtvertretung"),
    "committee": ("Gremium", "Ausschuss"),
    "steering_group": ("Gremium", "Steuerungsgruppe"),
    "faction": ("Fraktion", "Fraktion"),
    "other": ("Sonstiges", "Sonstiges"),
}
MEETING_STATES = {
    "scheduled": "terminiert",
    "invited": "eingeladen",
    "held": "durchgeführt",
    "cancelled": "abgesagt",
}
RESULTS = {
    "recommended": "Empfohlen",
    "not_recommended": "Nicht empfohlen",
    "adopted": "Unverändert beschlossen",
    "adopted_changed": "Geändert beschlossen",
    "rejected": "Abgelehnt",
    "noted": "Zur Kenntnis genommen",
    "postponed": "Vertagt",
    "withdrawn": "Zurückgezogen",
}


def moment(value: datetime.datetime) -> str:
    """A date-time with its time zone, as OParl wants it: 2020-12-08T19:00:00+01:00."""
    return timezone.localtime(value).isoformat(timespec="seconds")


def day(value: datetime.date) -> str:
    return value.isoformat()


class Urls:
    """Builds the full URLs of objects and lists for one request's host."""

    def __init__(self, request):
        self.request = request

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def object(self, kind: str, pk: int) -> str:
        return self.absolute(reverse(f"oparl:{kind}", kwargs={"pk": pk}))

    def body_list(self, authority_pk: int, name: str) -> str:
        return self.absolute(reverse(f"oparl:body_{name}", kwargs={"pk": authority_pk}))

    def system(self) -> str:
        return self.absolute(reverse("oparl:system"))

    def web(self, path: str) -> str:
        return self.absolute(path)


def _clean(data: dict) -> dict:
    """Leave out empty values (the specification asks not to output null or [])."""
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _base(obj, kind: str, type_name: str, urls: Urls) -> dict:
    return {
        "id": urls.object(kind, obj.pk),
        "type": SCHEMA + type_name,
        "created": moment(obj.created),
        "modified": moment(obj.modified),
    }


def tombstone(obj, kind: str, type_name: str, urls: Urls, **required) -> dict:
    """A deleted object: id, type, created, modified and ``deleted``, plus what the
    schema requires of the type (an AgendaItem's order, a File's accessUrl)."""
    return {**_base(obj, kind, type_name, urls), **required, "deleted": True}


def _keywords(obj) -> list[str]:
    return ["Beispieldaten"] if getattr(obj, "is_sample", False) else []


def authority(obj, urls: Urls, *, terms) -> dict:
    lists = {
        "organization": "organizations",
        "person": "persons",
        "meeting": "meetings",
        "paper": "papers",
        "agendaItem": "agenda_items",
        "consultation": "consultations",
        "file": "files",
        "locationList": "locations",
        "legislativeTermList": "legislative_terms",
        "membership": "memberships",
    }
    data = {
        "id": urls.absolute(reverse("oparl:body", kwargs={"pk": obj.pk})),
        "type": SCHEMA + "Body",
        "system": urls.system(),
        "name": obj.name,
        "shortName": obj.short_name,
        "website": obj.website,
        "license": obj.license,
        "ags": obj.ags,
        "contactEmail": obj.contact_email,
        "contactName": obj.contact_name,
        "classification": obj.classification,
        "oparlSince": moment(obj.created),
        **{key: urls.body_list(obj.pk, name) for key, name in lists.items()},
        "legislativeTerm": [legislative_term(t, urls, embedded=True) for t in terms],
        "web": urls.web(reverse("governance:index")),
        "created": moment(obj.created),
        "modified": moment(obj.modified),
    }
    cleaned = _clean(data)
    cleaned.setdefault("legislativeTerm", [])  # required, so given even when empty
    return cleaned


def legislative_term(obj, urls: Urls, *, embedded: bool = False) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "legislative_term", "LegislativeTerm", urls)
    return _clean(
        {
            **_base(obj, "legislative_term", "LegislativeTerm", urls),
            "body": None
            if embedded
            else urls.absolute(reverse("oparl:body", kwargs={"pk": obj.authority_id})),
            "name": obj.name,
            "startDate": day(obj.start_date) if obj.start_date else None,
            "endDate": day(obj.end_date) if obj.end_date else None,
        }
    )


def location(obj, urls: Urls, *, embedded: bool = False, meetings=(), organizations=()) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "location", "Location", urls)
    geojson = None
    if obj.geojson:
        geojson = {"type": "Feature", "geometry": obj.geojson, "properties": {}}
    data = {
        **_base(obj, "location", "Location", urls),
        "description": obj.description,
        "streetAddress": obj.street_address,
        "room": obj.room,
        "postalCode": obj.postal_code,
        "locality": obj.locality,
        "geojson": geojson,
    }
    if not embedded:
        data["meetings"] = [urls.object("meeting", m.pk) for m in meetings]
        data["organizations"] = [urls.object("organization", b.pk) for b in organizations]
    return _clean(data)


def organization(obj, urls: Urls, *, memberships) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "organization", "Organization", urls)
    organization_type, classification = ORGANIZATION_TYPES.get(obj.kind, ("Sonstiges", ""))
    return _clean(
        {
            **_base(obj, "organization", "Organization", urls),
            "body": urls.absolute(reverse("oparl:body", kwargs={"pk": obj.authority_id})),
            "name": obj.name,
            "shortName": obj.short_name,
            "membership": [urls.object("membership", m.pk) for m in memberships],
            "organizationType": organization_type,
            "classification": classification,
            "subOrganizationOf": urls.object("organization", obj.parent_id)
            if obj.parent_id
            else None,
            "startDate": day(obj.start_date) if obj.start_date else None,
            "endDate": day(obj.end_date) if obj.end_date else None,
            "location": location(obj.location, urls, embedded=True) if obj.location else None,
            "web": urls.web(obj.get_absolute_url()),
            "keyword": _keywords(obj),
        }
    )


def membership(obj, urls: Urls, *, embedded: bool = False) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "membership", "Membership", urls)
    return _clean(
        {
            **_base(obj, "membership", "Membership", urls),
            "person": None if embedded else urls.object("person", obj.person_id),
            "organization": urls.object("organization", obj.body_id),
            "role": obj.role,
            "votingRight": obj.voting_right,
            "startDate": day(obj.start_date) if obj.start_date else None,
            "endDate": day(obj.end_date) if obj.end_date else None,
            "onBehalfOf": urls.object("organization", obj.on_behalf_of_id)
            if obj.on_behalf_of_id
            else None,
            "keyword": _keywords(obj),
        }
    )


def person(obj, urls: Urls, *, memberships) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "person", "Person", urls)
    return _clean(
        {
            **_base(obj, "person", "Person", urls),
            "body": urls.absolute(reverse("oparl:body", kwargs={"pk": obj.authority_id})),
            "name": obj.name,
            "familyName": obj.family_name,
            "givenName": obj.given_name,
            "formOfAddress": obj.form_of_address,
            "title": [obj.title] if obj.title else None,
            "membership": [membership(m, urls, embedded=True) for m in memberships],
            "keyword": _keywords(obj),
            "web": urls.web(obj.get_absolute_url()),
        }
    )


def file(obj, urls: Urls, *, embedded: bool = False) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "file", "File", urls, accessUrl=urls.web(obj.get_absolute_url()))
    access = urls.web(obj.get_absolute_url())
    data = {
        **_base(obj, "file", "File", urls),
        "name": obj.name,
        "fileName": obj.file_name,
        "mimeType": obj.mime_type,
        "date": day(obj.date) if obj.date else None,
        "size": obj.size,
        "sha1Checksum": obj.sha1,
        "accessUrl": access,
        "downloadUrl": access + "?download=1",
        "keyword": _keywords(obj),
    }
    if not embedded:
        data["meeting"] = [urls.object("meeting", obj.meeting_id)] if obj.meeting_id else None
        data["agendaItem"] = (
            [urls.object("agenda_item", obj.agenda_item_id)] if obj.agenda_item_id else None
        )
        data["paper"] = [urls.object("paper", obj.paper_id)] if obj.paper_id else None
    return _clean(data)


def agenda_item(
    obj,
    urls: Urls,
    *,
    position: int,
    files,
    embedded: bool = False,
    consultation_visible: bool = True,
) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "agenda_item", "AgendaItem", urls, order=position)
    consultation = getattr(obj, "consultation", None) if consultation_visible else None
    decision = getattr(consultation, "decision", None) if consultation else None
    data = {
        **_base(obj, "agenda_item", "AgendaItem", urls),
        "meeting": None if embedded else urls.object("meeting", obj.meeting_id),
        "number": obj.number,
        "order": position,
        "name": obj.name,
        "public": obj.is_public,
        "consultation": urls.object("consultation", consultation.pk)
        if consultation and not consultation.deleted_at
        else None,
        "result": obj.result or (RESULTS.get(consultation.result) if consultation else None),
        "resolutionText": obj.resolution_text or (decision.text if decision else None),
        "auxiliaryFile": [file(f, urls, embedded=True) for f in files],
        "web": urls.web(obj.get_absolute_url()),
        "keyword": _keywords(obj),
    }
    cleaned = _clean(data)
    cleaned["order"] = position  # required, and 0 is a valid position
    return cleaned


def meeting(obj, urls: Urls, *, items, files, participants) -> dict:
    """``items``: the public live agenda items in order, each with ``visible_files``."""
    if obj.deleted_at:
        return tombstone(obj, "meeting", "Meeting", urls)
    invitation = next((f for f in files if f.role == "invitation"), None)
    protocol = next((f for f in files if f.role == "minutes"), None)
    others = [f for f in files if f not in (invitation, protocol)]
    return _clean(
        {
            **_base(obj, "meeting", "Meeting", urls),
            "name": obj.name,
            "meetingState": MEETING_STATES.get(obj.state),
            "cancelled": True if obj.cancelled else None,
            "start": moment(obj.start),
            "end": moment(obj.end) if obj.end else None,
            "location": location(obj.location, urls, embedded=True) if obj.location else None,
            "organization": [urls.object("organization", obj.body_id)],
            "participant": [urls.object("person", p) for p in participants],
            "invitation": file(invitation, urls, embedded=True) if invitation else None,
            "resultsProtocol": file(protocol, urls, embedded=True) if protocol else None,
            "auxiliaryFile": [file(f, urls, embedded=True) for f in others],
            "agendaItem": [
                agenda_item(
                    item,
                    urls,
                    position=n,
                    files=item.visible_files,
                    embedded=True,
                    consultation_visible=getattr(item, "consultation_visible", False),
                )
                for n, item in enumerate(items)
            ],
            "web": urls.web(obj.get_absolute_url()),
            "keyword": _keywords(obj),
        }
    )


def consultation(obj, urls: Urls, *, embedded: bool = False) -> dict:
    """The agenda item and meeting are referenced only when they are public."""
    if obj.deleted_at:
        return tombstone(obj, "consultation", "Consultation", urls)
    item, meeting_ = obj.agenda_item, obj.meeting
    item_public = bool(item and not item.deleted_at and item.is_public and item.meeting.is_public)
    meeting_public = bool(meeting_ and not meeting_.deleted_at and meeting_.is_public)
    votes = None
    if obj.votes_total is not None:
        votes = {
            "yes": obj.votes_yes or 0,
            "no": obj.votes_no or 0,
            "abstain": obj.votes_abstain or 0,
        }
    return _clean(
        {
            **_base(obj, "consultation", "Consultation", urls),
            "paper": None if embedded else urls.object("paper", obj.paper_id),
            "agendaItem": urls.object("agenda_item", item.pk) if item_public else None,
            "meeting": urls.object("meeting", meeting_.pk) if meeting_public else None,
            "organization": [urls.object("organization", obj.body_id)],
            "authoritative": obj.authoritative,
            "role": CONSULTATION_ROLES.get(obj.role),
            f"{VENDOR}:result": RESULTS.get(obj.result),
            f"{VENDOR}:votes": votes,
        }
    )


def paper(obj, urls: Urls, *, consultations, files, sub_papers) -> dict:
    if obj.deleted_at:
        return tombstone(obj, "paper", "Paper", urls)
    main = next((f for f in files if f.role == "main"), None)
    return _clean(
        {
            **_base(obj, "paper", "Paper", urls),
            "body": urls.absolute(reverse("oparl:body", kwargs={"pk": obj.authority_id})),
            "name": obj.name,
            "reference": obj.reference,
            "date": day(obj.date),
            "paperType": PAPER_TYPES.get(obj.kind),
            "superordinatedPaper": [urls.object("paper", obj.parent_id)]
            if obj.parent_id and getattr(obj, "parent_visible", True)
            else None,
            "subordinatedPaper": [urls.object("paper", p.pk) for p in sub_papers],
            "mainFile": file(main, urls, embedded=True) if main else None,
            "auxiliaryFile": [file(f, urls, embedded=True) for f in files if f is not main],
            "originatorOrganization": [urls.object("organization", obj.originator_id)]
            if obj.originator_id
            else None,
            "consultation": [consultation(c, urls, embedded=True) for c in consultations],
            "web": urls.web(obj.get_absolute_url()),
            "keyword": _keywords(obj),
        }
    )
