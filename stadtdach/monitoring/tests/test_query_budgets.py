"""Dashboards and lists of the monitoring app make the same number of queries with 10
and with 1,000 measures (and 300 more indicators with 100 values each), within their
budgets and well below 150 KB; the panels too."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.queries import (
    assert_flat_query_counts,
    count_queries,
    page_cache_off,
    query_budget,
)
from stadtdach.monitoring import panels
from stadtdach.monitoring.models import Indicator, IndicatorValue
from stadtdach.monitoring.rollups import rollups_rebuild
from stadtdach.monitoring.tests.factories import add_monitoring
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import add_measures, build_world

PAGES = [
    (
        lambda w: reverse("monitoring:dashboard"),
        8,
        "municipality, edition, measures per field and status, fields, measures needing "
        "attention, indicators per status, open milestones, latest reports",
    ),
    (
        lambda w: reverse("monitoring:action_field", args=[w.fields[0].slug]),
        7,
        "municipality, edition, field, measures per status, first measures, indicator count, "
        "a page of indicators with rollups",
    ),
    (
        lambda w: reverse("monitoring:measure_list") + "?stand=off_track&seite=2",
        5,
        "municipality, edition, count, page of measures with implementation, action fields",
    ),
    (
        lambda w: reverse("monitoring:measure", args=[Measure.objects.order_by("pk").first().pk]),
        6,
        "municipality, measure with implementation, report count, reports, milestones, "
        "indicators with rollups",
    ),
    (
        lambda w: reverse("monitoring:indicator_list") + "?seite=2",
        5,
        "municipality, edition, count, page of indicators with rollups, action fields",
    ),
    (
        lambda w: reverse("monitoring:indicator_detail", args=[Indicator.objects.first().pk]),
        4,
        "municipality, indicator with rollup, value count, page of values",
    ),
]
# Every page stays well below this many bytes at the larger size.
MAX_BYTES = 150_000


def _count(url, client):
    client.get(url)  # warm-up: content types and other per-process caches
    return count_queries(lambda: client.get(url))


def _grow(world) -> None:
    """990 more measures with their implementation, and 300 more indicators with 100
    values each (a context and a result indicator for many measures)."""
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    add_monitoring(world.edition, indicators=False)
    assert Measure.objects.count() == 1000
    measures = list(Measure.objects.order_by("pk")[:150])
    indicators = Indicator.objects.bulk_create(
        Indicator(
            edition=world.edition,
            code=f"G-{kind}-{m.pk}",
            kind=kind,
            action_field=m.action_field,
            measure=m if kind == "result" else None,
            name=f"Wachstum {m.pk}",
            unit="Stück",
            baseline_value=Decimal("10"),
            baseline_year=2018,
            target_value=Decimal("100"),
            target_year=2030,
        )
        for m in measures
        for kind in ("context", "result")
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=i, date=datetime.date(2018 + n // 12, n % 12 + 1, 1), value=n)
        for i in indicators
        for n in range(100)
    )
    rollups_rebuild()


def test_pages_do_not_grow_with_the_data(db):
    world = build_world(measures=10)
    add_monitoring(world.edition)
    pages = [
        (Client(), lambda m=make_url: m(world), budget, why) for make_url, budget, why in PAGES
    ]
    assert_flat_query_counts(pages, lambda: _grow(world), sizes="10 and 1,000 measures")
    for client, make_url, _budget, _why in pages:
        with page_cache_off():
            response = client.get(make_url())
        assert len(response.content) < MAX_BYTES, (make_url(), len(response.content))


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
    with query_budget(
        1, "the measure with its implementation, latest report, milestones, indicators"
    ):
        panels.measure_implementation(request, measure)
    with query_budget(2, "measures of the field per status, context indicators"):
        panels.action_field_monitoring(request, world.fields[0])
    _grow(world)
    with query_budget(1, "the same with 1,000 measures"):
        panels.measure_implementation(request, measure)
    with query_budget(2, "the same with 1,000 measures"):
        panel = panels.action_field_monitoring(request, world.fields[0])
    assert len(panel.context["indicators"]) <= 10 and panel.context["more_indicators"]
