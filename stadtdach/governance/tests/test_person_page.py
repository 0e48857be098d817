"""The public page of a person in the town's bodies: memberships and attendance, without
anything from non-public meetings for outsiders, in a fixed number of queries."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.core.testing.queries import assert_flat_query_counts
from stadtdach.governance.models import Attendance, Meeting, Membership
from stadtdach.governance.tests.factories import SECRET, build_gov_world


def test_a_person_page_shows_memberships_and_attendance(db):
    world = build_gov_world()
    person = world.people[1]
    Membership.objects.create(
        person=person,
        body=world.steering,
        role="Vorsitz",
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 12, 31),
    )
    response = Client().get(person.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert_valid_html(html)
    for body in (world.council, world.committee, world.steering):
        assert body.get_absolute_url() in html
    assert "31.12.2021" in html and "Vorsitz" in html
    assert world.public_meeting.get_absolute_url() in html and "anwesend" in html
    # The current memberships come first, the ended one last.
    assert html.index(world.council.name) < html.index("Vorsitz")


def test_the_body_page_links_its_members(db):
    world = build_gov_world()
    html = Client().get(world.committee.get_absolute_url()).content.decode()
    assert all(p.get_absolute_url() in html for p in world.people.values())


def test_attendance_in_non_public_meetings_is_for_insiders_only(db, personas, client_for):
    world = build_gov_world(personas)
    person = world.people[1]
    Attendance.objects.create(meeting=world.secret_meeting, person=person, status="present")
    url = person.get_absolute_url()
    for persona in ("anonymous", "citizen", "council_member"):
        html = client_for(persona).get(url).content.decode()
        assert SECRET not in html and world.secret_meeting.get_absolute_url() not in html
    html = client_for("coordinator").get(url).content.decode()
    assert world.secret_meeting.get_absolute_url() in html


def test_unknown_and_deleted_people_are_not_found(db):
    world = build_gov_world()
    assert Client().get(reverse("governance:person_detail", args=[999999])).status_code == 404
    assert Client().get("/gremien/personen/abc/").status_code == 404
    person = world.people[2]
    person.mark_deleted()
    assert Client().get(person.get_absolute_url()).status_code == 404


def _grow(world, person, count: int) -> None:
    start = timezone.now() - datetime.timedelta(days=count + 1)
    meetings = Meeting.objects.bulk_create(
        Meeting(body=world.committee, name=f"Sitzung {n}", start=start + datetime.timedelta(n))
        for n in range(count)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, person=person, status="present") for m in meetings
    )
    Membership.objects.bulk_create(
        Membership(person=person, body=world.steering, role=f"Rolle {n}")
        for n in range(count // 10)
    )


def test_the_person_page_does_not_grow_with_attendance_and_memberships(db, personas, client_for):
    world = build_gov_world(personas)
    person = world.people[1]
    _grow(world, person, 10)
    assert_flat_query_counts(
        [
            (Client(), person.get_absolute_url, 4, "municipality, person, memberships, meetings"),
            (
                client_for("coordinator"),
                person.get_absolute_url,
                8,
                "session, user, roles, municipality, person, memberships, meetings, permission",
            ),
        ],
        lambda: _grow(world, person, 990),
        sizes="10 and 1,000 meetings attended",
    )


def test_oparl_links_the_person_page(db):
    world = build_gov_world()
    person = world.people[1]
    data = Client().get(reverse("oparl:person", kwargs={"pk": person.pk})).json()
    assert data["web"].endswith(person.get_absolute_url())
