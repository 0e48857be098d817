"""The evaluation part of the demo: resource plans (one over plan), a fund call with an
approved, a rejected and a waiting application, all flagged; loading twice changes
nothing; the pages show it."""

import pytest
from django.core.management import call_command
from django.test import Client

from stadtdach.participation.fund import selectors as fund_selectors
from stadtdach.participation.models import FundApplication, FundCall, ResourceEntry, ResourcePlan
from stadtdach.participation.resources import selectors as resource_selectors


@pytest.fixture
def demo(db):
    call_command("load_boizenburg_demo", verbosity=0)


def _state():
    return {
        "plans": sorted(ResourcePlan.objects.values_list("pk", "planned_hours", "planned_costs")),
        "entries": sorted(ResourceEntry.objects.values_list("pk", "description", "hours")),
        "calls": sorted(FundCall.objects.values_list("pk", "slug", "budget")),
        "applications": sorted(FundApplication.objects.values_list("pk", "title", "status")),
    }


def test_the_demo_has_resources_and_a_fund(demo):
    assert all(p.is_sample for p in ResourcePlan.objects.all())
    over = resource_selectors.over_plan()
    assert [r.process.slug for r in over] == ["ideensammlung-isek-2022"]
    call = FundCall.objects.get(slug="innovationsfonds-beteiligung")
    assert call.is_open() and call.is_sample
    statuses = set(call.applications.values_list("status", flat=True))
    assert statuses == {"approved", "rejected", "in_review"}
    assert fund_selectors.remaining(call) == call.budget - 1500


def test_loading_twice_changes_nothing(demo):
    before = _state()
    call_command("load_boizenburg_demo", verbosity=0)
    assert _state() == before


def test_the_pages_show_it(demo):
    html = Client().get("/beteiligung/innovationsfonds/innovationsfonds-beteiligung/").content
    assert b"badge--sample" in html and b"Jugend-Stadtspaziergang" in html
    assert b"Gartenfreunde" not in html  # rejected applications are not public
    steering = Client()
    steering.login(username="steuerung", password="stadtdach-demo")
    page = steering.get("/beteiligung/ressourcen/")
    assert page.status_code == 200 and b"error-summary" in page.content


def test_the_internal_pages_answer_the_coordination(demo):
    from stadtdach.core.testing.html import assert_valid_html
    from stadtdach.demo.tests.pages import participation_internal_paths

    client = Client()
    client.login(username="koordination", password="stadtdach-demo")
    for path in participation_internal_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        assert_valid_html(response.content)
