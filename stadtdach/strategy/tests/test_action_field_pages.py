"""An action field pages through its goals and measures: a goal shows its first
measures and their number, every page stays small and costs the same queries with 1,000
measures and 60 more goals, and bad page numbers give the first or last page."""

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.core.testing.queries import count_queries, page_cache_off
from stadtdach.strategy import selectors
from stadtdach.strategy.models import Goal, Measure
from stadtdach.strategy.tests.factories import add_measures, build_world


def _get(client, url):
    with page_cache_off():
        return client.get(url)


def test_goals_and_measures_are_paged(db):
    world = build_world(measures=10)
    field = world.fields[0]
    client = Client()
    url = field.get_absolute_url()
    few = count_queries(lambda: client.get(url))
    more_goals = Goal.objects.bulk_create(
        Goal(edition=world.edition, action_field=field, title=f"Ziel {n}", order=100 + n)
        for n in range(60)
    )
    add_measures(
        world.edition, world.fields, world.themes, [*world.goals, *more_goals], world.concepts, 990
    )
    assert count_queries(lambda: client.get(url)) == few
    assert count_queries(lambda: client.get(url + "?seite=2&ziele=2")) == few
    measures = Measure.objects.filter(action_field=field).count()
    goals = Goal.objects.filter(action_field=field, edition=world.edition).count()
    assert measures > selectors.MEASURES_SHOWN and goals > selectors.GOALS_PER_PAGE

    response = _get(client, url)
    html = response.content.decode()
    assert response.status_code == 200 and len(response.content) < 150_000
    assert_valid_html(response.content)
    with translation.override("de"):
        assert f'aria-label="{_("Pages of the measures")}"' in html
        assert f'aria-label="{_("Pages of the goals")}"' in html
    assert "?seite=2#massnahmen" in html and "?ziele=2#ziele" in html
    last = -(-measures // selectors.MEASURES_SHOWN)
    page = _get(client, url + f"?seite={last}&ziele=2").content.decode()
    assert f"Seite {last} von {last}" in page and "Seite 2 von" in page
    for query in ("?seite=abc", "?seite=0", "?seite=-1", "?seite=²", "?ziele=x", "?seite=1e9"):
        assert _get(client, url + query).status_code == 200, query
    beyond = _get(client, url + "?seite=99999").content.decode()
    assert f"Seite {last} von {last}" in beyond


def test_a_goal_lists_its_first_measures_and_their_number(db):
    world = build_world(measures=10)
    goal = world.goals[0]
    add_measures(world.edition, world.fields, world.themes, [goal], world.concepts, 40)
    page = selectors.action_field_page(goal.action_field.slug, world.edition)
    (shown,) = [g for g in page.goals.object_list if g.pk == goal.pk]
    assert shown.measure_count == goal.measures.count() > selectors.GOAL_MEASURES_SHOWN
    assert len(shown.shown) == selectors.GOAL_MEASURES_SHOWN
