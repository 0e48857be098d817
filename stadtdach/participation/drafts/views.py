"""Pages of draft commenting: its part of the process page, a draft paragraph by
paragraph, a paragraph with its comments and the comment form, and the staff pages."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.participation import permissions
from stadtdach.participation.drafts import selectors, services
from stadtdach.participation.drafts.forms import DraftForm, ParagraphCommentForm
from stadtdach.participation.drafts.models import FORMAT_CODE, Draft
from stadtdach.participation.formats import COMMENT
from stadtdach.participation.selectors import COMMENTS_PAGE_SIZE
from stadtdach.participation.services.contributions import NotAllowed, target
from stadtdach.participation.views.format_edit import FormatEditView, process_or_404
from stadtdach.participation.views.helpers import closed_message, page_number, render_closed
from stadtdach.participation.views.staff_helpers import require_perm


def section_context(request, process) -> dict:
    """The drafts of the process with their counts (1 query)."""
    decision = permissions.decide(request.user, target(process, FORMAT_CODE), COMMENT)
    return {
        "drafts": selectors.drafts_of(process),
        "closed": "" if decision else closed_message(decision.reason, process),
    }


def draft_detail(request, pk):
    """The draft paragraph by paragraph, each with its comment count (3 queries)."""
    draft = selectors.draft_detail(pk, request.user)
    paragraphs = selectors.paragraphs_of(draft)
    decision = permissions.decide(request.user, draft, COMMENT)
    return render(
        request,
        "participation/drafts/draft_detail.html",
        {
            "draft": draft,
            "process": draft.process,
            "paragraphs": [p for p in paragraphs if p.is_current],
            "earlier": [p for p in paragraphs if not p.is_current],
            "can_comment": bool(decision) or decision.reason == "login_required",
            "closed": "" if decision else closed_message(decision.reason, draft.process),
            "can_manage": request.user.has_perm("participation.manage_formats"),
        },
    )


@limit_posts("paragraph-comment", requests=10, seconds=600)
def paragraph_detail(request, pk):
    """A paragraph, its comments with the town's answers, and the comment form."""
    paragraph = selectors.paragraph_detail(pk, request.user)
    process = paragraph.draft.process
    decision = permissions.decide(request.user, paragraph, COMMENT)
    form = None
    status = 200
    if decision and paragraph.is_current:
        form = ParagraphCommentForm(data=request.POST or None)
    if request.method == "POST":
        if not decision:
            if decision.reason == "login_required":
                return redirect_to_login(paragraph.get_absolute_url())
            return render_closed(request, decision.reason, process)
        if form is None:
            return render_closed(request, "not_offered", process)
        if form.is_valid():
            return _comment(request, paragraph, form)
        status = 400
    page = Paginator(selectors.comments_of(paragraph, request.user), COMMENTS_PAGE_SIZE).get_page(
        page_number(request)
    )
    before, after = selectors.neighbours(paragraph)
    return render(
        request,
        "participation/drafts/paragraph_detail.html",
        {
            "paragraph": paragraph,
            "draft": paragraph.draft,
            "process": process,
            "form": form,
            "page": page,
            "before": before,
            "after": after,
            "closed": "" if decision else closed_message(decision.reason, process),
            "login_needed": decision.reason == "login_required",
            "anonymous": not request.user.is_authenticated,
        },
        status=status,
    )


def _comment(request, paragraph, form):
    try:
        contribution = services.paragraph_comment(
            paragraph=paragraph,
            author=request.user,
            text=form.cleaned_data["text"],
            target_group=form.cleaned_data.get("target_group"),
            submission_token=form.cleaned_data.get("form_token"),
        )
    except DuplicateSubmission:
        messages.info(request, _("This comment had already been sent; it was saved once."))
        return redirect(paragraph.get_absolute_url())
    except NotAllowed as error:
        return render_closed(request, error.reason, paragraph.draft.process)
    if contribution.is_published:
        messages.success(request, _("Thank you! Your comment is published. The town answers it."))
    else:
        messages.success(
            request, _("Thank you! Your comment will appear after a check by the moderation.")
        )
    return redirect(f"{paragraph.get_absolute_url()}#beitrag-{contribution.pk}")


@require_perm("participation.manage_formats")
def manage(request, slug):
    """Staff: the drafts of a process, to create and change them (2 queries)."""
    process = process_or_404(slug)
    return render(
        request,
        "participation/drafts/manage.html",
        {"process": process, "drafts": selectors.drafts_of(process)},
    )


class DraftEdit(FormatEditView):
    model = Draft
    form_class = DraftForm
    manage_url = "participation:draft_manage"
    select_related = ("process__phase__edition",)

    @property
    def title_new(self):
        return _("New draft for comment")

    @property
    def title_edit(self):
        return _("Edit draft")

    def get_success_url(self, saved) -> str:
        return saved.get_absolute_url()

    def save(self, form):
        return services.draft_save(
            actor=self.request.user,
            form=form,
            submission_token=form.cleaned_data.get("form_token"),
            loaded_version=form.cleaned_data.get("loaded_version"),
        )
