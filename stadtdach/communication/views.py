"""The site's own pages: start page, Leichte Sprache, legal pages, search, workspace."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stadtdach.communication import search as site_search
from stadtdach.communication import services
from stadtdach.communication.forms import AccessibilityFeedbackForm, SearchForm
from stadtdach.core.caching import entries, fragments
from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.process import selectors as process_selectors
from stadtdach.strategy import selectors as strategy_selectors
from stadtdach.strategy.models import Measure


def home(request):
    """The start page: its body (the edition, where the process stands, the house) is a
    fragment, read only when built; the panels below may differ per user."""
    edition = entries.get_or_compute("current-edition", strategy_selectors.current_edition)

    def body_context():
        if edition is None:
            return {"edition": None}
        return {
            "edition": edition,
            "standing": process_selectors.standing(edition),
            **strategy_selectors.house(edition),
        }

    body = fragments.render(
        request, "home", "communication/partials/home_body.html", body_context, edition
    )
    return render(request, "communication/home.html", {"edition": edition, "body": body})


def easy_language(request):
    edition = strategy_selectors.current_edition()
    return render(
        request,
        "communication/easy_language.html",
        {
            "edition": edition,
            "standing": process_selectors.standing(edition) if edition else None,
        },
    )


@limit_posts("accessibility-feedback")
def accessibility(request):
    form = AccessibilityFeedbackForm(data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            # A form sent twice was stored the first time: thank the sender once more.
            with contextlib.suppress(DuplicateSubmission):
                services.accessibility_feedback_submit(
                    form=form, token=form.cleaned_data.get("form_token")
                )
            messages.success(
                request,
                _("Thank you. Your message has been sent to the town's accessibility contact."),
            )
            return redirect("communication:accessibility")
        return render(request, "communication/accessibility.html", {"form": form}, status=400)
    return render(request, "communication/accessibility.html", {"form": form})


def imprint(request):
    return render(request, "communication/imprint.html")


def privacy(request):
    return render(request, "communication/privacy.html")


def search(request):
    form = SearchForm(data=request.GET or None)
    results = []
    if form.is_valid():
        results = site_search.search(form.cleaned_data["q"].strip(), request.user)
    return render(
        request,
        "communication/search.html",
        {"form": form, "results": results, "searched": form.is_bound},
    )


@login_required
def workspace(request):
    """A staff member's starting point: what their role lets them do."""
    if not request.user.has_perm("accounts.view_workspace"):
        raise PermissionDenied
    edition = entries.get_or_compute("current-edition", strategy_selectors.current_edition)
    unit_id = request.user.unit_id

    def own_measures():  # the department's measures: a fragment per department
        if edition is None or not unit_id:
            return {"own_measures": [], "own_count": 0}
        mine = strategy_selectors.counted_page(
            strategy_selectors.measure_queryset(edition).filter(lead_unit_id=unit_id),
            strategy_selectors.MEASURES_SHOWN,
            1,
        )  # 1 query: the measures carry their number and their unit
        shown = list(mine)
        if shown:  # the header names the department: reuse the unit the rows brought
            request.user.unit = shown[0].lead_unit
        return {
            "own_measures": shown,
            "own_count": mine.paginator.count,
            "unit_name": shown[0].lead_unit.name if shown else "",
        }

    return render(
        request,
        "communication/workspace.html",
        {
            "edition": edition,
            "own_measures": fragments.render(
                request,
                "unit-measures",
                "communication/partials/unit_measures.html",
                own_measures,
                unit_id,
                edition,
            ),
            "can_add_measure": request.user.has_perm("strategy.add_measure"),
            "can_view_audit": request.user.has_perm("core.view_auditentry"),
            "statuses": Measure.Status.choices,
        },
    )
