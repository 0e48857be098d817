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


def test_long_pages_are_paged_and_bad_page_numbers_give_a_page(db):
    """1,000 measures: the revision shows 25 a page with a labelled pagination nav, the
    comparison shows a window per part and pages each part; bad numbers never fail."""
    world = build_world(measures=10)
    old = _publish(world, "A", datetime.date(2022, 1, 1))
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 990)
    new = _publish(world, "B", datetime.date(2023, 1, 1))
    client = Client()
    compare = reverse("reports:revision_compare") + f"?a={old.pk}&b={new.pk}"
    for url in (
        new.get_absolute_url(),
        compare,
        compare + "&teil=measures",
    ):
        for suffix in ("", "&seite=abc", "&seite=-1", "&seite=999999", "&seite=2"):
            glue = "&" if "?" in url else "?"
            response = client.get(url + (glue + suffix[1:] if suffix else ""))
            assert response.status_code == 200, (url, suffix)
            assert len(response.content) < 150_000, (url, suffix, len(response.content))
    page = client.get(new.get_absolute_url()).content.decode()
    assert page.count('<tr><th scope="row">') == 25
    assert 'class="pagination" aria-label=' in page
    whole = client.get(compare).content.decode()
    assert "teil=measures" in whole  # the link to the part's own pages
    part = client.get(compare + "&teil=measures").content.decode()
    assert 'class="pagination" aria-label=' in part
    assert client.get(compare + "&teil=nichts").status_code == 404
