"""Pages of the idea collection: its part of the process page, the idea form (with the
similar-ideas check), support, and the ideas' places as GeoJSON for the map island."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stadtdach.core.models import FormSubmission
from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.participation import permissions, selectors
from stadtdach.participation.formats import CONTRIBUTE, IDEAS
from stadtdach.participation.ideas import selectors as idea_selectors
from stadtdach.participation.ideas import services
from stadtdach.participation.ideas.forms import IdeaForm
from stadtdach.participation.models import ContributionStatus
from stadtdach.participation.services.contributions import NotAllowed, target
from stadtdach.participation.views.helpers import (
    closed_message,
    page_number,
    render_closed,
    safe_next,
)

SORTS = {"neu": "-created", "unterstuetzt": "-support_count"}


def _filters(request) -> idea_selectors.IdeaFilters:
    def value(name, allowed=None):
        raw = request.GET.get(name, "").strip()[:80]
        return raw if allowed is None or raw in allowed else ""

    return idea_selectors.IdeaFilters(
        action_field=value("handlungsfeld"),
        status=value("status", ContributionStatus.values),
        sort=value("sortierung", SORTS) or "neu",
    )


def section_context(request, process) -> dict:
    """The idea collection's part of the process page. The list (count, page, action
    fields of the filter) is a fragment shared by everyone with the same supports in this
    process, read only when built; the user's supports are 1 query for logged-in users."""
    filters = _filters(request)
    number = page_number(request)
    decision = permissions.decide(request.user, target(process, IDEAS.code), CONTRIBUTE)
    supported = idea_selectors.supported_in(request.user, process)
    return {
        "ideas_page": SimpleLazyObject(
            lambda: Paginator(
                idea_selectors.ideas_of(process, filters, order=SORTS[filters.sort]),
                selectors.PAGE_SIZE,
            ).get_page(number)
        ),
        "filters": filters,
        "action_fields": SimpleLazyObject(idea_selectors.action_fields),
        "statuses": ContributionStatus.choices,
        "supported_ids": supported,
        # Shared by everyone who supports the same ideas here (most: none at all).
        "supported_key": tuple(sorted(supported)),
        "list_personal": len(supported) > 200,
        "can_contribute": bool(decision) or decision.reason == "login_required",
        "contribute_closed": "" if decision else closed_message(decision.reason, process),
        "map": _map_config(process),
    }


def _map_config(process) -> dict:
    config = settings.STADTDACH_MAP
    return {
        # Named when the tiles come from another server: visitors learn who sees them.
        "tile_host": urlsplit(config["tile_url"]).netloc,
        "tile_url": config["tile_url"],
        "attribution": config["attribution"],
        "lat": config["center"][0],
        "lon": config["center"][1],
        "zoom": config["zoom"],
        "geojson": reverse("participation:idea_geojson", kwargs={"slug": process.slug}),
    }


def _form(request, data=None, files=None):
    return IdeaForm(
        data=data,
        files=files,
        action_fields=idea_selectors.action_field_queryset(),
        themes=idea_selectors.theme_queryset(),
    )


@limit_posts("idea", requests=5, seconds=600)
def idea_add(request, slug):
    process = selectors.process_detail(slug, request.user)
    decision = permissions.decide(request.user, target(process, IDEAS.code), CONTRIBUTE)
    if not decision:
        if decision.reason == "login_required":
            return redirect_to_login(request.get_full_path())
        return render_closed(request, decision.reason, process)
    similar = []
    if request.method == "POST":
        form = _form(request, request.POST, request.FILES)
        if form.is_valid():
            cleaned = form.cleaned_data
            if _already_sent(cleaned.get("form_token")):
                messages.info(request, _("This idea had already been sent; it was saved once."))
                return redirect(process.get_absolute_url())
            if not cleaned.get("confirm_new"):
                similar = idea_selectors.similar_ideas(
                    process, f"{cleaned['title']} {cleaned['text']}"
                )
            if not similar:
                return _submit(request, process, form)
        status = 200 if similar and not form.errors else 400
    else:
        form = _form(request)
        status = 200
    return render(
        request,
        "participation/ideas/idea_form.html",
        {
            "form": form,
            "process": process,
            "similar": similar,
            "map": _map_config(process),
            "anonymous": not request.user.is_authenticated,
        },
        status=status,
    )


def _already_sent(token) -> bool:
    """A form sent twice (double click, reload) must not meet its own first copy in the
    similar-ideas check: it is recognised by its one-time token first."""
    return token is not None and FormSubmission.objects.filter(token=token).exists()


def _submit(request, process, form):
    try:
        idea = services.idea_submit(
            process=process,
            author=request.user,
            cleaned=form.cleaned_data,
            submission_token=form.cleaned_data.get("form_token"),
        )
    except DuplicateSubmission:
        messages.info(request, _("This idea had already been sent; it was saved once."))
        return redirect(process.get_absolute_url())
    except NotAllowed as error:
        return render_closed(request, error.reason, process)
    if idea.is_published:
        messages.success(request, _("Thank you! Your idea is published."))
        return redirect(idea.get_absolute_url())
    messages.success(
        request,
        _("Thank you! Your idea will appear after a check by the moderation."),
    )
    if request.user.is_authenticated:
        return redirect(idea.get_absolute_url())
    return redirect(process.get_absolute_url())


@require_POST
@limit_posts("support", requests=30, seconds=600)
def support(request, pk):
    idea = selectors.contribution_detail(pk, request.user)
    back = safe_next(request, idea.get_absolute_url())
    if not request.user.is_authenticated:
        return redirect_to_login(idea.get_absolute_url())
    try:
        if request.POST.get("withdraw") == "1":
            services.support_withdraw(user=request.user, idea=idea)
            messages.success(request, _("Your support has been withdrawn."))
        elif services.support(user=request.user, idea=idea):
            messages.success(request, _("Thank you for your support!"))
        else:
            messages.info(request, _("You already support this idea."))
    except NotAllowed as error:
        return render_closed(request, error.reason, idea.process)
    return redirect(back)


def geojson(request, slug):
    """The published ideas with a place, as a GeoJSON FeatureCollection (1 query)."""
    process = selectors.process_detail(slug, request.user)
    features = [
        {
            "type": "Feature",
            "geometry": point,
            "properties": {"title": title, "url": url, "status": status},
        }
        for point, title, url, status in idea_selectors.places(process)
    ]
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Type"] = "application/geo+json"
    return response
