"""Pages of prioritisation (dot voting): its part of the process page, the vote with the
results, and the staff pages."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from stadtdach.core.ratelimit import limit_posts
from stadtdach.participation import permissions
from stadtdach.participation.formats import VOTE
from stadtdach.participation.ideas.selectors import action_fields
from stadtdach.participation.prioritisation import selectors, services
from stadtdach.participation.prioritisation.forms import (
    DotVoteForm,
    PrioritisationForm,
    PriorityOptionForm,
)
from stadtdach.participation.prioritisation.models import (
    FORMAT_CODE,
    Prioritisation,
    PriorityOption,
)
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
    """The prioritisations with their counts and the user's votes (2 queries)."""
    items = selectors.prioritisations_of(process)
    decision = permissions.decide(request.user, target(process, FORMAT_CODE), VOTE)
    return {
        "prioritisations": items,
        "voted": selectors.voted_ids(request.user, items),
        "can_vote": bool(decision) or decision.reason == "login_required",
        "closed": "" if decision else closed_message(decision.reason, process),
    }


@limit_posts("dot-vote", requests=10, seconds=600)
def prioritisation_detail(request, pk):
    """Give the points, or (after voting, for staff, once closed) see the results."""
    prioritisation = selectors.prioritisation_detail(pk, request.user)
    process = prioritisation.process
    decision = permissions.decide(request.user, prioritisation, VOTE)
    own = selectors.own_points(request.user, prioritisation)
    form = None
    status = 200
    if decision and own is None and prioritisation.options.all():
        form = DotVoteForm(data=request.POST or None, prioritisation=prioritisation)
    if request.method == "POST":
        if not decision:
            if decision.reason == "login_required":
                return redirect_to_login(prioritisation.get_absolute_url())
            return render_closed(request, decision.reason, process)
        if own is not None:
            return render_closed(request, "already", process, status=409)
        if form is None:
            return render_closed(request, "not_offered", process)
        if form.is_valid():
            try:
                services.dot_vote(
                    prioritisation=prioritisation, user=request.user, points=form.points()
                )
            except AlreadyDone:
                return render_closed(request, "already", process, status=409)
            except NotAllowed as error:
                return render_closed(request, error.reason, process)
            except services.InvalidVote:
                return render_closed(request, "not_offered", process, status=400)
            messages.success(request, _("Thank you! Your points are counted."))
            return redirect(prioritisation.get_absolute_url() + "#ergebnis")
        status = 400
    visible = selectors.results_visible(request.user, prioritisation, has_voted=own is not None)
    context = {
        "prioritisation": prioritisation,
        "process": process,
        "form": form,
        "own": own,
        "closed": "" if decision else closed_message(decision.reason, process),
        "login_needed": decision.reason == "login_required",
        "results_visible": visible,
        "can_manage": request.user.has_perm("participation.manage_formats"),
    }
    if visible:
        context["ballots"], context["ranked"], context["chart"] = selectors.results(prioritisation)
    return render(request, "participation/prioritisation/detail.html", context, status=status)


@require_perm("participation.manage_formats")
def manage(request, slug):
    """Staff: the prioritisations of a process with their options (4 queries)."""
    process = process_or_404(slug)
    items = selectors.prioritisations_of(process)
    options = {}
    for option in selectors.options_queryset().filter(prioritisation__in=[p.pk for p in items]):
        options.setdefault(option.prioritisation_id, []).append(option)
    for item in items:
        item.option_list = options.get(item.pk, [])
    return render(
        request,
        "participation/prioritisation/manage.html",
        {"process": process, "prioritisations": items},
    )


@require_POST
def add_action_fields(request, pk):
    """Staff: offer the edition's action fields as options at once."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("participation.manage_formats"):
        raise PermissionDenied
    prioritisation = get_object_or_404(Prioritisation.objects.select_related("process"), pk=pk)
    if prioritisation.ballots.exists():
        messages.error(request, _("People have voted already: new options would be unfair."))
    else:
        added = services.options_from_action_fields(
            actor=request.user, prioritisation=prioritisation, fields=action_fields()
        )
        messages.success(
            request,
            ngettext("%(count)d option added.", "%(count)d options added.", added)
            % {"count": added},
        )
    return redirect("participation:prioritisation_manage", slug=prioritisation.process.slug)


class PrioritisationEdit(FormatEditView):
    model = Prioritisation
    form_class = PrioritisationForm
    manage_url = "participation:prioritisation_manage"

    @property
    def title_new(self):
        return _("New prioritisation")

    @property
    def title_edit(self):
        return _("Edit prioritisation")


class OptionEdit(ChildEditView):
    model = PriorityOption
    form_class = PriorityOptionForm
    parent_model = Prioritisation
    parent_field = "prioritisation"
    manage_url = "participation:prioritisation_manage"

    @property
    def title_new(self):
        return _("New option")

    @property
    def title_edit(self):
        return _("Edit option")


class OptionDelete(ChildDeleteView):
    model = PriorityOption
    parent_field = "prioritisation"

    def in_use(self, obj) -> bool:
        return obj.votes.exists()
