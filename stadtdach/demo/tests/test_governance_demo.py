"""The demo's governance and process part: what the town's document says is there, what
goes beyond it is flagged, loading twice changes nothing, and the demo's OParl tree
validates."""

import datetime
import itertools
import json

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from stadtdach.demo import seed
from stadtdach.governance.models import (
    AgendaItem,
    Body,
    Consultation,
    Decision,
    Meeting,
    Membership,
    Paper,
    Person,
    TaskLink,
)
from stadtdach.governance.tests.test_oparl import crawl
from stadtdach.process.models import Contract, Specification, Task, WorkPackage


def test_the_bodies_and_the_steering_group_composition_of_the_document(demo):
    steering = Body.objects.get(slug="steuerungsgruppe")
    assert steering.kind == "steering_group"
    assert steering.composition == "WTK + Vertreter Fraktionen FBL/BM Sprachrohr Stadtgesellschaft"
    assert not steering.is_sample
    names = set(Membership.objects.filter(body=steering).values_list("person__name", flat=True))
    assert {
        "Mitglied WTK 1",
        "Vertreter*in Fraktion A",
        "Bürgermeister*in",
        "FBL Bau",
        "Sprachrohr Stadtgesellschaft",
    } <= names
    assert Body.objects.get(slug="ausschuss-wtk").name == "Ausschuss WTK"
    assert Body.objects.get(slug="stadtvertretung").kind == "council"
    # Names of the other committees are not in the document: flagged.
    assert all(
        b.is_sample for b in Body.objects.filter(kind="committee").exclude(slug="ausschuss-wtk")
    )
    assert all(p.is_sample for p in Person.objects.all())


def test_the_wtk_meeting_of_08_12_2020_with_its_agenda(demo):
    meeting = Meeting.objects.get(
        body__slug="ausschuss-wtk", start__date=datetime.date(2020, 12, 8)
    )
    local = timezone.localtime(meeting.start)
    assert (local.hour, local.minute) == (19, 0)
    assert meeting.location.description == "Bibliothek"
    names = list(AgendaItem.objects.filter(meeting=meeting).values_list("name", flat=True))
    assert names == [
        "Wissensstand teilen",
        "Prozess zum ISEK 2022 vorstellen",
        "Ins Gespräch kommen, Fragen klären, Ideen aufnehmen & Nächste Schritte festlegen",
    ]


def test_the_paper_passes_wtk_committees_and_council_with_the_decision_of_04_02_2021(demo):
    paper = Paper.objects.get(reference="BV/2020/041")
    steps = list(Consultation.objects.filter(paper=paper).order_by("order"))
    assert [s.body.slug for s in steps] == ["ausschuss-wtk", "finanzausschuss", "stadtvertretung"]
    decision = Decision.objects.get(consultation=steps[-1])
    assert decision.decided_on == seed.COUNCIL_DECISION["date"]
    assert steps[-1].result == "adopted" and steps[-1].votes_total == 11
    present = steps[-1].meeting.attendance.filter(status="present", voting=True).count()
    assert present == 11
    reports = Paper.objects.filter(parent=paper, kind="report")
    assert reports.count() == 4
    assert set(Consultation.objects.filter(paper__in=reports).values_list("result", flat=True)) == {
        "noted"
    }


def test_the_steering_group_series_every_14_days_then_every_4_weeks(demo):
    starts = [
        timezone.localtime(m.start).date()
        for m in Meeting.objects.filter(cadence__title="Sitzung der Steuerungsgruppe")
    ]
    gaps = {(b - a).days for a, b in itertools.pairwise(starts)}
    assert gaps == {14, 28}
    assert starts[0] > seed.COUNCIL_DECISION["date"]
    assert not Meeting.objects.filter(body__slug="steuerungsgruppe", is_public=True).exists()


def test_next_steps_have_owners_and_links_and_work_packages_are_bound_to_phases(demo):
    steps = Task.objects.filter(title__in=[s["title"] for s in seed.NEXT_STEPS])
    assert steps.count() == 6
    assert all(step.owner_id and step.due_date for step in steps)
    assert TaskLink.objects.filter(task__in=steps).count() >= 6
    assert all(c.phase_id for c in Contract.objects.all())
    assert WorkPackage.objects.filter(status="accepted", accepted_on__isnull=False).exists()
    assert Specification.objects.get().sections.count() == 5


def test_loading_twice_changes_nothing(demo):
    counts = [m.objects.count() for m in (Body, Person, Meeting, Paper, Consultation, TaskLink)]
    ids = sorted(Meeting.objects.values_list("pk", flat=True))
    call_command("load_boizenburg_demo")
    assert counts == [
        m.objects.count() for m in (Body, Person, Meeting, Paper, Consultation, TaskLink)
    ]
    assert ids == sorted(Meeting.objects.values_list("pk", flat=True))


def test_the_demo_oparl_tree_validates_and_keeps_the_steering_group_private(demo):
    tree = crawl(Client())
    text = json.dumps(tree, ensure_ascii=False)
    assert "Konstituierung und Arbeitsweise der Steuerungsgruppe" not in text
    assert "Besetzung der Koordinationsstellen" not in text


def test_internal_pages_answer_with_valid_html_for_the_people_who_run_the_process(demo):
    from django.contrib.auth import get_user_model

    from stadtdach.core.testing.html import assert_valid_html
    from stadtdach.demo.tests.pages import governance_internal_paths

    users = get_user_model().objects
    for username in ("koordination", "steuerung"):
        client = Client()
        client.force_login(users.get(username=username))
        for path in governance_internal_paths():
            response = client.get(path)
            if username == "steuerung" and path.endswith("stammdaten/"):
                assert response.status_code == 403
                continue
            assert response.status_code == 200, (username, path)
            assert_valid_html(response.content)
            assert " style=" not in response.content.decode(), path


def test_the_demo_accounts_see_what_their_bodies_allow(demo):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    workspace = "/gremien/steuerungsgruppe/arbeitsbereich/"
    council = Meeting.objects.get(
        body__slug="stadtvertretung", start__date=datetime.date(2021, 2, 4)
    )
    expectations = {
        "steuerung": (200, False),
        "stadtvertretung": (403, True),
        "buergerin": (403, False),
        "koordination": (200, True),
    }
    for username, (workspace_status, sees_non_public_item) in expectations.items():
        client = Client()
        client.force_login(users.get(username=username))
        assert client.get(workspace).status_code == workspace_status, username
        html = client.get(council.get_absolute_url()).content.decode()
        assert ("Besetzung der Koordinationsstellen" in html) == sees_non_public_item, username
