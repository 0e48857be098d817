"""Public pages: the overview of processes, a process, a contribution with its feedback
chain and comments, reporting, and the images of contributions."""

import contextlib

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stadtdach.core.pagination import CountedPaginator
from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.core.storage import file_response
from stadtdach.participation import formats, permissions, selectors
from stadtdach.participation.formats import COMMENT, RATE
from stadtdach.participation.forms import CommentForm, ReportForm
from stadtdach.participation.models import (
    Comment,
    ContributionImage,
    ProcessState,
    TargetGroup,
    Visibility,
)
from stadtdach.participation.services import comments as comment_services
from stadtdach.participation.services import moderation
from stadtdach.participation.services.contributions import NotAllowed
from stadtdach.participation.views.helpers import (
    closed_message,
    page_number,
    render_closed,
)


def overview(request):
    phase = request.GET.get("phase", "").strip()[:80]
    group = request.GET.get("zielgruppe", "").strip()[:80]

    def sections():
        data = selectors.overview(request.user, phase=phase, target_group=group)
        parts = [
            (ProcessState.OPEN, _("Open now"), data.sections[ProcessState.OPEN]),
            (ProcessState.UPCOMING, _("Coming up"), data.sections[ProcessState.UPCOMING]),
            (ProcessState.CLOSED, _("Closed"), data.sections[ProcessState.CLOSED]),
        ]
        if data.sections[ProcessState.DRAFT]:
            parts.append(
                (ProcessState.DRAFT, _("In preparation (not public)"), data.sections["draft"])
            )
        return {"sections": parts, "phases": data.phases, "target_groups": data.target_groups}

    # Everyone of a visibility class sees the same list: a fragment, read when built.
    data = SimpleLazyObject(sections)
    return render(
        request,
        "participation/overview.html",
        {
            "data": data,
            "audience": selectors.visibility_class(request.user),
            "selected_phase": phase,
            "selected_group": group,
            "can_add": request.user.has_perm("participation.add_participationprocess"),
            "can_moderate": request.user.has_perm("participation.moderate"),
        },
    )


def process_detail(request, slug):
    process = selectors.process_detail(slug, request.user)
    sections = [
        {"format": entry, "template": entry.section_template, **entry.context_for(request, process)}
        for entry in formats.of_process(process)
    ]
    return render(
        request,
        "participation/process_detail.html",
        {
            "process": process,
            "state": process.state(),
            "sections": sections,
            "subscription": selectors.subscription_for(request.user, process=process),
            "can_change": request.user.has_perm(
                "participation.change_participationprocess", process
            ),
            "can_moderate": request.user.has_perm("participation.moderate"),
        },
    )


def _contribution_page(request, contribution, *, comment_form=None, status=200):
    user = request.user
    process = contribution.process
    entry = formats.get(contribution.format)
    # Everyone who has no comment awaiting moderation here sees the same comments: they
    # are a shared fragment of the page, fetched only when it is built.
    shared = not contribution.viewer_pending_comment
    number = page_number(request)
    counted = contribution.listed_comment_count if shared else None
    # Querysets are built only when their fragment is (building one costs as much as a
    # small page's template).
    comment_page = SimpleLazyObject(
        lambda: CountedPaginator(
            selectors.public_comments(contribution=contribution, user=None if shared else user),
            selectors.COMMENTS_PAGE_SIZE,
            count=counted,
        ).get_page(number)
    )
    comment_decision = permissions.decide(user, contribution, COMMENT)
    rate_decision = permissions.decide(user, contribution, RATE)
    visible = contribution.visibility == Visibility.PUBLISHED
    context = {
        "contribution": contribution,
        "process": process,
        "format": entry,
        "show_images": visible or contribution.is_by(user),
        "feedback": SimpleLazyObject(lambda: selectors.feedback_of(contribution)),
        "comment_page": comment_page,
        # With the reader's own pending comments the list is theirs: never kept.
        "comments_personal": not shared,
        "comment_form": comment_form
        if comment_form is not None
        else (CommentForm() if comment_decision and visible else None),
        "comment_closed": ""
        if comment_decision
        else closed_message(comment_decision.reason, process),
        "can_support": bool(rate_decision) and visible and not contribution.is_by(user),
        "support_closed": "" if rate_decision else closed_message(rate_decision.reason, process),
        "has_supported": selectors.has_supported(user, contribution),
        "is_author": contribution.is_by(user),
        "can_answer": user.has_perm("participation.answer_contribution", contribution),
        "can_moderate": user.has_perm("participation.moderate"),
    }
    return render(request, "participation/contribution_detail.html", context, status=status)


def contribution_detail(request, pk):
    contribution = selectors.contribution_detail(pk, request.user)
    return _contribution_page(request, contribution)


@require_POST
@limit_posts("comment", requests=10, seconds=600)
def comment_add(request, pk):
    contribution = selectors.contribution_detail(pk, request.user)
    decision = permissions.decide(request.user, contribution, COMMENT)
    if not decision:
        if decision.reason == "login_required":
            return redirect_to_login(contribution.get_absolute_url())
        return render_closed(request, decision.reason, contribution.process)
    if contribution.visibility != Visibility.PUBLISHED:
        return render_closed(request, "not_offered", contribution.process)
    form = CommentForm(data=request.POST)
    if not form.is_valid():
        return _contribution_page(request, contribution, comment_form=form, status=400)
    try:
        comment = comment_services.comment_add(
            author=request.user,
            contribution=contribution,
            text=form.cleaned_data["text"],
            submission_token=form.cleaned_data.get("form_token"),
            official=request.user.has_perm("participation.answer_contribution", contribution)
            and request.POST.get("official") == "1",
        )
    except DuplicateSubmission:
        return redirect(contribution.get_absolute_url() + "#kommentare")
    except NotAllowed as error:
        return render_closed(request, error.reason, contribution.process)
    if comment.visibility == Visibility.PENDING:
        messages.success(
            request, _("Thank you! Your comment will appear after a check by the moderation.")
        )
    else:
        messages.success(request, _("Thank you! Your comment is published."))
    return redirect(comment.get_absolute_url())


def _report_target(kind: str, pk: int, user):
    if kind not in ("beitrag", "kommentar"):
        raise Http404
    if kind == "beitrag":
        contribution = selectors.contribution_detail(pk, user)
        return contribution, None, contribution
    comment = (
        Comment.objects.select_related("contribution__process", "measure")
        .filter(pk=pk, visibility=Visibility.PUBLISHED)
        .first()
    )
    if comment is None:
        raise Http404
    if comment.contribution_id and not user.has_perm(
        "participation.view_process", comment.contribution.process
    ):
        raise Http404
    return None, comment, comment


@limit_posts("report", requests=5, seconds=600)
def report(request, kind, pk):
    contribution, comment, target = _report_target(kind, pk, request.user)
    form = ReportForm(data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            with contextlib.suppress(DuplicateSubmission):
                moderation.report_create(
                    reporter=request.user,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"].strip(),
                    contribution=contribution,
                    comment=comment,
                    token=form.cleaned_data.get("form_token"),
                )
            messages.success(
                request, _("Thank you. The moderation will look at it as soon as possible.")
            )
            return redirect(target.get_absolute_url())
        status = 400
    else:
        status = 200
    return render(
        request,
        "participation/report.html",
        {"form": form, "target": target, "kind": kind},
        status=status,
    )


def image(request, token):
    """An image of a contribution, if the contribution may be seen and is not hidden."""
    image = get_object_or_404(
        ContributionImage.objects.select_related("contribution__process"), token=token[:32]
    )
    contribution = image.contribution
    if not request.user.has_perm("participation.view_process", contribution.process):
        raise Http404
    if contribution.visibility == Visibility.HIDDEN and not request.user.has_perm(
        "participation.moderate"
    ):
        raise Http404
    if not selectors.may_see_contribution(request.user, contribution):
        raise Http404
    response = file_response(request, image.file, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def target_groups(request):
    """The target groups (public list); coordinators can edit them."""
    return render(
        request,
        "participation/target_groups.html",
        {
            "groups": list(TargetGroup.objects.all()),
            "can_manage": request.user.has_perm("participation.manage_targetgroups"),
        },
    )
