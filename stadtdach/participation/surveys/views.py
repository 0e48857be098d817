"""Pages of surveys: their part of the process page, the questionnaire, the results
(charts and tables), the published free-text answers, and the staff pages."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.participation import permissions
from stadtdach.participation.formats import CONTRIBUTE
from stadtdach.participation.selectors import PAGE_SIZE
from stadtdach.participation.services.contributions import NotAllowed, target
from stadtdach.participation.services.once import AlreadyDone
from stadtdach.participation.surveys import selectors, services
from stadtdach.participation.surveys.forms import QuestionForm, Questionnaire, SurveyForm
from stadtdach.participation.surveys.models import FORMAT_CODE, Question, Survey
from stadtdach.participation.views.format_edit import (
    ChildDeleteView,
    ChildEditView,
    FormatEditView,
    process_or_404,
)
from stadtdach.participation.views.helpers import closed_message, page_number, render_closed
from stadtdach.participation.views.staff_helpers import require_perm


def section_context(request, process) -> dict:
    """The surveys with their counts and which the user answered (2 queries)."""
    surveys = selectors.surveys_of(process)
    decision = permissions.decide(request.user, target(process, FORMAT_CODE), CONTRIBUTE)
    for survey in surveys:
        survey.process = process  # results_visible reads the process's window
        survey.results_visible = selectors.results_visible(request.user, survey)
    return {
        "surveys": surveys,
        "answered": selectors.answered_ids(request.user, surveys) | _answered_in_session(request),
        "can_answer": bool(decision) or decision.reason == "login_required",
        "closed": "" if decision else closed_message(decision.reason, process),
    }


@limit_posts("survey", requests=10, seconds=600)
def survey_detail(request, pk):
    """The questionnaire; a registered person answers once."""
    survey = selectors.survey_detail(pk, request.user)
    process = survey.process
    decision = permissions.decide(request.user, survey, CONTRIBUTE)
    answered = selectors.has_answered(request.user, survey) or (
        survey.pk in _answered_in_session(request)
    )
    form = None
    status = 200
    if decision and not answered and survey.questions.all():
        form = Questionnaire(data=request.POST or None, survey=survey)
    if request.method == "POST":
        if not decision:
            if decision.reason == "login_required":
                return redirect_to_login(survey.get_absolute_url())
            return render_closed(request, decision.reason, process)
        if answered:
            messages.info(request, _("You have already answered this survey. Thank you!"))
            return redirect(survey.get_absolute_url())
        if form is None:
            return render_closed(request, "not_offered", process)
        if form.is_valid():
            return _submit(request, survey, form)
        status = 400
    return render(
        request,
        "participation/surveys/survey_detail.html",
        {
            "survey": survey,
            "process": process,
            "form": form,
            "answered": answered,
            "closed": "" if decision else closed_message(decision.reason, process),
            "login_needed": decision.reason == "login_required",
            "results_visible": selectors.results_visible(request.user, survey),
            "anonymous": not request.user.is_authenticated,
            "can_manage": request.user.has_perm("participation.manage_formats"),
        },
        status=status,
    )


def _submit(request, survey, form):
    try:
        services.survey_submit(
            survey=survey,
            user=request.user,
            answers=form.answers(),
            target_group=form.cleaned_data.get("target_group"),
            submission_token=form.cleaned_data.get("form_token"),
        )
    except (AlreadyDone, DuplicateSubmission):
        messages.info(request, _("Your answers had already been saved. Thank you!"))
        return redirect(survey.get_absolute_url())
    except NotAllowed as error:
        return render_closed(request, error.reason, survey.process)
    if not request.user.is_authenticated:
        # Visitors without an account cannot be counted once by the database; their
        # browser session at least keeps them from sending the same survey twice.
        request.session[SESSION_KEY] = sorted(_answered_in_session(request) | {survey.pk})[-50:]
    messages.success(request, _("Thank you for taking part in the survey!"))
    if selectors.results_visible(request.user, survey):
        return redirect("participation:survey_results", pk=survey.pk)
    return redirect(survey.process.get_absolute_url())


SESSION_KEY = "participation_surveys_answered"


def _answered_in_session(request) -> set[int]:
    if request.user.is_authenticated:
        return set()
    stored = request.session.get(SESSION_KEY) or []
    return {pk for pk in stored if isinstance(pk, int)}


def survey_results(request, pk):
    """Charts and tables of the answers (7 queries, any number of responses)."""
    survey = selectors.survey_detail(pk, request.user)
    if not selectors.results_visible(request.user, survey):
        return render_closed(request, "results_later", survey.process)
    total, results = selectors.results(survey)
    return render(
        request,
        "participation/surveys/results.html",
        {"survey": survey, "process": survey.process, "total": total, "results": results},
    )


def text_answers(request, pk):
    """The published free-text answers to one question, paged."""
    question = selectors.question_detail(pk, request.user)
    survey = question.survey
    if not selectors.results_visible(request.user, survey):
        return render_closed(request, "results_later", survey.process)
    page = Paginator(selectors.text_answers(question), PAGE_SIZE).get_page(page_number(request))
    return render(
        request,
        "participation/surveys/text_answers.html",
        {"question": question, "survey": survey, "process": survey.process, "page": page},
    )


@require_perm("participation.manage_formats")
def manage(request, slug):
    """Staff: the surveys of a process with their questions (4 queries)."""
    process = process_or_404(slug)
    return render(
        request,
        "participation/surveys/manage.html",
        {"process": process, "surveys": selectors.surveys_with_questions(process)},
    )


class SurveyEdit(FormatEditView):
    model = Survey
    form_class = SurveyForm
    manage_url = "participation:survey_manage"

    @property
    def title_new(self):
        return _("New survey")

    @property
    def title_edit(self):
        return _("Edit survey")


class QuestionEdit(ChildEditView):
    model = Question
    form_class = QuestionForm
    parent_model = Survey
    parent_field = "survey"
    manage_url = "participation:survey_manage"

    @property
    def title_new(self):
        return _("New question")

    @property
    def title_edit(self):
        return _("Edit question")

    def get_success_url(self, saved) -> str:
        return reverse(self.manage_url, kwargs={"slug": self.process.slug}) + f"#frage-{saved.pk}"

    def save(self, form):
        return services.question_save(
            actor=self.request.user,
            form=form,
            submission_token=form.cleaned_data.get("form_token"),
            loaded_version=form.cleaned_data.get("loaded_version"),
        )


class QuestionDelete(ChildDeleteView):
    model = Question
    parent_field = "survey"

    def in_use(self, obj) -> bool:
        return obj.answers.exists()
