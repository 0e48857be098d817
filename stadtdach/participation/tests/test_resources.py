"""Resources: the coordinators enter plan and actuals (audited); the steering group and
the coordinators see the overview with a warning where the actuals exceed the plan."""

import pytest

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.models import ResourceEntry, ResourcePlan
from stadtdach.participation.tests.factories import build_participation, make_process

OVERVIEW = "/beteiligung/ressourcen/"


@pytest.fixture
def world(db):
    world = build_participation(contributions=0)
    ResourcePlan.objects.create(process=world.process, planned_hours=10, planned_costs=100)
    return world


VIEW = [
    ("coordinator", 200),
    ("participation_coordinator", 200),
    ("steering_member", 200),
    ("consultant", 403),
    ("department_staff", 403),
    ("council_member", 403),
    ("citizen", 403),
    ("anonymous", 302),
]


@pytest.mark.parametrize(("persona", "status"), VIEW)
def test_who_sees_the_resources(world, client_for, persona, status):
    client = client_for(persona)
    assert client.get(OVERVIEW).status_code == status
    assert client.get(f"{OVERVIEW}{world.process.slug}/").status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("participation_coordinator", 200),
        ("steering_member", 403),
        ("consultant", 403),
        ("citizen", 403),
        ("anonymous", 302),
    ],
)
def test_who_enters_resources(world, client_for, persona, status):
    client = client_for(persona)
    assert client.get(f"{OVERVIEW}{world.process.slug}/plan/").status_code == status
    assert client.get(f"{OVERVIEW}{world.process.slug}/neu/").status_code == status


def test_entries_are_audited_and_over_plan_is_warned(world, client_for):
    client = client_for("participation_coordinator")
    form = client.get(f"{OVERVIEW}{world.process.slug}/neu/").context["form"]
    token = form["form_token"].initial
    data = {
        "date": "2025-03-01",
        "kind": "staff",
        "description": "Workshop",
        "hours": "12",
        "costs": "0",
        "form_token": token,
    }
    assert client.post(f"{OVERVIEW}{world.process.slug}/neu/", data).status_code == 302
    entry = ResourceEntry.objects.get()
    assert entry.entered_by.username == "persona-participation-coordinator"
    assert AuditEntry.objects.filter(object_id=str(entry.pk)).exists()
    page = client_for("steering_member").get(OVERVIEW).content.decode()
    assert "error-summary" in page and world.process.title in page
    detail = client.get(f"{OVERVIEW}{world.process.slug}/").content.decode()
    assert "error-summary" in detail


def test_bad_input_is_refused(world, client_for):
    client = client_for("coordinator")
    url = f"{OVERVIEW}{world.process.slug}/neu/"
    for data in (
        {"date": "x", "kind": "staff", "description": "a", "hours": "1"},
        {"date": "2025-01-01", "kind": "staff", "description": "a", "hours": "-1"},
        {"date": "2025-01-01", "kind": "nope", "description": "a", "hours": "1"},
        {"date": "2025-01-01", "kind": "staff", "description": "a\x00b", "hours": "1"},
        {"date": "2025-01-01", "kind": "staff", "description": "a", "hours": "0", "costs": "0"},
        {"date": "2025-01-01", "kind": "staff", "description": "a", "hours": "1e30"},
    ):
        assert client.post(url, data).status_code == 400
    assert client.get(f"{OVERVIEW}gibt-es-nicht/plan/").status_code == 404
    assert client.get(f"{OVERVIEW}{world.process.slug}/999999/bearbeiten/").status_code == 404


def test_plan_is_created_then_changed(world, client_for):
    client = client_for("coordinator")
    ResourcePlan.objects.all().delete()
    url = f"{OVERVIEW}{world.process.slug}/plan/"
    token = client.get(url).context["form"]["form_token"].initial
    data = {"planned_hours": "40", "planned_costs": "2500", "note": "", "form_token": token}
    assert client.post(url, data).status_code == 302
    plan = ResourcePlan.objects.get()
    version = client.get(url).context["form"]["loaded_version"].initial
    data = {"planned_hours": "50", "planned_costs": "2500", "loaded_version": version}
    assert client.post(url, data).status_code == 302
    plan.refresh_from_db()
    assert plan.planned_hours == 50


def test_overview_query_count_does_not_grow(world, client_for):
    client = client_for("steering_member")
    client.get(OVERVIEW)
    few = count_queries(lambda: client.get(OVERVIEW))
    for n in range(10):
        p = make_process(world.phase, slug=f"p{n}")
        ResourcePlan.objects.create(process=p, planned_hours=1)
        ResourceEntry.objects.bulk_create(
            ResourceEntry(process=p, date="2025-01-01", description="x", hours=1) for _ in range(20)
        )
    assert count_queries(lambda: client.get(OVERVIEW)) == few
