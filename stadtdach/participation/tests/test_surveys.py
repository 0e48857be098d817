"""Surveys: answering by role (once per person), required and optional questions, bad
input, windows, free-text answers as contributions, result counts and percentages, the
staff's questions, and query budgets."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.surveys import selectors
from stadtdach.participation.surveys.models import Answer, Option, Question, SurveyResponse
from stadtdach.participation.tests.factories import (
    add_survey_responses,
    build_formats,
    make_formats_process,
    make_survey,
)


@pytest.fixture
def world(db):
    return build_formats()


def _answers(survey, **changes):
    data = {
        f"frage_{survey.single.pk}": survey.single.options.first().pk,
        f"frage_{survey.multiple.pk}": [o.pk for o in survey.multiple.options.all()[1:]],
        f"frage_{survey.scale.pk}": 4,
        f"frage_{survey.text.pk}": "Mehr Schatten auf dem Marktplatz.",
        "form_token": str(uuid.uuid4()),
    }
    for key, value in changes.items():
        name = f"frage_{getattr(survey, key).pk}" if hasattr(survey, key) else key
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def _send(client, survey, **changes):
    return client.post(survey.get_absolute_url(), _answers(survey, **changes))


@pytest.mark.parametrize(
    "persona", ["citizen", "steering_member", "department_staff", "participation_coordinator"]
)
def test_accounts_answer_once(world, personas, client_for, persona):
    survey = world.survey
    client = client_for(persona)
    response = _send(client, survey)
    assert response.status_code == 302
    assert response["Location"] == reverse("participation:survey_results", args=[survey.pk])
    stored = SurveyResponse.objects.get(survey=survey)
    assert stored.user == personas[persona]
    assert Answer.objects.filter(response=stored).count() == 5  # 1 + 2 + 1 + text
    text = Contribution.objects.get(survey_answer__response=stored)
    assert text.format == "survey" and text.author == personas[persona]
    assert text.visibility == Visibility.PUBLISHED
    # Once: a second try is refused, the page says so.
    again = _send(client, survey)
    assert again.status_code == 302 and SurveyResponse.objects.filter(survey=survey).count() == 1
    page = client.get(survey.get_absolute_url())
    assert page.context["answered"] and page.context["form"] is None


def test_visitors_need_an_account_unless_the_process_allows_anonymous(world, client_for):
    response = _send(client_for("anonymous"), world.survey)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]
    assert not SurveyResponse.objects.exists()
    process = make_formats_process(world.base.phase, slug="offen", contributors="anonymous")
    survey = make_survey(process)
    client = client_for("anonymous")
    assert _send(client, survey).status_code == 302
    stored = SurveyResponse.objects.get(survey=survey)
    assert stored.user is None
    # The same browser cannot send it twice.
    assert _send(client, survey).status_code == 302
    assert SurveyResponse.objects.filter(survey=survey).count() == 1
    assert client.get(survey.get_absolute_url()).context["answered"]


def test_optional_questions_may_stay_empty(world, client_for):
    survey = world.survey
    response = _send(client_for("citizen"), survey, multiple=None, scale=None, text="")
    assert response.status_code == 302
    assert list(Answer.objects.values_list("question_id", flat=True)) == [survey.single.pk]
    assert not Contribution.objects.filter(format="survey").exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"single": None},
        {"single": "999999"},
        {"single": "9" * 40},
        {"multiple": ["1", "abc"]},
        {"scale": 9},
        {"scale": "-1"},
        {"scale": "1e309"},
        {"text": "x" * 200_000},
        {"text": "Nul\x00Byte"},
        {"target_group": "999999"},
        {"website": "spam"},
    ],
    ids=[
        "required missing",
        "unknown option",
        "huge id",
        "bad multiple",
        "scale above",
        "scale below",
        "float",
        "huge text",
        "nul",
        "unknown group",
        "honeypot",
    ],
)
def test_bad_answers_get_a_form_error(world, client_for, changes):
    response = _send(client_for("citizen"), world.survey, **changes)
    assert response.status_code == 400 and response.context["form"].errors
    assert not SurveyResponse.objects.exists()


def test_an_option_of_another_question_is_not_accepted(world, client_for):
    foreign = world.survey.multiple.options.first().pk
    response = _send(client_for("citizen"), world.survey, single=foreign)
    assert response.status_code == 400 and not SurveyResponse.objects.exists()


@pytest.mark.parametrize("window", [(-20, -10), (5, 10)], ids=["closed", "upcoming"])
def test_closed_and_upcoming_surveys_refuse(db, client_for, window):
    world = build_formats(days_open=window)
    response = _send(client_for("citizen"), world.survey)
    assert response.status_code == 403 and not SurveyResponse.objects.exists()
    page = client_for("citizen").get(world.survey.get_absolute_url())
    assert page.status_code == 200 and page.context["form"] is None


def test_results_count_and_share(world, client_for):
    survey = world.survey
    add_survey_responses(survey, 3)  # first option, two of three, scale 1, 2, 3
    _send(client_for("citizen"), survey)  # first option, options 2 and 3, scale 4, text
    total, results = selectors.results(survey)
    assert total == 4
    single, multiple, scale, text = results
    assert single.answered == 4
    assert [b.value for b in single.chart.bars] == [4, 0, 0]
    assert single.chart.extra_rows[0] == ["100\u202f%"]
    assert [b.value for b in multiple.chart.bars] == [3, 4, 1]
    assert [row[0] for row in multiple.chart.extra_rows] == ["75\u202f%", "100\u202f%", "25\u202f%"]
    assert [b.value for b in scale.chart.bars] == [1, 1, 1, 1, 0]
    assert scale.average == "2,5"
    assert text.texts == 1 and text.chart is None
    page = client_for("anonymous").get(reverse("participation:survey_results", args=[survey.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "<table" in html and "75" in html
    answers = client_for("anonymous").get(
        reverse("participation:survey_text_answers", args=[survey.text.pk])
    )
    assert "Mehr Schatten auf dem Marktplatz." in answers.content.decode()


def test_results_after_close_stay_hidden_until_then(world, client_for):
    survey = world.survey
    survey.results = "after_close"
    survey.save()
    url = reverse("participation:survey_results", args=[survey.pk])
    assert client_for("citizen").get(url).status_code == 403
    assert client_for("participation_coordinator").get(url).status_code == 200
    section = client_for("citizen").get(world.process.get_absolute_url()).content.decode()
    assert url not in section
    world.process.starts_at = world.process.starts_at.replace(year=2020)
    world.process.ends_at = world.process.ends_at.replace(year=2021)
    world.process.save()
    assert client_for("citizen").get(url).status_code == 200


def test_a_pre_moderated_free_text_answer_waits(world, client_for):
    world.process.moderation = "pre"
    world.process.save()
    _send(client_for("citizen"), world.survey)
    text = Contribution.objects.get(format="survey")
    assert text.visibility == Visibility.PENDING
    _, results = selectors.results(world.survey)
    assert results[3].texts == 0


def test_the_coordination_builds_a_survey(world, client_for):
    client = client_for("participation_coordinator")
    response = client.post(
        reverse("participation:question_add", args=[world.survey.pk]),
        {
            "text": "Welche Farbe?",
            "kind": "single",
            "required": "on",
            "options_text": "Rot\nGrün\n\nGrün\nBlau",
            "scale_min": 5,
            "scale_max": 5,  # ignored for a single choice
            "order": 5,
            "form_token": str(uuid.uuid4()),
        },
    )
    question = Question.objects.get(text="Welche Farbe?")
    assert response.status_code == 302
    assert list(question.options.values_list("label", flat=True)) == ["Rot", "Grün", "Blau"]
    assert (question.scale_min, question.scale_max) == (1, 5)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "single", "options_text": "Nur eine"}, "options_text"),
        ({"kind": "scale", "scale_min": 4, "scale_max": 2}, "scale_max"),
        ({"kind": "scale", "scale_min": 0, "scale_max": 11}, "scale_max"),
        ({"kind": "other"}, "kind"),
        ({"text": "\x00"}, "text"),
        ({"text": "x" * 400}, "text"),
    ],
)
def test_bad_questions_get_a_form_error(world, client_for, changes, field):
    data = {"text": "Frage", "kind": "text", "scale_min": 1, "scale_max": 5, "order": 1}
    response = client_for("participation_coordinator").post(
        reverse("participation:question_add", args=[world.survey.pk]),
        {**data, "form_token": str(uuid.uuid4()), **changes},
    )
    assert response.status_code == 400 and field in response.context["form"].errors


def test_an_answered_question_keeps_its_kind_and_chosen_options(world, client_for):
    _send(client_for("citizen"), world.survey)
    client = client_for("participation_coordinator")
    question = world.survey.single
    url = reverse("participation:question_edit", args=[question.pk])
    version = client.get(url).context["form"]["loaded_version"].value()
    response = client.post(
        url,
        {
            "text": question.text,
            "kind": "multiple",
            "options_text": "wöchentlich\nselten",
            "scale_min": 1,
            "scale_max": 5,
            "order": 1,
            "loaded_version": version or "",
        },
    )
    errors = response.context["form"].errors
    assert response.status_code == 400 and "kind" in errors and "options_text" in errors
    delete = client.get(reverse("participation:question_delete", args=[question.pk]))
    assert delete.status_code == 404
    assert Option.objects.filter(question=question).count() == 3


@pytest.mark.parametrize("persona", ["anonymous", "citizen"])
def test_the_pages_do_not_grow_with_the_responses(world, client_for, persona):
    survey = world.survey
    client = client_for(persona)
    add_survey_responses(survey, 10)
    urls = [
        survey.get_absolute_url(),
        reverse("participation:survey_results", args=[survey.pk]),
        reverse("participation:survey_text_answers", args=[survey.text.pk]),
        world.process.get_absolute_url(),
    ]
    for url in urls:
        client.get(url)
    few = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    add_survey_responses(survey, 1000)
    many = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert few == many
    extra = 0 if persona == "anonymous" else 6
    assert few[urls[0]] <= 6 + extra and few[urls[1]] <= 9 + extra
