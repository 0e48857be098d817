"""Pages of the evaluation: the list with suggestions and the assign form, groups of
similar contributions, statistics with charts, exports, and the summary document."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from stadtdach.core.storage import file_response
from stadtdach.participation.evaluation import export, selectors, services
from stadtdach.participation.evaluation.document import chart
from stadtdach.participation.evaluation.forms import AssignForm, SummaryForm
from stadtdach.participation.evaluation.models import SummaryDocument
from stadtdach.participation.views.helpers import page_number
from stadtdach.strategy import selectors as strategy_selectors

PAGE_SIZE = 25


def _authorise(request, permission: str, obj=None):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied
    return None


def evaluation(request):
    if denied := _authorise(request, "participation.evaluate"):
        return denied
    filters = selectors.filters_from(request.GET)
    rows = selectors.contributions(filters)
    page = Paginator(selectors.listed(rows), PAGE_SIZE).get_page(page_number(request))
    items = list(page.object_list)
    fields = selectors.action_fields()
    model = selectors.field_model(fields)
    suggestions = selectors.suggestions_for(items, model)
    form = AssignForm(data=request.POST or None, contribution_ids=[c.pk for c in items])
    status = 200
    if request.method == "POST":
        if form.is_valid():
            changed = _assign(request, form, suggestions, fields)
            message = ngettext(
                "%(count)d contribution assigned.", "%(count)d contributions assigned.", changed
            )
            messages.success(request, message % {"count": changed})
            return redirect(request.get_full_path())
        status = 400
    stats = selectors.statistics(rows)
    return render(
        request,
        "participation/evaluation/evaluation.html",
        {
            "filters": filters,
            "page": page,
            "rows": [(c, suggestions.get(c.pk, [])) for c in items],
            "form": form,
            "fields": fields,
            "processes": selectors.processes(),
            "statuses": selectors.ContributionStatus.choices,
            "channels": selectors.Channel.choices,
            "unassigned": selectors.UNASSIGNED,
            "groups": selectors.groups(rows)[:20],
            "stats": stats,
            "charts": _charts(stats),
            "query": urlencode(filters.query),
            "summary_form": SummaryForm(),
            "summaries": list(SummaryDocument.objects.select_related("process")[:5]),
        },
        status=status,
    )


def _assign(request, form, suggestions, fields) -> int:
    data = form.cleaned_data
    by_pk = {f.pk: f for f in fields}
    if data.get("accept") is not None or data.get("accept_chosen"):
        chosen = (
            [data["accept"]]
            if data.get("accept") is not None
            else [c.pk for c in data["contributions"]]
        )
        mapping = {
            pk: by_pk[suggestions[pk][0].key]
            for pk in chosen
            if suggestions.get(pk) and suggestions[pk][0].key in by_pk
        }
        if not mapping:
            return 0
        return services.assign(actor=request.user, contributions=[], by_contribution=mapping)
    return services.assign(
        actor=request.user,
        contributions=data["contributions"],
        action_field=data.get("action_field"),
        themes=data.get("themes") or (),
    )


def _charts(stats):
    return [
        chart(
            "chart-field",
            _("Contributions by action field"),
            stats.by_action_field,
            _("Action field"),
        ),
        chart(
            "chart-group",
            _("Contributions by target group"),
            stats.by_target_group,
            _("Target group"),
        ),
        chart("chart-channel", _("Contributions by channel"), stats.by_channel, _("Channel")),
    ]


def export_csv(request):
    if denied := _authorise(request, "participation.evaluate"):
        return denied
    return export.csv_response(selectors.contributions(selectors.filters_from(request.GET)))


def export_xlsx(request):
    if denied := _authorise(request, "participation.evaluate"):
        return denied
    return export.xlsx_response(selectors.contributions(selectors.filters_from(request.GET)))


@require_POST
def summary_add(request):
    if denied := _authorise(request, "participation.evaluate"):
        return denied
    form = SummaryForm(data=request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a process from the list."))
        return redirect("participation:evaluation")
    process = form.cleaned_data.get("process")
    edition = None if process else strategy_selectors.current_edition()
    title = (
        _("Evaluation of the participation: %(title)s") % {"title": process.title}
        if process
        else _("Evaluation of the participation")
    )
    summary = services.summary_request(
        actor=request.user,
        title=title,
        process=process,
        edition=edition,
        include_internal=form.cleaned_data["include_internal"],
    )
    return redirect(summary.get_absolute_url())


def summary_detail(request, pk):
    summary = get_object_or_404(SummaryDocument.objects.select_related("process"), pk=pk)
    if denied := _authorise(request, "participation.view_summary", summary):
        return denied
    return render(
        request,
        "participation/evaluation/summary_detail.html",
        {"summary": summary, "running": not summary.is_finished},
    )


def summary_file(request, pk):
    summary = get_object_or_404(SummaryDocument, pk=pk)
    if denied := _authorise(request, "participation.view_summary", summary):
        return denied
    if summary.status != SummaryDocument.Status.DONE or not summary.file:
        raise Http404("The document is not ready.")
    return file_response(
        request,
        summary.file,
        as_attachment=True,
        filename=f"auswertung-{summary.pk}.pdf",
        content_type="application/pdf",
    )
