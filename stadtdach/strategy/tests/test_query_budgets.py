"""Every public list and detail page of the strategy makes the same number of queries with
10 and with 1,000 measures, and stays within its budget."""

import pytest
from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.queries import count_queries, query_budget
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import build_world

# (url builder, budget, the queries it allows). Every page also reads the municipality
# for its header and footer (1 query).
PAGES = [
    (
        lambda w: reverse("communication:home"),
        9,
        "municipality, edition+vision with its principles, themes, fields with their goal, "
        "measure and concept counts, phases, next milestone, foundation; panels: open "
        "participation, next meetings",
    ),
    (
        lambda w: reverse("strategy:vision"),
        5,
        "municipality, edition with its principles, themes, fields with their counts, foundation",
    ),
    (lambda w: reverse("strategy:edition_list"), 2, "municipality, editions"),
    (
        lambda w: reverse("strategy:edition_detail", args=[w.edition.slug]),
        8,
        "municipality, edition, principles, fields, choices, goal and measure counts, themes",
    ),
    (
        lambda w: reverse("strategy:action_field_list"),
        7,
        "municipality, edition, fields, choices, goal and measure counts, text block",
    ),
    (
        lambda w: w.fields[0].get_absolute_url(),
        8,
        "municipality, the field with its choice, the edition, concepts, SWOT, themes and "
        "ratings; a page of goals (with their number and first measures), a page of measures "
        "(with their number); panels: contributions (with their number), monitoring "
        "(measures, indicators), finance (budget lines summed per year and source)",
    ),
    (
        lambda w: reverse("strategy:theme_matrix"),
        6,
        "municipality, edition, themes, fields, ratings, text block",
    ),
    (
        lambda w: w.themes[0].get_absolute_url(),
        6,
        "municipality, edition, theme, field ratings, measure ratings, count",
    ),
    (
        lambda w: reverse("strategy:concept_list"),
        4,
        "municipality, concepts, their action fields, text block",
    ),
    (
        lambda w: w.concepts[0].get_absolute_url(),
        5,
        "municipality, concept, action fields, measures, count",
    ),
    (
        lambda w: reverse("strategy:review"),
        6,
        "municipality, edition, findings, expectations, their roles, text block",
    ),
    (
        lambda w: reverse("strategy:measure_list"),
        6,
        "municipality, edition, count, page, fields, themes",
    ),
    (
        lambda w: (
            reverse("strategy:measure_list")
            + "?thema="
            + w.themes[0].slug
            + "&status=planned&q=Rad&seite=2"
        ),
        6,
        "as above, filtered",
    ),
    (
        lambda w: Measure.objects.order_by("pk").last().get_absolute_url(),
        8,
        "municipality, measure with its goals and concepts, themes with its ratings; panels: "
        "contributions behind it, comments (each with their number), decisions, financing "
        "with budget lines, implementation with milestones and indicators",
    ),
    (
        lambda w: reverse("process:overview"),
        8,
        "municipality, edition, phases, milestones (the next one among them), levels, roles, "
        "activities, steps, text block",
    ),
    (
        lambda w: reverse("communication:search") + "?q=Rad",
        19,
        "municipality, edition, one query each for fields, themes, concepts, measures, goals, "
        "expectations, phases, milestones, next steps, bodies, meetings, agenda items, "
        "papers, documents, participation processes, contributions, fund calls",
    ),
]


def _count(url: str) -> tuple[int, int]:
    client = Client()
    response = client.get(url)  # warm-up: content types and other per-process caches
    queries = count_queries(lambda: client.get(url))
    return response.status_code, queries


@pytest.mark.parametrize(
    ("make_url", "budget", "why"),
    PAGES,
    ids=[why.split(",")[1].strip() + f"-{i}" for i, (_, _, why) in enumerate(PAGES)],
)
def test_query_count_does_not_grow_with_the_data(db, make_url, budget, why):
    small = build_world(measures=10)
    url = make_url(small)
    status, few = _count(url)
    assert status == 200
    from stadtdach.strategy.tests.factories import add_measures

    add_measures(small.edition, small.fields, small.themes, small.goals, small.concepts, 990)
    assert Measure.objects.count() == 1000
    status, many = _count(make_url(small))
    assert status == 200
    assert few == many, f"{few} queries with 10 measures, {many} with 1,000 ({why})"
    url = make_url(small)
    with query_budget(budget, why):
        Client().get(url)


def test_staff_pages_keep_their_budget(db, personas, client_for):
    world = build_world(measures=10)
    from stadtdach.strategy.tests.factories import add_measures

    client = client_for("coordinator")
    measure = Measure.objects.first()
    urls = [
        reverse("communication:workspace"),
        reverse("core:audit_log"),
        reverse("strategy:measure_edit", args=[measure.pk]),
        world.fields[0].get_absolute_url(),
    ]
    before = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    after = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert before == after
    # Issue 10: the workspace and the action field at most 12 for a coordinator too
    # (3 of them: session, user, roles).
    assert after[urls[0]] <= 12 and after[urls[3]] <= 12, after
