"""Dashboards and lists of the monitoring app make the same number of queries with 10
and with 1,000 measures, within their budgets; the panels too."""

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.queries import assert_flat_query_counts, count_queries, query_budget
from stadtdach.monitoring import panels
from stadtdach.monitoring.models import Indicator
from stadtdach.monitoring.tests.factories import add_monitoring
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import add_measures, build_world

PAGES = [
    (
        lambda w: reverse("monitoring:dashboard"),
        6,
        "municipality, edition, measures with implementation, indicators with latest value, "
        "open milestones, latest reports",
    ),
    (
        lambda w: reverse("monitoring:action_field", args=[w.fields[0].slug]),
        6,
        "municipality, edition, field, measures with implementation, indicators, their values",
    ),
    (
        lambda w: reverse("monitoring:measure_list") + "?stand=on_track&seite=2",
        4,
        "municipality, edition, measures with implementation, action fields",
    ),
    (
        lambda w: reverse("monitoring:measure", args=[Measure.objects.order_by("pk").first().pk]),
        6,
        "municipality, measure with implementation, reports, milestones, indicators, values",
    ),
    (
        lambda w: reverse("monitoring:indicator_list"),
        3,
        "municipality, edition, indicators with latest value",
    ),
    (
        lambda w: reverse("monitoring:indicator_detail", args=[Indicator.objects.first().pk]),
        3,
        "municipality, indicator, values",
    ),
]


def _count(url, client):
    client.get(url)  # warm-up: content types and other per-process caches
    return count_queries(lambda: client.get(url))


def _grow(world) -> None:
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    add_monitoring(world.edition, indicators=False)
    assert Measure.objects.count() == 1000


def test_pages_do_not_grow_with_the_data(db):
    world = build_world(measures=10)
    add_monitoring(world.edition)
    assert_flat_query_counts(
        [(Client(), lambda m=make_url: m(world), budget, why) for make_url, budget, why in PAGES],
        lambda: _grow(world),
        sizes="10 and 1,000 measures",
    )


def test_staff_pages_do_not_grow_with_the_data(db, client_for):
    world = build_world(measures=10)
    add_monitoring(world.edition)
    client = client_for("coordinator")
    urls = [reverse("monitoring:updates"), reverse("monitoring:import_start")]
    before = {url: _count(url, client) for url in urls}
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    add_monitoring(world.edition, indicators=False)
    assert before == {url: _count(url, client) for url in urls}


def test_panels_keep_a_fixed_number_of_queries(db, rf):
    world = build_world(measures=10)
    add_monitoring(world.edition)
    request = rf.get("/")
    request.user = AnonymousUser()
    measure = Measure.objects.select_related("action_field", "lead_unit").first()
    with query_budget(3, "implementation with its latest report, milestones, indicators"):
        panels.measure_implementation(request, measure)
    with query_budget(2, "measures of the field with implementation, context indicators"):
        panels.action_field_monitoring(request, world.fields[0])
