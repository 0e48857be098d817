"""Pages of the innovation fund: calls (public), the application form (accounts; honeypot
and rate limit like the idea form), the applicant's own applications, and the review and
decision pages of the coordination (the steering group reads along)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.participation.fund import selectors, services
from stadtdach.participation.fund.forms import ApplicationForm, DecisionForm, FundCallForm
from stadtdach.participation.models import FundApplication, FundCall
from stadtdach.participation.views.staff import _OnceEditView


def _login_or_deny(request, permission, obj=None):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied
    return None


def call_list(request):
    return render(
        request,
        "participation/fund/call_list.html",
        {
            "calls": list(selectors.calls(request.user)),
            "can_manage": request.user.has_perm("participation.manage_fund"),
        },
    )


def call_detail(request, slug):
    call = selectors.call_detail(slug, request.user)
    user = request.user
    return render(
        request,
        "participation/fund/call_detail.html",
        {
            "call": call,
            "remaining": selectors.remaining(call, call.granted),
            "projects": selectors.approved_projects(call),
            "is_open": call.is_open(),
            "can_manage": user.has_perm("participation.manage_fund"),
            "can_review": user.has_perm("participation.review_fund"),
        },
    )


@limit_posts("fund", requests=5, seconds=600)
def apply(request, slug):
    call = selectors.call_detail(slug, request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("participation.apply_fund", call):
        return render(
            request,
            "participation/closed.html",
            {"message": _("This call does not take applications at the moment.")},
            status=403,
        )
    form = ApplicationForm(data=request.POST or None, call=call)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            token = data.pop("form_token", None)
            data.pop("website", None)
            groups = data.pop("target_groups")
            try:
                application = services.apply(
                    actor=request.user, call=call, data=data, target_groups=groups, token=token
                )
            except DuplicateSubmission:
                messages.info(request, _("This application had already been sent."))
                return redirect("participation:fund_mine")
            except services.Refused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("Thank you. Your application has been received."))
                return redirect(application.get_absolute_url())
        status = 400
    return render(
        request, "participation/fund/apply.html", {"call": call, "form": form}, status=status
    )


def mine(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "participation/fund/mine.html",
        {"applications": selectors.applications_of(request.user)},
    )


def review(request, slug):
    if denied := _login_or_deny(request, "participation.review_fund"):
        return denied
    call = selectors.call_detail(slug, request.user)
    status = request.GET.get("status", "")[:12]
    if status not in FundApplication.Status.values:
        status = ""
    return render(
        request,
        "participation/fund/review.html",
        {
            "call": call,
            "remaining": selectors.remaining(call, call.granted),
            "applications": list(selectors.applications(call, status=status)[:300]),
            "statuses": FundApplication.Status.choices,
            "selected": status,
        },
    )


def application_detail(request, pk):
    application = get_object_or_404(
        FundApplication.objects.select_related("call", "decided_by"), pk=pk
    )
    if denied := _login_or_deny(request, "participation.view_fund_application", application):
        return denied
    can_decide = request.user.has_perm("participation.manage_fund")
    form = None
    status = 200
    if can_decide:
        form = DecisionForm(
            data=request.POST or None,
            initial={
                "status": application.status,
                "amount_granted": application.amount_granted or application.amount_requested,
                "reason": application.decision_reason,
            },
        )
        if request.method == "POST":
            if form.is_valid():
                try:
                    services.decide(
                        actor=request.user,
                        application=application,
                        status=form.cleaned_data["status"],
                        amount=form.cleaned_data.get("amount_granted"),
                        reason=form.cleaned_data.get("reason", "").strip(),
                    )
                except services.Refused as refused:
                    form.add_error(None, str(refused))
                else:
                    messages.success(request, _("Decision saved."))
                    return redirect(application.get_absolute_url())
            status = 400
    elif request.method == "POST":
        raise PermissionDenied
    call = application.call
    return render(
        request,
        "participation/fund/application_detail.html",
        {
            "application": application,
            "call": call,
            "remaining": selectors.remaining(call),
            "form": form,
            "target_groups": list(application.target_groups.all()),
            "is_reviewer": request.user.has_perm("participation.review_fund"),
        },
        status=status,
    )


class CallEdit(_OnceEditView):
    form_class = FundCallForm
    permission = "participation.manage_fund"

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(FundCall, slug=slug) if slug else None

    def get_permission_object(self):
        return None

    def get_title(self):
        if self.object:
            return _("Edit call: %(title)s") % {"title": self.object.title}
        return _("New call of the innovation fund")

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("participation:fund")
