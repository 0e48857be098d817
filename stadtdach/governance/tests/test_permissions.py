"""Role × permission matrix of governance, every form per role, and the rule of the issue:
internal documents and non-public agenda items are invisible to everyone outside the body
and the coordinators — on pages, in search, in OParl and in feeds (tested per role)."""

import pytest
from django.urls import reverse

from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.governance import selectors
from stadtdach.governance.models import BodyFinding
from stadtdach.governance.tests.factories import SECRET, build_gov_world

C, P, X, S, D, R, B, A = (
    "coordinator",
    "participation_coordinator",
    "consultant",
    "steering_member",
    "department_staff",
    "council_member",
    "citizen",
    "anonymous",
)
COORDINATORS = {C, P}


@pytest.fixture
def world(db, personas):
    world = build_gov_world(personas)
    world.finding = BodyFinding.objects.create(body=world.steering, kind="priority", title="Klima")
    return world


def _matrix(world) -> dict[tuple[str, object], set[str]]:
    return {
        ("governance.manage", None): COORDINATORS,
        ("governance.view_internal", world.steering): COORDINATORS | {S},
        ("governance.view_internal", world.council): COORDINATORS | {R},
        ("governance.view_internal", world.committee): COORDINATORS,
        ("governance.add_document", world.steering): COORDINATORS | {S},
        ("governance.add_document", world.committee): COORDINATORS,
        ("governance.change_document", world.internal_document): COORDINATORS,
        ("governance.delete_document", world.internal_document): COORDINATORS,
        ("governance.add_bodyfinding", world.steering): COORDINATORS | {S},
        ("governance.change_bodyfinding", world.finding): COORDINATORS | {S},
    }


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_role_permission_matrix(world, personas, persona):
    user = personas[persona]
    for (perm, obj), holders in _matrix(world).items():
        assert user.has_perm(perm, obj) == (persona in holders), (perm, obj)


def test_a_role_alone_does_not_open_a_body(world, personas, client_for):
    """The steering group role without a membership sees no internal items."""
    from stadtdach.core.testing.personas import make_user

    member_by_role_only = make_user("nur-rolle", roles=("steering_group",))
    assert not member_by_role_only.has_perm("governance.view_internal", world.steering)
    response = client_for(member_by_role_only).get(
        reverse("governance:workspace", args=[world.steering.slug])
    )
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_pages_show_non_public_items_only_to_insiders(world, client_for, persona):
    """The steering group's meeting and internal document: for its members (S) and the
    coordinators; the committee's non-public item: for the coordinators only (no persona
    belongs to the committee); the non-public paper: also for the council (R) that
    consults it."""
    client = client_for(persona)
    steering_insider = persona in COORDINATORS | {S}
    committee_insider = persona in COORDINATORS
    public_page = client.get(world.public_meeting.get_absolute_url())
    assert public_page.status_code == 200
    assert ("Personalfrage" in public_page.content.decode()) == committee_insider
    assert (f"Anlage {SECRET}" in public_page.content.decode()) == committee_insider
    secret_page = client.get(world.secret_meeting.get_absolute_url())
    assert secret_page.status_code == (200 if steering_insider else 404)
    for url in (
        reverse("governance:index"),
        reverse("governance:meeting_list"),
        reverse("governance:paper_list"),
        world.steering.get_absolute_url(),
        world.committee.get_absolute_url(),
        world.paper.get_absolute_url(),
    ):
        html = client.get(url).content.decode()
        if not steering_insider:
            assert "Sitzung Steuerungsgruppe" not in html, url
        if not committee_insider:
            assert "Personalfrage" not in html, url
        if persona not in COORDINATORS | {R}:  # the council consults the secret paper
            assert f"Vertrag {SECRET}" not in html, url
    internal = client.get(world.internal_document.get_absolute_url())
    assert internal.status_code == (200 if steering_insider else 404)
    if steering_insider:
        assert internal["Cache-Control"] == "private, no-store"
    assert client.get(world.public_document.get_absolute_url()).status_code == 200
    paper = client.get(world.secret_paper.get_absolute_url())
    assert paper.status_code == (200 if persona in COORDINATORS | {R} else 404)


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_search_finds_non_public_items_only_for_insiders(world, personas, persona):
    hits = selectors.search(SECRET, personas[persona])
    kinds = {hit.kind for hit in hits}
    if persona in COORDINATORS:
        assert {"meeting", "agenda_item", "paper", "document"} <= kinds
    elif persona == S:
        assert {hit.title for hit in hits} == {
            f"Sitzung Steuerungsgruppe {SECRET} ({world.secret_meeting.start:%d.%m.%Y})",
            f"1 Abnahme {SECRET}",
            f"Entwurf {SECRET}",
        }
    elif persona == R:
        assert {hit.kind for hit in hits} == {"paper"}  # the council consults it
    else:
        assert hits == []
    assert selectors.search("Prozess", personas[persona])


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_feeds_show_non_public_meetings_only_to_members(world, client_for, persona):
    client = client_for(persona)
    steering = client.get(reverse("governance:body_calendar", args=[world.steering.slug]))
    committee = client.get(reverse("governance:body_calendar", args=[world.committee.slug]))
    process = client.get(reverse("process:calendar"))
    assert steering.status_code == committee.status_code == process.status_code == 200
    assert steering["Content-Type"].startswith("text/calendar")
    insider = persona in COORDINATORS | {S}
    assert (SECRET in steering.content.decode()) == insider
    assert ("Personalfrage" in committee.content.decode()) == (persona in COORDINATORS)
    assert SECRET not in process.content.decode()
    assert "Sitzung WTK" in committee.content.decode()
    if insider:
        assert steering["Cache-Control"] == "private, no-store"


def _forms(world) -> dict[str, str]:
    meeting, paper = world.public_meeting, world.paper
    return {
        "body_add": reverse("governance:body_add"),
        "body_edit": reverse("governance:body_edit", args=[world.committee.slug]),
        "registry": reverse("governance:registry"),
        "person_add": reverse("governance:person_add"),
        "person_edit": reverse("governance:person_edit", args=[world.people[1].pk]),
        "location_add": reverse("governance:location_add"),
        "term_add": reverse("governance:term_add"),
        "membership_add": reverse("governance:membership_add", args=[world.committee.slug]),
        "meeting_add": reverse("governance:meeting_add", args=[world.committee.slug]),
        "meeting_edit": reverse("governance:meeting_edit", args=[meeting.pk]),
        "meeting_delete": reverse("governance:meeting_delete", args=[meeting.pk]),
        "cadence_add": reverse("governance:cadence_add", args=[world.steering.slug]),
        "agenda_item_add": reverse("governance:agenda_item_add", args=[meeting.pk]),
        "agenda_item_edit": reverse("governance:agenda_item_edit", args=[world.public_item.pk]),
        "attendance": reverse("governance:attendance", args=[meeting.pk]),
        "paper_add": reverse("governance:paper_add"),
        "paper_edit": reverse("governance:paper_edit", args=[paper.pk]),
        "consultation_add": reverse("governance:consultation_add", args=[paper.pk]),
        "consultation_edit": reverse("governance:consultation_edit", args=[world.consultation.pk]),
        "decision_edit": reverse("governance:decision_edit", args=[world.consultation.pk]),
        "task_link_meeting": reverse("governance:task_link_add", args=["sitzung", meeting.pk]),
        "document_workspace": reverse(
            "governance:document_add", args=["gremium", world.steering.pk]
        ),
        "document_meeting": reverse("governance:document_add", args=["sitzung", meeting.pk]),
        "document_paper": reverse("governance:document_add", args=["vorlage", paper.pk]),
        "finding_add": reverse("governance:finding_add", args=[world.steering.slug]),
        "finding_edit": reverse("governance:finding_edit", args=[world.finding.pk]),
        "workspace": reverse("governance:workspace", args=[world.steering.slug]),
        "council_workspace": reverse("governance:workspace", args=[world.council.slug]),
    }


ALLOWED = {
    "document_workspace": COORDINATORS | {S},
    "finding_add": COORDINATORS | {S},
    "finding_edit": COORDINATORS | {S},
    "workspace": COORDINATORS | {S},
    "council_workspace": COORDINATORS | {R},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_every_form_checks_the_role(world, client_for, persona):
    client = client_for(persona)
    for name, url in _forms(world).items():
        response = client.get(url)
        if persona == A:
            assert response.status_code == 302 and "/konto/anmelden/" in response["Location"], name
        elif persona in ALLOWED.get(name, COORDINATORS):
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name
            assert client.post(url, {}).status_code == 403, name
