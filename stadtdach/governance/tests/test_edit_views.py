"""Governance forms: audited writes, double posts and stale forms, and clear errors for
bad input — votes that do not add up, steps out of the order of their meetings, dates out
of order, overlapping memberships, broken files."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from stadtdach.core.models import AuditEntry
from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Consultation,
    Decision,
    Document,
    Meeting,
    Membership,
    Paper,
)
from stadtdach.governance.tests.factories import build_gov_world


@pytest.fixture
def world(db, personas):
    return build_gov_world(personas)


@pytest.fixture
def coordinator(client_for):
    return client_for("coordinator")


def _token(client, url) -> dict:
    form = client.get(url).context["form"]
    return {"form_token": form["form_token"].value()} if "form_token" in form.fields else {}


def _consultation_data(world, **changes) -> dict:
    data = {
        "order": "1",
        "body": world.committee.pk,
        "role": "preliminary",
        "meeting": world.public_meeting.pk,
        "agenda_item": "",
        "result": "recommended",
        "votes_yes": "2",
        "votes_no": "1",
        "votes_abstain": "0",
        "result_note": "",
        "loaded_version": world.consultation.modified.isoformat(),
    }
    return {**data, **changes}


def test_votes_must_add_up_to_the_members_present(world, coordinator):
    url = reverse("governance:consultation_edit", args=[world.consultation.pk])
    # Three members are present with a vote: 2 + 1 + 0 fits, 2 + 0 + 0 does not.
    assert coordinator.post(url, _consultation_data(world)).status_code == 302
    world.consultation.refresh_from_db()
    response = coordinator.post(url, _consultation_data(world, votes_no="0"))
    assert response.status_code == 400
    assert "votes_yes" in response.context["form"].errors
    assert b"error-summary" in response.content


def test_without_attendance_votes_may_not_exceed_the_voting_members(world, coordinator):
    Attendance.objects.filter(meeting=world.public_meeting).delete()
    url = reverse("governance:consultation_edit", args=[world.consultation.pk])
    response = coordinator.post(url, _consultation_data(world, votes_yes="7"))
    assert response.status_code == 400 and "votes_yes" in response.context["form"].errors


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"result": "noted"}, "votes_yes"),  # only a vote has votes
        ({"result": "adopted", "votes_yes": "1", "votes_no": "2"}, "votes_yes"),
        ({"result": "rejected", "votes_yes": "3", "votes_no": "0"}, "votes_no"),
        (
            {
                "meeting": "",
                "result": "recommended",
                "votes_yes": "",
                "votes_no": "",
                "votes_abstain": "",
            },
            "meeting",
        ),
        ({"body": "STV"}, "body"),
        ({"votes_yes": "-1"}, "votes_yes"),
        ({"result": "vielleicht"}, "result"),
    ],
)
def test_bad_consultations_are_refused_with_a_reason(world, coordinator, changes, field):
    if changes.get("body") == "STV":
        changes["body"] = world.council.pk  # the meeting belongs to the committee
        field = "meeting"
    url = reverse("governance:consultation_edit", args=[world.consultation.pk])
    response = coordinator.post(url, _consultation_data(world, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors


def test_steps_must_follow_the_order_of_their_meetings(world, coordinator):
    early = Meeting.objects.create(
        body=world.council,
        name="Frühe Sitzung",
        start=world.public_meeting.start - datetime.timedelta(days=5),
    )
    url = reverse("governance:consultation_add", args=[world.paper.pk])
    data = {
        "order": "3",
        "body": world.council.pk,
        "role": "decision",
        "meeting": early.pk,
        "result": "pending",
        **_token(coordinator, url),
    }
    response = coordinator.post(url, data)
    assert response.status_code == 400
    assert "meeting" in response.context["form"].errors


def test_a_consultation_is_saved_once_and_audited(world, coordinator):
    url = reverse("governance:consultation_add", args=[world.paper.pk])
    later = Meeting.objects.create(
        body=world.council,
        name="StV",
        start=world.public_meeting.start + datetime.timedelta(days=40),
    )
    data = {
        "order": "3",
        "body": world.council.pk,
        "role": "decision",
        "meeting": later.pk,
        "result": "pending",
        **_token(coordinator, url),
    }
    paper_modified = Paper.objects.get(pk=world.paper.pk).modified
    assert coordinator.post(url, data).status_code == 302
    assert coordinator.post(url, data).status_code == 302  # the double post saves nothing
    assert Consultation.objects.filter(paper=world.paper, order=3).count() == 1
    assert AuditEntry.objects.filter(action="create", object_repr__contains="Prozess").exists()
    assert Paper.objects.get(pk=world.paper.pk).modified > paper_modified  # OParl parent


def test_a_stale_form_does_not_overwrite_a_newer_save(world, coordinator):
    url = reverse("governance:meeting_edit", args=[world.public_meeting.pk])
    form = coordinator.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["start"] = timezone.localtime(world.public_meeting.start).strftime("%Y-%m-%dT%H:%M")
    data["end"] = ""
    data["is_public"] = "on"
    Meeting.objects.filter(pk=world.public_meeting.pk).update(modified=timezone.now())
    data["name"] = "Überschrieben"
    response = coordinator.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    assert Meeting.objects.get(pk=world.public_meeting.pk).name == "Sitzung WTK"


def test_meeting_dates_out_of_order_and_future_meetings_held(world, coordinator):
    url = reverse("governance:meeting_add", args=[world.committee.slug])
    token = _token(coordinator, url)
    start = timezone.localtime() + datetime.timedelta(days=3)
    data = {
        "name": "X",
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "state": "held",
        **token,
    }
    response = coordinator.post(url, data)
    assert response.status_code == 400
    assert {"end", "state"} <= set(response.context["form"].errors)


def test_overlapping_memberships_are_refused(world, coordinator):
    url = reverse("governance:membership_add", args=[world.council.slug])
    data = {
        "person": world.people[1].pk,
        "role": "Mitglied",
        "voting_right": "on",
        "start_date": "2021-01-01",
        **_token(coordinator, url),
    }
    response = coordinator.post(url, data)
    assert response.status_code == 400
    assert "__all__" in response.context["form"].errors
    data = {
        **data,
        "person": world.people[2].pk,
        "start_date": "2021-01-01",
        "end_date": "2020-01-01",
    }
    response = coordinator.post(url, data)
    assert response.status_code == 400


def test_attendance_is_recorded_and_audited(world, coordinator):
    url = reverse("governance:attendance", args=[world.public_meeting.pk])
    data = {f"person_{p.pk}": "excused" for p in world.people.values()}
    assert coordinator.post(url, data).status_code == 302
    assert set(
        Attendance.objects.filter(meeting=world.public_meeting).values_list("status", flat=True)
    ) == {"excused"}
    assert coordinator.post(url, {f"person_{world.people[1].pk}": "maybe"}).status_code == 400
    assert AuditEntry.objects.filter(changes__has_key="attendance").exists()


def test_documents_are_uploaded_with_their_facts_and_broken_files_refused(world, client_for):
    member = client_for("steering_member")
    url = reverse("governance:document_add", args=["gremium", world.steering.pk])
    upload = SimpleUploadedFile("notiz.txt", b"Hallo Steuerungsgruppe", content_type="text/plain")
    data = {"name": "Notiz", "role": "working", "file": upload, **_token(member, url)}
    assert member.post(url, data).status_code == 302
    document = Document.objects.get(name="Notiz")
    assert (document.size, document.mime_type, document.is_public) == (22, "text/plain", False)
    assert document.body == world.steering and len(document.sha1) == 40
    bad = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = member.post(url, {"name": "X", "role": "working", "file": bad})
    assert response.status_code == 400 and "file" in response.context["form"].errors
    response = member.post(url, {"name": "X", "role": "working"})
    assert response.status_code == 400 and "file" in response.context["form"].errors


def test_deleting_keeps_a_tombstone_and_removes_it_from_the_site(world, coordinator):
    url = reverse("governance:meeting_delete", args=[world.public_meeting.pk])
    assert coordinator.get(url).status_code == 200
    assert coordinator.post(url).status_code == 302
    assert not Meeting.objects.filter(pk=world.public_meeting.pk).exists()
    assert Meeting.all_objects.get(pk=world.public_meeting.pk).deleted_at is not None
    assert (
        AgendaItem.all_objects.filter(meeting=world.public_meeting, deleted_at__isnull=True).count()
        == 0
    )
    assert coordinator.get(world.public_meeting.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="delete").exists()


def test_decisions_link_measures_goals_and_editions_and_need_a_result(world, coordinator, db):
    from stadtdach.strategy.tests.factories import build_world

    strategy = build_world(measures=3)
    url = reverse("governance:decision_edit", args=[world.consultation.pk])
    from stadtdach.strategy.models import Measure

    measure = Measure.objects.first()
    data = {
        "number": "B-1",
        "decided_on": timezone.localtime(world.public_meeting.start).date().isoformat(),
        "text": "Beschlossen",
        "measures": [measure.pk],
        "goals": [strategy.goals[0].pk],
        "editions": [strategy.edition.pk],
        **_token(coordinator, url),
    }
    assert coordinator.post(url, data).status_code == 302
    decision = Decision.objects.get(consultation=world.consultation)
    assert list(decision.measures.all()) == [measure]
    page = coordinator.get(measure.get_absolute_url())
    assert decision.get_absolute_url() in page.content.decode()  # the measure panel
    early = {**data, "decided_on": "2000-01-01"}
    response = coordinator.post(url, {**early, "loaded_version": decision.modified.isoformat()})
    assert response.status_code == 400 and "decided_on" in response.context["form"].errors
    Consultation.objects.filter(pk=world.consultation.pk).update(result="pending")
    response = coordinator.post(url, {**data, "loaded_version": decision.modified.isoformat()})
    assert response.status_code == 400


def test_reserved_and_taken_short_names_of_bodies(world, coordinator):
    url = reverse("governance:body_add")
    for slug in ("sitzungen", world.council.slug):
        data = {
            "name": "Neu",
            "slug": slug,
            "kind": "committee",
            "order": "0",
            **_token(coordinator, url),
        }
        response = coordinator.post(url, data)
        assert response.status_code == 400 and "slug" in response.context["form"].errors
    data = {"name": "Jugendbeirat Süd", "kind": "other", "order": "0", **_token(coordinator, url)}
    assert coordinator.post(url, data).status_code == 302
    assert Membership.objects.count() >= 6


def test_tombstones_do_not_block_their_successors(world, personas, coordinator):
    from stadtdach.governance import services
    from stadtdach.governance.models import Person
    from stadtdach.governance.tests.factories import link_person

    person = Person.objects.get(user=personas.steering_member)
    services.soft_delete(actor=personas.coordinator, instance=person)
    assert not personas.steering_member.has_perm("governance.view_internal", world.steering)
    link_person(personas.steering_member, world.steering, name="Neu")  # the account is free
    item = world.public_item
    services.soft_delete(actor=personas.coordinator, instance=world.consultation)
    url = reverse("governance:consultation_add", args=[world.paper.pk])
    data = {
        "order": "1",
        "body": world.committee.pk,
        "role": "preliminary",
        "meeting": world.public_meeting.pk,
        "agenda_item": item.pk,
        "result": "pending",
        **_token(coordinator, url),
    }
    assert coordinator.post(url, data).status_code == 302
    assert Consultation.objects.get(agenda_item=item).order == 1
