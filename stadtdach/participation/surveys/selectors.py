"""Reads of surveys, each in a fixed number of queries whatever the number of responses."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from stadtdach.participation.charts import Bar, BarChart, percent
from stadtdach.participation.models import Contribution, ProcessState, Visibility
from stadtdach.participation.selectors import count_of
from stadtdach.participation.surveys.models import Answer, Question, Survey, SurveyResponse


def surveys_of(process) -> list[Survey]:
    """The surveys of a process with their numbers of questions and responses (1 query)."""
    return list(
        Survey.objects.filter(process=process).annotate(
            question_count=count_of(Question, "survey"),
            response_count=count_of(SurveyResponse, "survey"),
        )
    )


def answered_ids(user, surveys: list[Survey]) -> set[int]:
    if not user.is_authenticated or not surveys:
        return set()
    return set(
        SurveyResponse.objects.filter(user=user, survey__in=[s.pk for s in surveys]).values_list(
            "survey_id", flat=True
        )
    )


def survey_detail(pk: int, user) -> Survey:
    """A survey with its process, questions and options (3 queries); 404 when the user
    may not see the process."""
    survey = (
        Survey.objects.select_related("process__phase")
        .prefetch_related(
            Prefetch("questions", queryset=Question.objects.prefetch_related("options"))
        )
        .filter(pk=pk)
        .first()
    )
    if survey is None or not user.has_perm("participation.view_process", survey.process):
        raise Http404
    return survey


def has_answered(user, survey: Survey) -> bool:
    return (
        user.is_authenticated and SurveyResponse.objects.filter(survey=survey, user=user).exists()
    )


def results_visible(user, survey: Survey) -> bool:
    if user.has_perm("participation.manage_formats"):
        return True
    if survey.results == Survey.Results.ALWAYS:
        return True
    return survey.process.state() == ProcessState.CLOSED


@dataclass
class QuestionResult:
    question: Question
    answered: int
    chart: BarChart | None = None
    average: str = ""
    texts: int = 0
    latest: list = field(default_factory=list)


def results(survey: Survey) -> tuple[int, list[QuestionResult]]:
    """(responses, one result per question): counts per option and per scale value,
    the number of published free-text answers (4 queries, any number of responses)."""
    total = survey.responses.count()
    answers = Answer.objects.filter(question__survey=survey).order_by()
    by_option = dict(
        answers.filter(option__isnull=False).values_list("option").annotate(n=Count("pk"))
    )
    by_scale: dict[tuple[int, int], int] = {
        (q, v): n
        for q, v, n in answers.filter(scale_value__isnull=False)
        .values_list("question", "scale_value")
        .annotate(n=Count("pk"))
    }
    respondents = dict(answers.values_list("question").annotate(n=Count("response", distinct=True)))
    texts = dict(
        answers.filter(contribution__isnull=False, contribution__visibility=Visibility.PUBLISHED)
        .values_list("question")
        .annotate(n=Count("pk"))
    )
    out = []
    for question in survey.questions.all():
        answered = respondents.get(question.pk, 0)
        result = QuestionResult(question, answered)
        if question.has_options:
            bars = [
                Bar(option.label, by_option.get(option.pk, 0)) for option in question.options.all()
            ]
            result.chart = BarChart(
                id=f"frage-{question.pk}-diagramm",
                title=question.text,
                bars=bars,
                label_head=_("Answer"),
                value_head=_("Answers"),
                extra_head=[_("Share")],
                extra_rows=[[percent(b.value, answered)] for b in bars],
            )
        elif question.kind == Question.Kind.SCALE:
            counts = [(v, by_scale.get((question.pk, v), 0)) for v in question.scale_values]
            bars = [Bar(_scale_label(question, v), n) for v, n in counts]
            given = sum(n for _, n in counts)
            if given:
                mean = sum(v * n for v, n in counts) / given
                result.average = f"{mean:.1f}".replace(".", ",")
            result.chart = BarChart(
                id=f"frage-{question.pk}-diagramm",
                title=question.text,
                bars=bars,
                label_head=_("Value"),
                value_head=_("Answers"),
                extra_head=[_("Share")],
                extra_rows=[[percent(b.value, given)] for b in bars],
            )
        else:
            result.texts = texts.get(question.pk, 0)
        out.append(result)
    return total, out


def _scale_label(question: Question, value: int) -> str:
    if value == question.scale_min and question.scale_min_label:
        return f"{value} – {question.scale_min_label}"
    if value == question.scale_max and question.scale_max_label:
        return f"{value} – {question.scale_max_label}"
    return str(value)


def question_detail(pk: int, user) -> Question:
    question = (
        Question.objects.select_related("survey__process__phase")
        .filter(pk=pk, kind=Question.Kind.TEXT)
        .first()
    )
    if question is None or not user.has_perm("participation.view_process", question.survey.process):
        raise Http404
    return question


def text_answers(question: Question) -> QuerySet[Contribution]:
    """The published free-text answers to a question, newest first."""
    return (
        Contribution.objects.filter(
            survey_answer__question=question, visibility=Visibility.PUBLISHED
        )
        .select_related("author")
        .order_by("-created", "-pk")
    )


def answered_question_ids(survey: Survey) -> set[int]:
    """Questions somebody answered (their kind and options may no longer change)."""
    return set(Answer.objects.filter(question__survey=survey).values_list("question_id", flat=True))


def surveys_with_questions(process) -> list[Survey]:
    """Staff page: the surveys with their questions and options (3 queries)."""
    return list(
        Survey.objects.filter(process=process)
        .annotate(response_count=count_of(SurveyResponse, "survey"))
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.annotate(
                    answer_count=Count("answers", filter=Q(answers__isnull=False))
                ).prefetch_related("options"),
            )
        )
    )
