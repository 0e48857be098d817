"""The public finance pages and the finance panels make the same number of queries with
10 and with 1,000 measures, within their budgets."""

import pytest
from django.test import Client
from django.urls import reverse

from stadtdach.core.panels import panels_for
from stadtdach.core.testing.queries import count_queries, query_budget
from stadtdach.finance import panels
from stadtdach.finance.tests.factories import add_finance
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import add_measures, build_world

PAGES = [
    (
        "finance:overview",
        5,
        "session-less: municipality, edition, measures, budget lines, financing",
    ),
    ("finance:programme_list", 2, "municipality, programmes"),
    ("finance:product_list", 5, "municipality, areas, groups, products, budget years"),
]


def _count(url: str) -> int:
    client = Client()
    client.get(url)  # warm-up: content types and other per-process caches
    return count_queries(lambda: client.get(url))


@pytest.mark.parametrize(("name", "budget", "why"), PAGES, ids=[p[0] for p in PAGES])
def test_pages_do_not_grow_with_the_data(db, name, budget, why):
    world = build_world(measures=10)
    finance = add_finance(world.edition)
    url = reverse(name)
    few = _count(url)
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    add_finance(world.edition, finance)
    assert Measure.objects.count() == 1000
    many = _count(url)
    assert few == many
    with query_budget(budget, why):
        assert Client().get(url).status_code == 200


def test_panels_keep_a_fixed_number_of_queries(db, rf):
    world = build_world(measures=10)
    add_finance(world.edition)
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    measure = Measure.objects.first()
    with query_budget(1, "the measure with financing, programme, product, budget lines"):
        panels.measure_finance(request, measure)
    with query_budget(1, "the field's budget lines summed per year, split by their financing"):
        panels.action_field_finance(request, world.fields[0])
    assert panels_for("measure", request, measure)  # configured in settings
