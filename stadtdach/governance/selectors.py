"""Reads of governance, always through a ``Viewer`` (visibility.py). Each selector fetches
in a fixed number of queries, whatever the number of meetings, papers or people."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    BodyFinding,
    Consultation,
    Decision,
    Document,
    Meeting,
    Membership,
    Paper,
    Person,
    TaskLink,
)
from stadtdach.governance.visibility import Viewer
from stadtdach.process.models import Task

SHOWN = 10  # meetings or papers listed on a body's page; the lists link to all


def _current(prefix: str = "") -> Q:
    today = timezone.localdate()
    return (
        Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": today})
    ) & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))


def bodies() -> QuerySet[Body]:
    """The bodies with the number of their current members (1 query)."""
    return Body.objects.exclude(kind=Body.Kind.FACTION).annotate(
        member_count=Count(
            "memberships",
            filter=_current("memberships__") & Q(memberships__deleted_at__isnull=True),
        )
    )


def meetings(viewer: Viewer) -> QuerySet[Meeting]:
    return Meeting.objects.filter(viewer.meetings()).select_related("body", "location")


def upcoming_meetings(viewer: Viewer, *, limit: int = 5, body: Body | None = None):
    now = timezone.now()
    upcoming = meetings(viewer).filter(start__gte=now - datetime.timedelta(hours=6))
    if body is not None:
        upcoming = upcoming.filter(body=body)
    return list(upcoming.exclude(state=Meeting.State.CANCELLED).order_by("start", "pk")[:limit])


def papers(viewer: Viewer) -> QuerySet[Paper]:
    return Paper.objects.filter(viewer.papers()).select_related("originator")


def papers_on_their_way(viewer: Viewer, *, limit: int = 10) -> list[Paper]:
    """Decision papers whose deciding consultation has no result yet, with their steps
    (2 queries)."""
    pending = Consultation.objects.filter(
        role=Consultation.Role.DECISION, result=Consultation.Result.PENDING
    ).values("paper_id")
    return list(
        papers(viewer)
        .filter(kind=Paper.Kind.DECISION, pk__in=pending)
        .prefetch_related(_consultations_prefetch())
        .order_by("date", "pk")[:limit]
    )


def _consultations_prefetch():
    return Prefetch(
        "consultations",
        queryset=Consultation.objects.select_related("body", "meeting").order_by("order", "pk"),
    )


@dataclass
class BodyPage:
    body: Body
    memberships: list[Membership]
    upcoming: list[Meeting]
    past: list[Meeting]
    papers: list[Paper]
    is_insider: bool


def body_detail(slug: str, viewer: Viewer) -> BodyPage:
    """A body with its current members, next and last meetings and recent papers
    (5 queries)."""
    body = get_object_or_404(Body.objects.select_related("location", "parent"), slug=slug)
    memberships = list(
        Membership.objects.filter(body=body)
        .filter(_current())
        .select_related("person", "on_behalf_of")
        .order_by("role", "person__name")
    )
    now = timezone.now()
    visible = meetings(viewer).filter(body=body)
    upcoming = list(visible.filter(start__gte=now).order_by("start", "pk")[:SHOWN])
    past = list(visible.filter(start__lt=now).order_by("-start", "-pk")[:SHOWN])
    consulted = Consultation.objects.filter(body=body).values("paper_id")
    recent = list(
        papers(viewer)
        .filter(Q(pk__in=consulted) | Q(originator=body))
        .order_by("-date", "-pk")[:SHOWN]
    )
    return BodyPage(body, memberships, upcoming, past, recent, viewer.is_insider(body.pk))


@dataclass
class PersonPage:
    person: Person
    memberships: list[Membership]  # current ones first, then ended ones (``m.ended``)
    attended: list[Attendance]  # in the meetings the viewer may see, newest first


def person_page(pk: int, viewer: Viewer) -> PersonPage:
    """A person with all memberships and the latest meetings the viewer may see with the
    person's attendance (3 queries)."""
    person = get_object_or_404(Person, pk=pk)
    today = timezone.localdate()
    memberships = list(
        Membership.objects.filter(person=person, body__deleted_at__isnull=True).select_related(
            "body", "on_behalf_of"
        )
    )
    for membership in memberships:
        membership.ended = membership.end_date is not None and membership.end_date < today
    memberships.sort(key=lambda m: (m.ended, m.body.order, m.pk))
    attended = list(
        Attendance.objects.filter(person=person, meeting__in=meetings(viewer).values("pk"))
        .select_related("meeting__body")
        .order_by("-meeting__start", "-pk")[:SHOWN]
    )
    return PersonPage(person, memberships, attended)


def meeting_page(viewer: Viewer, *, body_slug: str, when: str, page: int):
    """One page of meetings, upcoming ones first in date order (count + page)."""
    listing = meetings(viewer)
    if body_slug:
        listing = listing.filter(body__slug=body_slug)
    now = timezone.now()
    if when == "vergangen":
        listing = listing.filter(start__lt=now).order_by("-start", "-pk")
    else:
        listing = listing.filter(start__gte=now - datetime.timedelta(hours=6)).order_by(
            "start", "pk"
        )
    return Paginator(listing, settings.STADTDACH_PAGE_SIZE).get_page(page)


@dataclass
class MeetingPage:
    meeting: Meeting
    agenda: list[AgendaItem]
    documents: list[Document]
    attendance: list[Attendance]
    is_insider: bool
    tasks: list[Task] = field(default_factory=list)


def visible_meeting(pk: int, viewer: Viewer) -> Meeting:
    """The meeting if the viewer may see it, else 404 (1 query)."""
    return get_object_or_404(meetings(viewer), pk=pk)


def meeting_detail(pk: int, viewer: Viewer, *, meeting: Meeting | None = None) -> MeetingPage:
    """A visible meeting with its visible agenda (and the papers consulted there), its
    visible documents, attendance and tasks (6 queries; 5 with the meeting given)."""
    meeting = meeting or visible_meeting(pk, viewer)
    insider = viewer.is_insider(meeting.body_id)
    agenda = AgendaItem.objects.filter(meeting=meeting).select_related(
        "consultation__paper", "consultation__decision", "work_package"
    )
    if not insider:
        agenda = agenda.filter(is_public=True)
    documents = list(
        Document.objects.filter(viewer.documents())
        .filter(Q(meeting=meeting) | Q(agenda_item__meeting=meeting))
        .order_by("role", "name", "pk")
    )
    attendance = list(Attendance.objects.filter(meeting=meeting).select_related("person"))
    task_ids = TaskLink.objects.filter(meeting=meeting).values("task_id")
    tasks = Task.objects.filter(pk__in=task_ids).select_related("owner")
    if not insider:
        tasks = tasks.filter(is_public=True)
    return MeetingPage(meeting, list(agenda), documents, attendance, insider, list(tasks))


def paper_page(viewer: Viewer, *, kind: str, open_only: bool, page: int):
    listing = papers(viewer).prefetch_related(_consultations_prefetch())
    if kind:
        listing = listing.filter(kind=kind)
    if open_only:
        pending = Consultation.objects.filter(
            role=Consultation.Role.DECISION, result=Consultation.Result.PENDING
        ).values("paper_id")
        listing = listing.filter(pk__in=pending)
    return Paginator(listing.order_by("-date", "-pk"), settings.STADTDACH_PAGE_SIZE).get_page(page)


@dataclass
class PaperPage:
    paper: Paper
    consultations: list[Consultation]
    documents: list[Document]
    sub_papers: list[Paper]


def paper_detail(pk: int, viewer: Viewer) -> PaperPage:
    """A visible paper with its way through the bodies, the decisions with what they
    concern, its documents and related papers (9 queries)."""
    paper = get_object_or_404(papers(viewer).select_related("parent", "edition"), pk=pk)
    consultations = list(
        Consultation.objects.filter(paper=paper)
        .select_related("body", "meeting", "agenda_item", "agenda_item__meeting", "decision")
        .prefetch_related(
            "decision__measures", "decision__goals__action_field", "decision__editions"
        )
        .order_by("order", "pk")
    )
    for consultation in consultations:
        # A consultation in a non-public agenda item shows its result, not the item.
        item = consultation.agenda_item
        consultation.visible_item = (
            item
            if item
            and not item.deleted_at
            and (
                viewer.is_insider(item.meeting.body_id)
                or (item.is_public and item.meeting.is_public)
            )
            else None
        )
        meeting = consultation.meeting
        consultation.visible_meeting = (
            meeting
            if meeting
            and not meeting.deleted_at
            and (meeting.is_public or viewer.is_insider(meeting.body_id))
            else None
        )
    documents = list(
        Document.objects.filter(viewer.documents()).filter(paper=paper).order_by("role", "pk")
    )
    sub_papers = list(papers(viewer).filter(parent=paper).order_by("date", "pk"))
    if paper.parent_id and not papers(viewer).filter(pk=paper.parent_id).exists():
        paper.parent = None
    return PaperPage(paper, consultations, documents, sub_papers)


@dataclass
class Workspace:
    body: Body
    documents: list[Document]
    upcoming: list[Meeting]
    past: list[Meeting]
    meeting_count: int
    tasks: list[Task]
    findings: list[BodyFinding]
    cadences: list


def workspace(body: Body, viewer: Viewer) -> Workspace:
    """The body's internal working area (the caller has checked the right): its documents,
    next and last meetings, its tasks, findings and meeting cadences (8 queries)."""
    if not viewer.is_insider(body.pk):
        raise Http404
    documents = list(
        Document.objects.filter(body=body)
        .select_related("meeting")
        .order_by("-date", "-pk")[: SHOWN * 5]
    )
    series = Meeting.objects.filter(body=body).select_related("location")
    now = timezone.now()
    upcoming = list(series.filter(start__gte=now).order_by("start", "pk")[:SHOWN])
    past = list(series.filter(start__lt=now).order_by("-start", "-pk")[:SHOWN])
    task_ids = TaskLink.objects.filter(body=body).values("task_id")
    tasks = list(
        Task.objects.filter(pk__in=task_ids)
        .select_related("owner", "responsible_role")
        .order_by("status", "due_date", "pk")[: SHOWN * 5]
    )
    findings = list(BodyFinding.objects.filter(body=body).select_related("meeting")[: SHOWN * 5])
    return Workspace(
        body,
        documents,
        upcoming,
        past,
        series.count(),
        tasks,
        findings,
        list(body.cadences.all()),
    )


def decisions_for_measure(measure, viewer: Viewer) -> list[Decision]:
    """Decisions concerning a measure whose paper the viewer may see (1 query)."""
    return list(
        Decision.objects.filter(measures=measure)
        .filter(viewer.papers("consultation__paper__"))
        .select_related("consultation__paper", "consultation__body")
        .order_by("-decided_on", "-pk")[:SHOWN]
    )


def document_for_download(pk: int, viewer: Viewer) -> Document:
    return get_object_or_404(Document.objects.filter(viewer.documents()), pk=pk)


@dataclass
class SearchHit:
    kind: str
    title: str
    url: str
    text: str
    is_sample: bool


def search(query: str, user) -> list[SearchHit]:
    """Bodies, meetings, agenda items, papers and documents whose texts contain the query,
    as far as ``user`` may see them (5 queries, at most 20 hits per kind). For the site
    search in the communication app."""
    viewer = Viewer.for_user(user)
    query = query.strip()
    if not query:
        return []
    hits = [
        SearchHit("body", b.name, b.get_absolute_url(), b.description, b.is_sample)
        for b in Body.objects.filter(Q(name__icontains=query) | Q(description__icontains=query))[
            :20
        ]
    ]
    hits += [
        SearchHit(
            "meeting", str(m), m.get_absolute_url(), m.minutes if m.is_public else "", m.is_sample
        )
        for m in meetings(viewer).filter(Q(name__icontains=query) | Q(minutes__icontains=query))[
            :20
        ]
    ]
    hits += [
        SearchHit("agenda_item", str(a), a.get_absolute_url(), a.description, a.is_sample)
        for a in AgendaItem.objects.filter(viewer.agenda_items())
        .filter(Q(name__icontains=query) | Q(description__icontains=query))
        .select_related("meeting")[:20]
    ]
    hits += [
        SearchHit("paper", str(p), p.get_absolute_url(), p.proposal or p.text, p.is_sample)
        for p in papers(viewer).filter(
            Q(name__icontains=query)
            | Q(reference__icontains=query)
            | Q(text__icontains=query)
            | Q(proposal__icontains=query)
        )[:20]
    ]
    hits += [
        SearchHit("document", d.name, d.get_absolute_url(), "", d.is_sample)
        for d in Document.objects.filter(viewer.documents()).filter(name__icontains=query)[:20]
    ]
    return hits


def legislative_terms():
    from stadtdach.governance.models import LegislativeTerm

    return LegislativeTerm.objects.all()


def authority():
    """The town as a corporation (OParl Body); created on first use from the
    municipality's name."""
    from stadtdach.core.selectors import municipality
    from stadtdach.governance.models import Authority

    found = Authority.objects.order_by("pk").first()
    if found is None:
        town = municipality()
        found = Authority.objects.create(name=town.official_name or town.name, short_name=town.name)
    return found
