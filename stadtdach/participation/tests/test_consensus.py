"""Consensus finding (Systemisches Konsensieren): every option rated 0-10 once per
person, the passive solution always offered, the ranking by total resistance with
acceptance, internal use by the steering group, windows, bad input, query budgets."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.consensus import selectors
from stadtdach.participation.consensus.models import ConsensusFinding, ResistanceBallot
from stadtdach.participation.tests.factories import add_resistance_ballots, build_formats


@pytest.fixture
def world(db):
    return build_formats()


def _values(finding, *values, **extra):
    options = list(finding.options.all())  # the passive solution last
    data = {f"widerstand_{o.pk}": v for o, v in zip(options, values, strict=False)}
    return {"form_token": str(uuid.uuid4()), **data, **extra}


def _rate(client, finding, *values, **extra):
    return client.post(finding.get_absolute_url(), _values(finding, *values, **extra))


def test_every_finding_offers_the_passive_solution(world, client_for):
    options = list(world.finding.options.all())
    assert [o.is_passive for o in options] == [False, False, True]
    client = client_for("participation_coordinator")
    response = client.post(
        reverse("participation:consensus_add", args=[world.process.slug]),
        {
            "title": "Neue Frage",
            "question": "Was tun?",
            "order": 1,
            "form_token": str(uuid.uuid4()),
        },
    )
    finding = ConsensusFinding.objects.get(title="Neue Frage")
    assert response.status_code == 302
    assert list(finding.options.values_list("is_passive", flat=True)) == [True]
    passive = finding.options.get()
    # The passive solution is neither edited nor deleted.
    for name in ("consensus_option_edit", "consensus_option_delete"):
        assert client.get(reverse(f"participation:{name}", args=[passive.pk])).status_code == 404
    # With nothing but the passive solution there is nothing to rate yet.
    assert client.get(finding.get_absolute_url()).context["form"] is None


@pytest.mark.parametrize("persona", ["citizen", "steering_member", "department_staff"])
def test_accounts_rate_every_option_once(world, personas, client_for, persona):
    finding = world.finding
    client = client_for(persona)
    response = _rate(client, finding, 0, 7, 10)
    assert response.status_code == 302 and response["Location"].endswith("#ergebnis")
    ballot = ResistanceBallot.objects.get(finding=finding)
    assert ballot.user == personas[persona]
    assert sorted(ballot.resistances.values_list("value", flat=True)) == [0, 7, 10]
    assert _rate(client, finding, 1, 1, 1).status_code == 409
    assert ResistanceBallot.objects.count() == 1


def test_the_steering_group_rates_internally(world, client_for):
    world.process.audience = "internal"
    world.process.contributors = "anonymous"  # ignored for internal processes
    world.process.save()
    for persona in ("anonymous", "citizen", "department_staff", "council_member"):
        client = client_for(persona)
        assert client.get(world.finding.get_absolute_url()).status_code == 404, persona
        assert _rate(client, world.finding, 0, 0, 0).status_code == 404, persona
    for persona in ("steering_member", "participation_coordinator", "consultant"):
        assert _rate(client_for(persona), world.finding, 1, 5, 9).status_code == 302, persona
    assert ResistanceBallot.objects.count() == 3


@pytest.mark.parametrize(
    "values",
    [(0, 5), (0, 11, 3), (-1, 2, 3), ("x", 2, 3), ("\x00", 1, 1), ("9" * 40, 1, 1)],
    ids=["missing option", "above 10", "below 0", "text", "nul", "huge"],
)
def test_bad_ratings_get_a_form_error(world, client_for, values):
    response = _rate(client_for("citizen"), world.finding, *values)
    assert response.status_code == 400 and response.context["form"].errors
    assert not ResistanceBallot.objects.exists()


def test_anonymous_visitors_must_log_in(world, client_for):
    world.process.contributors = "anonymous"
    world.process.save()
    response = _rate(client_for("anonymous"), world.finding, 1, 1, 1)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]


@pytest.mark.parametrize("window", [(-20, -10), (5, 10)], ids=["closed", "upcoming"])
def test_closed_and_upcoming_findings_refuse(db, client_for, window):
    world = build_formats(days_open=window)
    response = _rate(client_for("citizen"), world.finding, 1, 1, 1)
    assert response.status_code == 403 and not ResistanceBallot.objects.exists()


def test_the_service_wants_every_option_in_range(world, personas):
    from stadtdach.participation.consensus.services import InvalidRating, rate

    ids = [o.pk for o in world.finding.options.all()]
    for values in ({ids[0]: 1}, dict.fromkeys(ids, 11), {**dict.fromkeys(ids, 1), 999999: 1}):
        with pytest.raises(InvalidRating):
            rate(finding=world.finding, user=personas.citizen, values=values)
    assert not ResistanceBallot.objects.exists()


def test_ranking_by_total_resistance_with_the_passive_solution(world, client_for):
    finding = world.finding  # Standort 1, Standort 2, passive
    add_resistance_ballots(finding, 3)  # 2, 8, 8 each
    _rate(client_for("citizen"), finding, 4, 10, 0)
    ballots, ranked, chart = selectors.results(finding)
    assert ballots == 4
    rows = [
        (r.option.display_label, r.total, r.rank, r.acceptance, r.worse_than_passive)
        for r in ranked
    ]
    passive = finding.options.get(is_passive=True).display_label
    assert rows == [
        ("Standort 1", 10, 1, 75, False),
        (passive, 24, 2, 40, False),
        ("Standort 2", 34, 3, 15, True),
    ]
    assert ranked[0].average == "2,5"
    assert [bar.marked for bar in chart.bars] == [False, True, False]
    html = client_for("citizen").get(finding.get_absolute_url()).content.decode()
    assert "<svg" in html and "75" in html and "Standort 2" in html


def test_ties_share_a_rank_and_the_passive_solution_goes_after(world):
    options = list(world.finding.options.all())
    sums = {o.pk: (6, 2) for o in options}
    ranked = selectors.rank(options, sums)
    assert [r.rank for r in ranked] == [1, 1, 1]
    assert ranked[-1].option.is_passive and all(r.worse_than_passive for r in ranked[:2])
    empty = selectors.rank(options, {})
    assert [r.acceptance for r in empty] == [0, 0, 0] and empty[0].average == "–"


def test_results_are_hidden_before_ones_own_rating(world, client_for):
    add_resistance_ballots(world.finding, 2)
    page = client_for("citizen").get(world.finding.get_absolute_url())
    assert not page.context["results_visible"]
    assert client_for("consultant").get(world.finding.get_absolute_url()).context["results_visible"]


def test_options_stay_fixed_once_somebody_rated(world, client_for):
    add_resistance_ballots(world.finding, 1)
    client = client_for("participation_coordinator")
    response = client.post(
        reverse("participation:consensus_option_add", args=[world.finding.pk]),
        {"label": "Standort 3", "order": 3, "form_token": str(uuid.uuid4())},
    )
    assert response.status_code == 400 and world.finding.options.count() == 3
    option = world.finding.options.first()
    assert (
        client.get(reverse("participation:consensus_option_delete", args=[option.pk])).status_code
        == 404
    )


@pytest.mark.parametrize(
    "data", [{"label": ""}, {"label": "\x00"}, {"label": "x" * 300}], ids=["empty", "nul", "long"]
)
def test_bad_options_get_a_form_error(world, client_for, data):
    response = client_for("participation_coordinator").post(
        reverse("participation:consensus_option_add", args=[world.finding.pk]),
        {"order": 1, "form_token": str(uuid.uuid4()), **data},
    )
    assert response.status_code == 400 and "label" in response.context["form"].errors


@pytest.mark.parametrize("persona", ["anonymous", "steering_member"])
def test_the_pages_do_not_grow_with_the_ballots(world, client_for, persona):
    finding = world.finding
    client = client_for(persona)
    add_resistance_ballots(finding, 10)
    if persona != "anonymous":
        _rate(client, finding, 1, 2, 3)
    urls = [finding.get_absolute_url(), world.process.get_absolute_url()]
    for url in urls:
        client.get(url)
    few = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    add_resistance_ballots(finding, 1000)
    many = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert few == many
    assert few[urls[0]] <= (4 if persona == "anonymous" else 12)
