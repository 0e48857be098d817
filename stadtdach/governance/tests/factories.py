"""A small governance world to test pages, visibility and OParl against: a council, a
committee and the steering group, people (some linked to personas), public and non-public
meetings, agenda items, papers with consultations and decisions, public and internal
documents. ``add_meetings`` and ``add_papers`` bulk-create more for the query budgets."""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone

from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Authority,
    Body,
    Consultation,
    Decision,
    Document,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Paper,
    Person,
    TaskLink,
)

SECRET = "GEHEIM"  # every non-public text in the world contains it: tests look for leaks


@dataclass
class GovWorld:
    authority: Authority
    council: Body
    committee: Body
    steering: Body
    location: Location
    public_meeting: Meeting
    secret_meeting: Meeting
    public_item: AgendaItem
    secret_item: AgendaItem
    paper: Paper
    secret_paper: Paper
    consultation: Consultation
    decision: Decision
    public_document: Document
    internal_document: Document
    people: dict = field(default_factory=dict)


def _at(day: datetime.date, hour: int = 18) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def document(name: str, *, content: bytes = b"Inhalt", **fields) -> Document:
    doc = Document(
        name=name,
        file_name=f"{name.lower().replace(' ', '-')}.txt",
        mime_type="text/plain",
        size=len(content),
        sha1="0" * 40,
        date=datetime.date(2021, 1, 1),
        **fields,
    )
    doc.file.save(doc.file_name, ContentFile(content), save=False)
    doc.save()
    return doc


def link_person(user, body: Body, *, name: str | None = None, voting: bool = True) -> Person:
    person, _ = Person.objects.get_or_create(
        user=user, defaults={"name": name or str(user), "authority": body.authority}
    )
    Membership.objects.create(person=person, body=body, role="Mitglied", voting_right=voting)
    return person


def build_gov_world(personas=None) -> GovWorld:
    """The world; with ``personas``, the steering member belongs to the steering group and
    the council member to the council (their non-public items become visible to them)."""
    authority = Authority.objects.create(name="Stadt Teststadt", short_name="Teststadt")
    LegislativeTerm.objects.create(
        authority=authority,
        name="Wahlperiode",
        start_date=datetime.date(2019, 6, 1),
        end_date=datetime.date(2024, 5, 31),
    )
    location = Location.objects.create(description="Rathaus", locality="Teststadt")
    council = Body.objects.create(
        authority=authority, name="Stadtvertretung", slug="stadtvertretung", kind="council"
    )
    committee = Body.objects.create(
        authority=authority, name="Ausschuss WTK", slug="ausschuss-wtk", kind="committee"
    )
    steering = Body.objects.create(
        authority=authority, name="Steuerungsgruppe", slug="steuerungsgruppe", kind="steering_group"
    )
    people = {}
    for n in range(1, 4):
        person = Person.objects.create(authority=authority, name=f"Mitglied {n}")
        Membership.objects.create(person=person, body=council, role="Mitglied")
        Membership.objects.create(person=person, body=committee, role="Mitglied")
        people[n] = person
    if personas is not None:
        link_person(personas.steering_member, steering)
        link_person(personas.council_member, council)
    day = timezone.localdate() + datetime.timedelta(days=10)
    public_meeting = Meeting.objects.create(
        body=committee, name="Sitzung WTK", start=_at(day), location=location
    )
    secret_meeting = Meeting.objects.create(
        body=steering,
        name=f"Sitzung Steuerungsgruppe {SECRET}",
        start=_at(day + datetime.timedelta(days=1)),
        is_public=False,
        internal_minutes=f"Protokoll {SECRET}",
    )
    public_item = AgendaItem.objects.create(
        meeting=public_meeting, number="1", order=1, name="Prozess ISEK vorstellen"
    )
    secret_item = AgendaItem.objects.create(
        meeting=public_meeting, number="2", order=2, name=f"Personalfrage {SECRET}", is_public=False
    )
    AgendaItem.objects.create(
        meeting=secret_meeting, number="1", order=1, name=f"Abnahme {SECRET}", is_public=False
    )
    paper = Paper.objects.create(
        authority=authority,
        reference="BV/1",
        name="Prozess zum ISEK",
        kind="decision",
        date=datetime.date(2020, 11, 24),
        originator=committee,
    )
    secret_paper = Paper.objects.create(
        authority=authority,
        reference="BV/2",
        name=f"Vertrag {SECRET}",
        kind="decision",
        date=datetime.date(2020, 11, 25),
        is_public=False,
    )
    consultation = Consultation.objects.create(
        paper=paper,
        body=committee,
        meeting=public_meeting,
        agenda_item=public_item,
        order=1,
        role="preliminary",
        result="recommended",
        votes_yes=3,
        votes_no=0,
        votes_abstain=0,
    )
    council_meeting = Meeting.objects.create(
        body=council, name="Sitzung StV", start=_at(day + datetime.timedelta(days=20))
    )
    decided = Consultation.objects.create(
        paper=paper,
        body=council,
        meeting=council_meeting,
        order=2,
        role="decision",
        result="adopted",
    )
    Consultation.objects.create(
        paper=secret_paper, body=council, order=1, role="decision", result="pending"
    )
    decision = Decision.objects.create(
        consultation=decided, decided_on=council_meeting.start.date(), text="Beschlossen."
    )
    for person in people.values():
        Attendance.objects.create(meeting=public_meeting, person=person, status="present")
    public_document = document(
        "Einladung", body=committee, meeting=public_meeting, role="invitation"
    )
    internal_document = document(
        f"Entwurf {SECRET}", body=steering, is_public=False, role="working"
    )
    document(f"Anlage {SECRET}", body=committee, agenda_item=secret_item, is_public=True)
    return GovWorld(
        authority,
        council,
        committee,
        steering,
        location,
        public_meeting,
        secret_meeting,
        public_item,
        secret_item,
        paper,
        secret_paper,
        consultation,
        decision,
        public_document,
        internal_document,
        people,
    )


def add_meetings(world: GovWorld, count: int) -> None:
    """``count`` more public meetings with two agenda items each (bulk-created)."""
    start = timezone.now() + datetime.timedelta(days=30)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=world.committee,
            name=f"Sitzung {n}",
            start=start + datetime.timedelta(days=n),
            location=world.location,
            is_public=n % 5 != 0,
        )
        for n in range(count)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, number=str(i), order=i, name=f"Punkt {i}", is_public=i == 1)
        for m in meetings
        for i in (1, 2)
    )


def add_papers(world: GovWorld, count: int) -> None:
    """``count`` more papers, each with a pending consultation in the council."""
    papers = Paper.objects.bulk_create(
        Paper(
            authority=world.authority,
            reference=f"BV/X/{n}",
            name=f"Vorlage {n}",
            kind="decision",
            date=datetime.date(2021, 1, 1),
            is_public=n % 7 != 0,
        )
        for n in range(count)
    )
    Consultation.objects.bulk_create(
        Consultation(paper=p, body=world.council, order=1, role="decision", result="pending")
        for p in papers
    )


def add_people(world: GovWorld, count: int) -> None:
    people = Person.objects.bulk_create(
        Person(authority=world.authority, name=f"Person {n}") for n in range(count)
    )
    Membership.objects.bulk_create(
        Membership(person=p, body=world.council, role="Mitglied") for p in people
    )


def link_task(task, **target) -> TaskLink:
    return TaskLink.objects.create(task=task, **target)
