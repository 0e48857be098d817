"""Every page of the formats of part 2 renders for every role, with valid HTML: public
pages for everybody who may see the process, staff pages for those who run
participation (403 for the other accounts, the log-in page for visitors)."""

import pytest
from django.urls import reverse

from stadtdach.core.testing.html import html_problems
from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.participation.tests.factories import add_event_results, build_formats

STAFF = {"participation_coordinator", "coordinator", "consultant"}


@pytest.fixture
def world(db):
    world = build_formats()
    world.results = add_event_results(world.event, 2)
    return world


def _public(w):
    return [
        w.process.get_absolute_url(),
        w.draft.get_absolute_url(),
        w.paragraph.get_absolute_url(),
        w.survey.get_absolute_url(),
        reverse("participation:survey_results", args=[w.survey.pk]),
        reverse("participation:survey_text_answers", args=[w.survey.text.pk]),
        w.prioritisation.get_absolute_url(),
        w.finding.get_absolute_url(),
        w.event.get_absolute_url(),
        w.results[0].get_absolute_url(),
    ]


def _staff(w):
    slug = w.process.slug
    option = w.prioritisation.options.first()
    consensus_option = w.finding.options.filter(is_passive=False).first()
    return [
        reverse("participation:draft_manage", args=[slug]),
        reverse("participation:draft_add", args=[slug]),
        reverse("participation:draft_edit", args=[w.draft.pk]),
        reverse("participation:survey_manage", args=[slug]),
        reverse("participation:survey_add", args=[slug]),
        reverse("participation:survey_edit", args=[w.survey.pk]),
        reverse("participation:question_add", args=[w.survey.pk]),
        reverse("participation:question_edit", args=[w.survey.single.pk]),
        reverse("participation:question_delete", args=[w.survey.single.pk]),
        reverse("participation:prioritisation_manage", args=[slug]),
        reverse("participation:prioritisation_add", args=[slug]),
        reverse("participation:prioritisation_edit", args=[w.prioritisation.pk]),
        reverse("participation:priority_option_add", args=[w.prioritisation.pk]),
        reverse("participation:priority_option_edit", args=[option.pk]),
        reverse("participation:priority_option_delete", args=[option.pk]),
        reverse("participation:consensus_manage", args=[slug]),
        reverse("participation:consensus_add", args=[slug]),
        reverse("participation:consensus_edit", args=[w.finding.pk]),
        reverse("participation:consensus_option_add", args=[w.finding.pk]),
        reverse("participation:consensus_option_edit", args=[consensus_option.pk]),
        reverse("participation:consensus_option_delete", args=[consensus_option.pk]),
        reverse("participation:event_manage", args=[slug]),
        reverse("participation:event_add", args=[slug]),
        reverse("participation:event_edit", args=[w.event.pk]),
        reverse("participation:event_attendance", args=[w.event.pk]),
        reverse("participation:event_results_add", args=[w.event.pk]),
        reverse("participation:event_photo_add", args=[w.event.pk]),
        reverse("participation:event_document_add", args=[w.event.pk]),
    ]


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_the_public_pages_render_for_everybody(world, client_for, persona):
    client = client_for(persona)
    for url in _public(world):
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_problems(response.content) == [], url


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_the_staff_pages_are_for_those_who_run_participation(world, client_for, persona):
    client = client_for(persona)
    for url in _staff(world):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302 and "/anmelden/" in response["Location"], url
        elif persona in STAFF:
            assert response.status_code == 200, url
            assert html_problems(response.content) == [], url
        else:
            assert response.status_code == 403, url


def test_votes_are_in_the_download_and_stay_without_the_person(world, personas, client_for):
    import json

    from stadtdach.core.testing.personas import PASSWORD
    from stadtdach.participation.consensus.services import rate
    from stadtdach.participation.prioritisation.services import dot_vote
    from stadtdach.participation.surveys.services import survey_submit

    citizen = personas.citizen
    survey_submit(survey=world.survey, user=citizen, answers={world.survey.scale.pk: 2})
    option = world.prioritisation.options.first()
    dot_vote(prioritisation=world.prioritisation, user=citizen, points={option.pk: 4})
    rate(finding=world.finding, user=citizen, values={o.pk: 3 for o in world.finding.options.all()})
    client = client_for("citizen")
    data = json.loads(client.get(reverse("accounts:personal_data")).content)
    assert data["survey_responses"][0]["answers"][0]["scale_value"] == 2
    assert data["dot_votes"][0]["points"] == {option.display_label: 4}
    assert len(data["resistances"][0]["values"]) == 3
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert world.survey.responses.get().user is None
    assert world.prioritisation.ballots.get().user is None
    assert world.finding.ballots.get().user is None
