"""Public pages of the monitoring app: the dashboards of the whole ISEK, of each action
field and each measure, the status list of the measures and the indicators. Read-only,
without JavaScript; every chart comes with its data table."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.monitoring import dashboards, rollups, selectors, status
from stadtdach.monitoring.models import Indicator
from stadtdach.strategy import selectors as strategy_selectors
from stadtdach.strategy.models import Measure


def dashboard(request):
    edition = strategy_selectors.current_edition_or_404()
    data = selectors.dashboard(edition, timezone.localdate())
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "edition": edition,
            "data": data,
            "health_chart": dashboards.health_chart(data.counts, id="chart-status"),
            "progress_chart": dashboards.field_progress_chart(data.by_field, id="chart-fields"),
            "indicator_chart": dashboards.health_chart(
                data.indicator_counts, id="chart-indicators", title=_("Indicators by status")
            ),
            "attention": data.attention,
            "attention_count": data.summary.attention,
            "rules": status.rule_text(),
            "today": timezone.localdate(),
        },
    )


def action_field_dashboard(request, slug):
    edition = strategy_selectors.current_edition_or_404()
    action_field = selectors.action_field_or_404(slug)
    data = selectors.field_dashboard(
        edition, action_field, timezone.localdate(), request.GET.get("seite")
    )
    return render(
        request,
        "monitoring/action_field.html",
        {
            "edition": edition,
            "action_field": action_field,
            "states": data.states,
            "measure_count": data.summary.measures,
            "health_chart": dashboards.health_chart(data.summary.rows(), id="chart-status"),
            "page": data.indicators,
            "indicators": _with_charts(data.indicators),
            "rules": status.rule_text(),
            "max_points": rollups.MAX_POINTS,
        },
    )


def _with_charts(states):
    return [
        (state, dashboards.indicator_chart(state, id=f"chart-indicator-{state.indicator.pk}"))
        for state in states
    ]


def measure_list(request):
    edition = strategy_selectors.current_edition_or_404()
    wanted_health = request.GET.get("stand", "")
    if wanted_health not in status.Health.values:
        wanted_health = ""
    wanted_field = request.GET.get("handlungsfeld", "").strip()[:100]
    page = selectors.measure_list_page(
        edition,
        timezone.localdate(),
        health=wanted_health,
        field_slug=wanted_field,
        page=request.GET.get("seite"),
    )
    return render(
        request,
        "monitoring/measure_list.html",
        {
            "edition": edition,
            "page": page,
            "healths": status.Health.choices,
            "wanted_health": wanted_health,
            "wanted_field": wanted_field,
            "fields": [row.action_field for row in strategy_selectors.action_field_rows(None)],
            "rules": status.rule_text(),
        },
    )


def measure_dashboard(request, pk):
    page = selectors.measure_page(pk, timezone.localdate(), request.GET.get("seite"))
    return render(
        request,
        "monitoring/measure.html",
        {
            "page": page,
            "measure": page.state.measure,
            "indicators": _with_charts(page.indicators),
            "rules": status.rule_text(),
            "today": timezone.localdate(),
            "max_points": rollups.MAX_POINTS,
        },
    )


KINDS = {"kontext": Indicator.Kind.CONTEXT, "ergebnis": Indicator.Kind.RESULT}


def indicator_list(request):
    edition = strategy_selectors.current_edition_or_404()
    kind = request.GET.get("art", "")
    field_slug = request.GET.get("handlungsfeld", "").strip()[:100]
    measure = None
    raw_measure = request.GET.get("massnahme", "")
    if raw_measure.isdecimal() and len(raw_measure) < 12:  # isdigit() takes "²"
        measure = Measure.objects.filter(edition=edition, pk=int(raw_measure)).first()
    filters = selectors.IndicatorFilters(
        kind=KINDS.get(kind, ""), field_slug=field_slug, measure=measure
    )
    return render(
        request,
        "monitoring/indicator_list.html",
        {
            "edition": edition,
            "page": selectors.indicator_list_page(edition, filters, request.GET.get("seite")),
            "filters": filters,
            "kind": kind if kind in KINDS else "",
            "fields": [row.action_field for row in strategy_selectors.action_field_rows(None)],
            "rules": status.rule_text(),
        },
    )


def indicator_detail(request, pk):
    state = selectors.indicator_or_404(pk)
    return render(
        request,
        "monitoring/indicator_detail.html",
        {
            "state": state,
            "indicator": state.indicator,
            "chart": dashboards.indicator_chart(state, id="chart-indicator"),
            "values": selectors.indicator_values_page(state.indicator, request.GET.get("seite")),
            "rules": status.rule_text(),
            "max_points": rollups.MAX_POINTS,
        },
    )
