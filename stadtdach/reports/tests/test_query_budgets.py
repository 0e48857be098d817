"""The report and revision pages make the same number of queries with 10 and 1,000
measures (a snapshot holds them all; the pages do not walk it with queries)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.queries import count_queries, query_budget
from stadtdach.reports import services
from stadtdach.reports.models import Report
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import add_measures, build_world

PAGES = [
    ("list", 4, "municipality, reports (count, page), revisions"),
    ("revisions", 4, "municipality, revisions, choices of the two selects of the compare form"),
    ("revision", 4, "municipality, revision, choices of the two selects of the compare form"),
    ("compare", 6, "municipality, revision a, revision b, change log, choices of the two selects"),
    ("report", 3, "municipality, report, its siblings"),
]


def _urls(revisions, report):
    old, new = revisions
    return {
        "list": reverse("reports:list"),
        "revisions": reverse("reports:revision_list"),
        "revision": new.get_absolute_url(),
        "compare": reverse("reports:revision_compare") + f"?a={old.pk}&b={new.pk}",
        "report": report.get_absolute_url(),
    }


def _publish(world, title, day):
    return services.revision_publish(
        actor=None, edition=world.edition, title=title, change_note="", published_on=day
    )


@pytest.mark.parametrize(("name", "budget", "why"), PAGES, ids=[p[0] for p in PAGES])
def test_pages_do_not_grow_with_the_data(db, name, budget, why):
    world = build_world(measures=10)
    report = Report.objects.create(
        kind="isek", format="pdf", edition=world.edition, title="x", is_public=True, status="done"
    )
    small = [
        _publish(world, "A", datetime.date(2022, 1, 1)),
        _publish(world, "B", datetime.date(2023, 1, 1)),
    ]
    client = Client()
    url = _urls(small, report)[name]
    client.get(url)
    few = count_queries(lambda: client.get(url))
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    assert Measure.objects.count() == 1000
    Report.objects.all().delete()
    report = Report.objects.create(
        kind="isek", format="pdf", edition=world.edition, title="x", is_public=True, status="done"
    )
    from stadtdach.reports.models import Revision

    Revision.objects.all().delete()
    large = [
        _publish(world, "A", datetime.date(2022, 1, 1)),
        _publish(world, "B", datetime.date(2023, 1, 1)),
    ]
    url = _urls(large, report)[name]
    client.get(url)
    many = count_queries(lambda: client.get(url))
    assert few == many
    with query_budget(budget, why):
        assert client.get(url).status_code == 200
