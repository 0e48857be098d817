"""The citizen's own pages: "my contributions" and the subscriptions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stadtdach.core.ratelimit import limit_posts
from stadtdach.participation import selectors
from stadtdach.participation.forms import SubscribeForm, SubscriptionChangeForm
from stadtdach.participation.models import ParticipationProcess, Subscription
from stadtdach.participation.services import subscriptions as subscription_services
from stadtdach.participation.views.helpers import page_number, safe_next


@login_required
def mine(request):
    """What the user contributed, with the status and answer of each ("Was wurde aus
    meinem Vorschlag?")."""
    paginator = Paginator(selectors.contributions_of(request.user), selectors.PAGE_SIZE)
    return render(
        request,
        "participation/mine.html",
        {"page": paginator.get_page(page_number(request))},
    )


@login_required
@limit_posts("subscriptions", requests=30, seconds=600)
def subscriptions(request):
    if request.method == "POST":
        form = SubscriptionChangeForm(data=request.POST)
        if form.is_valid():
            pk = form.cleaned_data["subscription"]
            if form.cleaned_data["remove"]:
                subscription_services.unsubscribe(user=request.user, subscription_id=pk)
                messages.success(request, _("You no longer follow this."))
            elif form.cleaned_data["frequency"]:
                Subscription.objects.filter(user=request.user, pk=pk).update(
                    frequency=form.cleaned_data["frequency"]
                )
                messages.success(request, _("Saved."))
            return redirect("participation:subscriptions")
        messages.error(request, _("This change could not be saved. Please try again."))
        return redirect("participation:subscriptions")
    return render(
        request,
        "participation/subscriptions.html",
        {"subscriptions": selectors.subscriptions_of(request.user)},
    )


def _subscription_target(kind: str, pk: int, user):
    from stadtdach.strategy.models import ActionField, Measure

    if kind == "process":
        process = ParticipationProcess.objects.filter(pk=pk).first()
        if process is None or not user.has_perm("participation.view_process", process):
            raise Http404
        return process
    model = ActionField if kind == "action_field" else Measure
    target = model.objects.filter(pk=pk).first()
    if target is None:
        raise Http404
    return target


@require_POST
@limit_posts("subscribe", requests=30, seconds=600)
def subscribe(request):
    form = SubscribeForm(data=request.POST)
    if not form.is_valid():
        return render(request, "400.html", status=400)
    back = safe_next(request, "/")
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if not request.user.has_perm("participation.subscribe"):
        raise PermissionDenied
    kind = form.cleaned_data["kind"]
    target = _subscription_target(kind, form.cleaned_data["target"], request.user)
    subscription_services.subscribe(
        user=request.user, target_kind=kind, target=target, frequency=form.cleaned_data["frequency"]
    )
    messages.success(
        request,
        _("You now follow “%(target)s”. We write to you when there is news.") % {"target": target},
    )
    return redirect(back)
