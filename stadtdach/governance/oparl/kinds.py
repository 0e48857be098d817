"""The OParl object types: for each, the public records (deleted ones included, as
tombstones) fetched with everything they embed, and how one record becomes an object.

OParl is stateless (no cookies, no log-in): every query here uses the view of the
anonymous public, ``Viewer.public()``. Non-public meetings, agenda items, papers and
internal documents are not in any list and answer 404 at their address. Each list page
costs a fixed number of queries (count, page, and one per prefetched relation)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    Consultation,
    Document,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Paper,
    Person,
)
from stadtdach.governance.oparl import serializers as s
from stadtdach.governance.visibility import Viewer

PUBLIC = Viewer.public()


def _public_files(**filters) -> QuerySet[Document]:
    return Document.objects.filter(PUBLIC.documents()).filter(**filters).order_by("pk")


@dataclass(frozen=True)
class Kind:
    name: str  # URL name of the object ("meeting")
    type_name: str  # OParl type ("Meeting")
    queryset: Callable[[int], QuerySet]  # authority pk → records (deleted ones included)
    serialize: Callable[[object, s.Urls], dict]


# Organization ----------------------------------------------------------------------------


def _organizations(authority_pk: int) -> QuerySet[Body]:
    return (
        Body.all_objects.filter(authority_id=authority_pk)
        .select_related("location")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.order_by("pk"), to_attr="live")
        )
    )


def _organization(obj, urls):
    return s.organization(obj, urls, memberships=getattr(obj, "live", []))


# Person ----------------------------------------------------------------------------------


def _persons(authority_pk: int) -> QuerySet[Person]:
    return Person.all_objects.filter(authority_id=authority_pk).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.order_by("pk"), to_attr="live")
    )


def _person(obj, urls):
    return s.person(obj, urls, memberships=getattr(obj, "live", []))


# Membership, LegislativeTerm -------------------------------------------------------------


def _memberships(authority_pk: int) -> QuerySet[Membership]:
    return Membership.all_objects.filter(person__authority_id=authority_pk)


def _terms(authority_pk: int) -> QuerySet[LegislativeTerm]:
    return LegislativeTerm.all_objects.filter(authority_id=authority_pk)


# Meeting and AgendaItem ------------------------------------------------------------------


def _public_items() -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(is_public=True)
        .select_related("consultation__paper", "consultation__decision")
        .prefetch_related(Prefetch("documents", queryset=_public_files(), to_attr="visible_files"))
        .order_by("order", "pk")
    )


def _meetings(authority_pk: int) -> QuerySet[Meeting]:
    return (
        Meeting.all_objects.filter(is_public=True, body__authority_id=authority_pk)
        .select_related("location")
        .prefetch_related(
            Prefetch("agenda_items", queryset=_public_items(), to_attr="public_items"),
            Prefetch(
                "documents",
                queryset=_public_files(agenda_item__isnull=True),
                to_attr="visible_files",
            ),
            Prefetch(
                "attendance",
                queryset=Attendance.objects.filter(status=Attendance.Status.PRESENT),
                to_attr="present",
            ),
        )
    )


def _consultation_visible(item) -> bool:
    consultation = getattr(item, "consultation", None)
    return bool(consultation and consultation.paper.is_public and not consultation.paper.deleted_at)


def _meeting(obj, urls):
    items = getattr(obj, "public_items", [])
    for item in items:
        item.consultation_visible = _consultation_visible(item)
    return s.meeting(
        obj,
        urls,
        items=items,
        files=getattr(obj, "visible_files", []),
        participants=[a.person_id for a in getattr(obj, "present", [])],
    )


def _agenda_items(authority_pk: int) -> QuerySet[AgendaItem]:
    # The position among the meeting's public agenda items, counted from 0 (OParl 1.1).
    before = (
        AgendaItem.objects.filter(meeting_id=OuterRef("meeting_id"), is_public=True)
        .filter(Q(order__lt=OuterRef("order")) | Q(order=OuterRef("order"), pk__lt=OuterRef("pk")))
        .values("meeting_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        AgendaItem.all_objects.filter(
            is_public=True, meeting__is_public=True, meeting__body__authority_id=authority_pk
        )
        .select_related("meeting", "consultation__paper", "consultation__decision")
        .prefetch_related(Prefetch("documents", queryset=_public_files(), to_attr="visible_files"))
        .annotate(position=Coalesce(Subquery(before, output_field=IntegerField()), Value(0)))
    )


def _agenda_item(obj, urls):
    return s.agenda_item(
        obj,
        urls,
        position=obj.position,
        files=getattr(obj, "visible_files", []),
        consultation_visible=_consultation_visible(obj),
    )


# Paper and Consultation ------------------------------------------------------------------


def _consultation_queryset() -> QuerySet[Consultation]:
    return Consultation.all_objects.select_related("agenda_item__meeting", "meeting")


def _papers(authority_pk: int) -> QuerySet[Paper]:
    return (
        Paper.all_objects.filter(is_public=True, authority_id=authority_pk)
        .select_related("parent")
        .prefetch_related(
            Prefetch(
                "consultations",
                queryset=Consultation.objects.select_related(
                    "agenda_item__meeting", "meeting"
                ).order_by("order", "pk"),
                to_attr="live_consultations",
            ),
            Prefetch("documents", queryset=_public_files(), to_attr="visible_files"),
            Prefetch(
                "sub_papers",
                queryset=Paper.objects.filter(is_public=True).order_by("pk"),
                to_attr="public_sub_papers",
            ),
        )
    )


def _paper(obj, urls):
    parent = obj.parent
    obj.parent_visible = bool(parent and parent.is_public and not parent.deleted_at)
    return s.paper(
        obj,
        urls,
        consultations=getattr(obj, "live_consultations", []),
        files=getattr(obj, "visible_files", []),
        sub_papers=getattr(obj, "public_sub_papers", []),
    )


def _consultations(authority_pk: int) -> QuerySet[Consultation]:
    return _consultation_queryset().filter(paper__is_public=True, paper__authority_id=authority_pk)


# File and Location -----------------------------------------------------------------------


def _files(authority_pk: int) -> QuerySet[Document]:
    return Document.all_objects.filter(PUBLIC.documents())


def _locations(authority_pk: int) -> QuerySet[Location]:
    return Location.all_objects.prefetch_related(
        Prefetch(
            "meetings",
            queryset=Meeting.objects.filter(is_public=True).order_by("pk"),
            to_attr="public_meetings",
        ),
        Prefetch("bodies", queryset=Body.objects.order_by("pk"), to_attr="live_bodies"),
    )


def _location(obj, urls):
    return s.location(
        obj,
        urls,
        meetings=getattr(obj, "public_meetings", []),
        organizations=getattr(obj, "live_bodies", []),
    )


KINDS = {
    kind.name: kind
    for kind in (
        Kind("organization", "Organization", _organizations, _organization),
        Kind("person", "Person", _persons, _person),
        Kind("membership", "Membership", _memberships, s.membership),
        Kind("legislative_term", "LegislativeTerm", _terms, s.legislative_term),
        Kind("meeting", "Meeting", _meetings, _meeting),
        Kind("agenda_item", "AgendaItem", _agenda_items, _agenda_item),
        Kind("paper", "Paper", _papers, _paper),
        Kind("consultation", "Consultation", _consultations, s.consultation),
        Kind("file", "File", _files, s.file),
        Kind("location", "Location", _locations, _location),
    )
}
