"""Dot votes, resistances and survey responses count once per person, also when the same
person's requests arrive at the same moment (PostgreSQL run only, real concurrency): the
unique constraints decide, the services turn the loser into "already done"."""

import pytest

from stadtdach.core.testing.personas import make_user
from stadtdach.participation.consensus import services as consensus
from stadtdach.participation.consensus.models import Resistance, ResistanceBallot
from stadtdach.participation.prioritisation import services as prioritisation
from stadtdach.participation.prioritisation.models import DotBallot, DotVote
from stadtdach.participation.services.once import AlreadyDone
from stadtdach.participation.surveys import services as surveys
from stadtdach.participation.surveys.models import Answer, SurveyResponse
from stadtdach.participation.tests.factories import build_formats
from stadtdach.participation.tests.test_concurrency import ATTEMPTS, _race

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def _one_success(results, kind) -> None:
    successes = [r for r in results if isinstance(r, kind)]
    assert len(successes) == 1, results
    assert all(isinstance(r, AlreadyDone) for r in results if not isinstance(r, kind)), results
    assert len(results) == ATTEMPTS


def test_simultaneous_dot_votes_count_once():
    world = build_formats()
    item = world.prioritisation
    citizen = make_user("gleichzeitig-punkte", roles=("citizen",))
    first, *_, last = item.options.all()
    results = _race(
        lambda: prioritisation.dot_vote(
            prioritisation=item, user=citizen, points={first.pk: 6, last.pk: 4}
        )
    )
    _one_success(results, DotBallot)
    assert DotBallot.objects.filter(prioritisation=item, user=citizen).count() == 1
    assert sum(DotVote.objects.values_list("points", flat=True)) == 10


def test_simultaneous_resistances_count_once():
    world = build_formats()
    finding = world.finding
    member = make_user("gleichzeitig-widerstand", roles=("steering_group",))
    values = {option.pk: 3 for option in finding.options.all()}
    results = _race(lambda: consensus.rate(finding=finding, user=member, values=values))
    _one_success(results, ResistanceBallot)
    assert ResistanceBallot.objects.filter(finding=finding, user=member).count() == 1
    assert Resistance.objects.count() == len(values)


def test_simultaneous_survey_responses_count_once():
    world = build_formats()
    survey = world.survey
    citizen = make_user("gleichzeitig-umfrage", roles=("citizen",))
    answers = {survey.single.pk: survey.single.options.first().pk, survey.scale.pk: 3}
    results = _race(lambda: surveys.survey_submit(survey=survey, user=citizen, answers=answers))
    _one_success(results, SurveyResponse)
    assert SurveyResponse.objects.filter(survey=survey, user=citizen).count() == 1
    assert Answer.objects.count() == 2


def test_the_constraints_themselves_refuse_a_second_ballot():
    """Even code that skips the services cannot store a second ballot of a person."""
    from django.db import IntegrityError, transaction

    world = build_formats()
    citizen = make_user("direkt-formate", roles=("citizen",))
    for model, fields in (
        (DotBallot, {"prioritisation": world.prioritisation}),
        (ResistanceBallot, {"finding": world.finding}),
        (SurveyResponse, {"survey": world.survey}),
    ):

        def insert(model=model, fields=fields):
            with transaction.atomic():
                return model.objects.create(user=citizen, **fields).pk

        results = _race(insert)
        assert sum(isinstance(r, int) for r in results) == 1, model
        assert all(isinstance(r, IntegrityError) for r in results if not isinstance(r, int))
