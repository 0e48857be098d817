"""Prioritisation (dot voting): points spread once per person, the budget and the limit
per option, windows, bad input, totals and ranks, the staff's options, query budgets."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.prioritisation import selectors
from stadtdach.participation.prioritisation.models import DotBallot, DotVote
from stadtdach.participation.tests.factories import add_dot_ballots, build_formats


@pytest.fixture
def world(db):
    return build_formats()


def _points(item, *values, **extra):
    options = list(item.options.all())
    data = {f"punkte_{o.pk}": v for o, v in zip(options, values, strict=False)}
    return {"form_token": str(uuid.uuid4()), **data, **extra}


def _vote(client, item, *values, **extra):
    return client.post(item.get_absolute_url(), _points(item, *values, **extra))


@pytest.mark.parametrize(
    "persona", ["citizen", "steering_member", "department_staff", "participation_coordinator"]
)
def test_accounts_spread_their_points_once(world, personas, client_for, persona):
    item = world.prioritisation
    client = client_for(persona)
    response = _vote(client, item, 6, 0, 4)
    assert response.status_code == 302 and response["Location"].endswith("#ergebnis")
    ballot = DotBallot.objects.get(prioritisation=item)
    assert ballot.user == personas[persona]
    assert sorted(ballot.votes.values_list("points", flat=True)) == [4, 6]
    page = client.get(item.get_absolute_url())
    assert page.context["own"] and page.context["results_visible"] and page.context["form"] is None
    again = _vote(client, item, 10, 0, 0)
    assert again.status_code == 409 and DotBallot.objects.count() == 1


def test_visitors_must_log_in_even_where_anonymous_is_allowed(world, client_for):
    world.process.contributors = "anonymous"
    world.process.save()
    response = _vote(client_for("anonymous"), world.prioritisation, 5)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]
    assert not DotBallot.objects.exists()


@pytest.mark.parametrize(
    ("values", "extra"),
    [
        ((6, 5, 0), {}),  # 11 of 10 points
        ((0, 0, 0), {}),
        ((-1, 5, 0), {}),
        (("9" * 40,), {}),
        (("1e309",), {}),
        (("\x00",), {}),
        ((3,), {"website": "spam"}),
    ],
    ids=["over budget", "none", "negative", "huge", "float", "nul", "honeypot"],
)
def test_bad_votes_get_a_form_error(world, client_for, values, extra):
    response = _vote(client_for("citizen"), world.prioritisation, *values, **extra)
    assert response.status_code == 400 and response.context["form"].errors
    assert not DotBallot.objects.exists()


def test_the_limit_per_option_holds(world, client_for):
    item = world.prioritisation
    item.max_per_option = 3
    item.save()
    response = _vote(client_for("citizen"), item, 4, 1)
    assert response.status_code == 400 and not DotBallot.objects.exists()
    assert _vote(client_for("citizen"), item, 3, 3, 3).status_code == 302


def test_points_for_unknown_options_are_ignored(world, client_for):
    data = _points(world.prioritisation, 2)
    data["punkte_999999"] = 8
    response = client_for("citizen").post(world.prioritisation.get_absolute_url(), data)
    assert response.status_code == 302
    assert list(DotVote.objects.values_list("points", flat=True)) == [2]


@pytest.mark.parametrize("window", [(-20, -10), (5, 10)], ids=["closed", "upcoming"])
def test_closed_and_upcoming_votes_refuse(db, client_for, window):
    world = build_formats(days_open=window)
    response = _vote(client_for("citizen"), world.prioritisation, 5)
    assert response.status_code == 403 and not DotBallot.objects.exists()


def test_the_service_guards_the_rules_too(world, personas):
    from stadtdach.participation.prioritisation.services import InvalidVote, dot_vote

    item = world.prioritisation
    first = item.options.first()
    for points in ({first.pk: 11}, {999999: 1}, {first.pk: -1, item.options.last().pk: 2}, {}):
        with pytest.raises(InvalidVote):
            dot_vote(prioritisation=item, user=personas.citizen, points=points)
    assert not DotBallot.objects.exists()


def test_totals_and_ranks(world, client_for):
    item = world.prioritisation  # options 1, 2, 3
    add_dot_ballots(item, 4)  # 3 points on option 1, 1 on option 3, each
    _vote(client_for("citizen"), item, 0, 5, 5)
    ballots, ranked, chart = selectors.results(item)
    assert ballots == 5
    assert [(r.option.label, r.points, r.voters, r.rank) for r in ranked] == [
        ("Option 1", 12, 4, 1),
        ("Option 3", 9, 5, 2),
        ("Option 2", 5, 1, 3),
    ]
    assert [row[0] for row in chart.extra_rows] == ["46\u202f%", "35\u202f%", "19\u202f%"]
    html = client_for("citizen").get(item.get_absolute_url()).content.decode()
    assert "<svg" in html and "Option 1" in html


def test_equal_totals_share_a_rank(world):
    item = world.prioritisation
    ranked = selectors.results(item)[1]
    assert [r.rank for r in ranked] == [1, 1, 1]


def test_results_are_hidden_before_ones_own_vote(world, client_for):
    add_dot_ballots(world.prioritisation, 2)
    page = client_for("citizen").get(world.prioritisation.get_absolute_url())
    assert not page.context["results_visible"] and "ranked" not in page.context
    staff = client_for("participation_coordinator").get(world.prioritisation.get_absolute_url())
    assert staff.context["results_visible"]


def test_the_coordination_offers_the_action_fields(world, client_for):
    client = client_for("participation_coordinator")
    item = world.prioritisation
    url = reverse("participation:prioritisation_action_fields", args=[item.pk])
    assert client_for("citizen").post(url).status_code == 403
    assert client.post(url).status_code == 302
    fields = len(world.base.world.fields)
    assert item.options.filter(action_field__isnull=False).count() == fields
    client.post(url)  # twice: nothing new
    assert item.options.count() == 3 + fields
    add_dot_ballots(item, 1)
    response = client.post(
        reverse("participation:priority_option_add", args=[item.pk]),
        {"label": "Zu spät", "order": 9, "form_token": str(uuid.uuid4())},
    )
    assert response.status_code == 400 and not item.options.filter(label="Zu spät").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"label": ""},
        {"label": "x", "contribution": "999999"},
        {"label": "x", "measure": "9" * 40},
        {"label": "\x00"},
    ],
    ids=["nothing", "unknown idea", "huge id", "nul"],
)
def test_bad_options_get_a_form_error(world, client_for, data):
    response = client_for("participation_coordinator").post(
        reverse("participation:priority_option_add", args=[world.prioritisation.pk]),
        {"order": 1, "form_token": str(uuid.uuid4()), **data},
    )
    assert response.status_code == 400 and response.context["form"].errors


def test_an_option_linked_to_two_things_is_refused(world, client_for):
    fields = world.base.world.fields
    measure = world.base.world.goals[0].measures.first()
    response = client_for("participation_coordinator").post(
        reverse("participation:priority_option_add", args=[world.prioritisation.pk]),
        {"action_field": fields[0].pk, "measure": measure.pk, "order": 1},
    )
    assert response.status_code == 400


@pytest.mark.parametrize("persona", ["anonymous", "citizen"])
def test_the_pages_do_not_grow_with_the_ballots(world, client_for, persona):
    item = world.prioritisation
    client = client_for(persona)
    add_dot_ballots(item, 10)
    if persona == "citizen":
        _vote(client, item, 1)
    urls = [item.get_absolute_url(), world.process.get_absolute_url()]
    for url in urls:
        client.get(url)
    few = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    add_dot_ballots(item, 1000)
    many = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert few == many
    assert few[urls[0]] <= (4 if persona == "anonymous" else 12)
