"""Pages of consensus finding: its part of the process page, the ballot with the result,
and the staff pages. Internal processes (the steering group's) use the same pages; the
predicate lets only the steering group, the coordination and the consultant in."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stadtdach.core.ratelimit import limit_posts
from stadtdach.participation import permissions
from stadtdach.participation.consensus import selectors, services
from stadtdach.participation.consensus.forms import (
    ConsensusOptionForm,
    FindingForm,
    ResistanceForm,
)
from stadtdach.participation.consensus.models import (
    FORMAT_CODE,
    ConsensusFinding,
    ConsensusOption,
)
from stadtdach.participation.formats import RATE
from stadtdach.participation.services.contributions import NotAllowed, target
from stadtdach.participation.services.once import AlreadyDone
from stadtdach.participation.views.format_edit import (
    ChildDeleteView,
    ChildEditView,
    FormatEditView,
    process_or_404,
)
from stadtdach.participation.views.helpers import closed_message, render_closed
from stadtdach.participation.views.staff_helpers import require_perm


def section_context(request, process) -> dict:
    """The findings with their counts and the user's ballots (2 queries)."""
    findings = selectors.findings_of(process)
    decision = permissions.decide(request.user, target(process, FORMAT_CODE), RATE)
    return {
        "findings": findings,
        "rated": selectors.rated_ids(request.user, findings),
        "can_rate": bool(decision) or decision.reason == "login_required",
        "closed": "" if decision else closed_message(decision.reason, process),
    }


@limit_posts("consensus", requests=10, seconds=600)
def finding_detail(request, pk):
    finding = selectors.finding_detail(pk, request.user)
    process = finding.process
    decision = permissions.decide(request.user, finding, RATE)
    own = selectors.own_values(request.user, finding)
    form = None
    status = 200
    # A choice needs at least one option besides leaving everything as it is.
    ready = any(not option.is_passive for option in finding.options.all())
    if decision and own is None and ready:
        form = ResistanceForm(data=request.POST or None, finding=finding)
    if request.method == "POST":
        if not decision:
            if decision.reason == "login_required":
                return redirect_to_login(finding.get_absolute_url())
            return render_closed(request, decision.reason, process)
        if own is not None:
            return render_closed(request, "already", process, status=409)
        if form is None:
            return render_closed(request, "not_offered", process)
        if form.is_valid():
            try:
                services.rate(finding=finding, user=request.user, values=form.values())
            except AlreadyDone:
                return render_closed(request, "already", process, status=409)
            except NotAllowed as error:
                return render_closed(request, error.reason, process)
            except services.InvalidRating:
                # The options changed between opening and sending the form.
                messages.error(request, _("The options have changed. Please rate again."))
                return redirect(finding.get_absolute_url())
            messages.success(request, _("Thank you! Your ratings are counted."))
            return redirect(finding.get_absolute_url() + "#ergebnis")
        status = 400
    visible = selectors.results_visible(request.user, finding, has_rated=own is not None)
    context = {
        "finding": finding,
        "process": process,
        "form": form,
        "own": own,
        "closed": "" if decision else closed_message(decision.reason, process),
        "login_needed": decision.reason == "login_required",
        "results_visible": visible,
        "can_manage": request.user.has_perm("participation.manage_formats"),
    }
    if visible:
        context["ballots"], context["ranked"], context["chart"] = selectors.results(finding)
    return render(request, "participation/consensus/detail.html", context, status=status)


@require_perm("participation.manage_formats")
def manage(request, slug):
    """Staff: the findings of a process with their options (3 queries)."""
    process = process_or_404(slug)
    findings = selectors.findings_of(process)
    options: dict[int, list] = {}
    for option in ConsensusOption.objects.filter(finding__in=[f.pk for f in findings]):
        options.setdefault(option.finding_id, []).append(option)
    for finding in findings:
        finding.option_list = options.get(finding.pk, [])
    return render(
        request,
        "participation/consensus/manage.html",
        {"process": process, "findings": findings},
    )


class FindingEdit(FormatEditView):
    model = ConsensusFinding
    form_class = FindingForm
    manage_url = "participation:consensus_manage"

    @property
    def title_new(self):
        return _("New consensus finding")

    @property
    def title_edit(self):
        return _("Edit consensus finding")

    def save(self, form):
        return services.finding_save(
            actor=self.request.user,
            form=form,
            submission_token=form.cleaned_data.get("form_token"),
            loaded_version=form.cleaned_data.get("loaded_version"),
        )


class ConsensusOptionEdit(ChildEditView):
    model = ConsensusOption
    form_class = ConsensusOptionForm
    parent_model = ConsensusFinding
    parent_field = "finding"
    manage_url = "participation:consensus_manage"

    @property
    def title_new(self):
        return _("New option")

    @property
    def title_edit(self):
        return _("Edit option")

    def get_object(self):
        obj = super().get_object()
        if obj is not None and obj.is_passive:
            raise Http404  # the passive solution is the same in every finding
        return obj


class ConsensusOptionDelete(ChildDeleteView):
    model = ConsensusOption
    parent_field = "finding"

    def in_use(self, obj) -> bool:
        return obj.is_passive or obj.resistances.exists()
