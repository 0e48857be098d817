"""Writes of surveys: answering (once per registered person; free-text answers become
contributions), and the staff's saving of questions with their options."""

from django.db import transaction

from stadtdach.core.services import claim_submission, save_form
from stadtdach.participation import permissions
from stadtdach.participation.formats import CONTRIBUTE
from stadtdach.participation.services.contributions import NotAllowed, contribution_submit
from stadtdach.participation.services.once import create_once
from stadtdach.participation.surveys.models import (
    FORMAT_CODE,
    Answer,
    Option,
    Question,
    Survey,
    SurveyResponse,
)


def survey_submit(
    *,
    survey: Survey,
    user,
    answers: dict[int, object],
    target_group=None,
    submission_token=None,
    is_sample: bool = False,
) -> SurveyResponse:
    """Store a response. ``answers`` maps question ids to the cleaned value: an option id
    (single), a list of option ids (multiple), an int (scale) or a text. Raises
    NotAllowed when the window is closed and AlreadyDone when the person has answered
    before (also when two requests arrive at once: the unique constraint decides)."""
    decision = permissions.decide(user, survey, CONTRIBUTE)
    if not decision:
        raise NotAllowed(decision.reason)
    registered = user is not None and user.is_authenticated
    questions = {q.pk: q for q in survey.questions.prefetch_related("options")}
    with transaction.atomic():
        claim_submission(submission_token)
        response = create_once(
            SurveyResponse,
            survey=survey,
            user=user if registered else None,
            target_group=target_group,
            is_sample=is_sample,
        )
        rows = []
        for question_id, value in answers.items():
            question = questions.get(question_id)
            if question is None or value in (None, "", []):
                continue
            rows += _answer_rows(survey, question, response, value, user, target_group, is_sample)
        Answer.objects.bulk_create(rows)
    return response


def _answer_rows(survey, question, response, value, user, target_group, is_sample) -> list[Answer]:
    kind = Question.Kind
    valid = {o.pk for o in question.options.all()}
    if question.kind == kind.SINGLE:
        return (
            [Answer(response=response, question=question, option_id=int(value))]
            if int(value) in valid
            else []
        )
    if question.kind == kind.MULTIPLE:
        return [
            Answer(response=response, question=question, option_id=int(v))
            for v in dict.fromkeys(value)
            if int(v) in valid
        ]
    if question.kind == kind.SCALE:
        number = int(value)
        if not question.scale_min <= number <= question.scale_max:
            return []
        return [Answer(response=response, question=question, scale_value=number)]
    contribution = contribution_submit(
        process=survey.process,
        format_code=FORMAT_CODE,
        author=user,
        title=question.text[:200],
        text=str(value),
        target_group=target_group,
        is_sample=is_sample,
    )
    return [Answer(response=response, question=question, contribution=contribution)]


def option_lines(text: str) -> list[str]:
    """One option per line; empty lines and repeats dropped, order kept."""
    lines = [" ".join(line.split())[:200] for line in (text or "").splitlines()]
    return list(dict.fromkeys(line for line in lines if line))


def question_save(*, actor, form, submission_token=None, loaded_version=None) -> Question:
    """Save a question and its options (one per line of ``options_text``). Options keep
    their identity by label; options nobody chose may be removed."""
    with transaction.atomic():
        question = save_form(
            actor=actor,
            form=form,
            submission_token=submission_token,
            loaded_version=loaded_version,
        )
        labels = option_lines(form.cleaned_data.get("options_text", ""))
        if not question.has_options:
            labels = []
        existing = {o.label: o for o in question.options.all()}
        for order, label in enumerate(labels, start=1):
            option = existing.pop(label, None)
            if option is None:
                Option.objects.create(question=question, label=label, order=order)
            elif option.order != order:
                Option.objects.filter(pk=option.pk).update(order=order)
        Option.objects.filter(
            pk__in=[o.pk for o in existing.values()], answers__isnull=True
        ).delete()
    return question
