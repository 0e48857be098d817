"""Public pages of the monitoring app: the dashboards of the whole ISEK, of each action
field and each measure, the status list of the measures and the indicators. Read-only,
without JavaScript; every chart comes with its data table."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from stadtdach.monitoring import dashboards, selectors, status
from stadtdach.monitoring.models import Indicator
from stadtdach.strategy import selectors as strategy_selectors

ATTENTION = (status.Health.OFF_TRACK, status.Health.AT_RISK)


def dashboard(request):
    edition = strategy_selectors.current_edition_or_404()
    data = selectors.dashboard(edition, timezone.localdate())
    attention = sorted(
        (s for s in data.states if s.assessment.health in ATTENTION),
        key=lambda s: (s.assessment.health != status.Health.OFF_TRACK, s.measure.code),
    )
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "edition": edition,
            "data": data,
            "health_chart": dashboards.health_chart(data.counts, id="chart-status"),
            "progress_chart": dashboards.field_progress_chart(data.by_field, id="chart-fields"),
            "indicator_chart": dashboards.health_chart(
                data.indicator_counts, id="chart-indicators", title=_indicators_title()
            ),
            "attention": attention[: selectors.SHOWN],
            "attention_count": len(attention),
            "rules": status.rule_text(),
            "today": timezone.localdate(),
        },
    )


def _indicators_title():
    from django.utils.translation import gettext as _

    return _("Indicators by status")


def action_field_dashboard(request, slug):
    edition = strategy_selectors.current_edition_or_404()
    action_field = selectors.action_field_or_404(slug)
    today = timezone.localdate()
    states = selectors.measure_states(edition, today, action_field=action_field)
    indicators = selectors.indicators_with_values(
        edition, action_field=action_field, kind=Indicator.Kind.CONTEXT
    )
    return render(
        request,
        "monitoring/action_field.html",
        {
            "edition": edition,
            "action_field": action_field,
            "states": states[: selectors.SHOWN],
            "measure_count": len(states),
            "health_chart": dashboards.health_chart(
                selectors.health_counts(states), id="chart-status"
            ),
            "indicators": [
                (
                    state,
                    dashboards.indicator_chart(state, id=f"chart-indicator-{state.indicator.pk}"),
                )
                for state in indicators
            ],
            "rules": status.rule_text(),
        },
    )


def measure_list(request):
    edition = strategy_selectors.current_edition_or_404()
    states = selectors.measure_states(edition, timezone.localdate())
    wanted_health = request.GET.get("stand", "")
    wanted_field = request.GET.get("handlungsfeld", "").strip()[:100]
    if wanted_health in status.Health.values:
        states = [s for s in states if s.assessment.health == wanted_health]
    else:
        wanted_health = ""
    if wanted_field:
        states = [s for s in states if s.measure.action_field.slug == wanted_field]
    page = Paginator(states, settings.STADTDACH_PAGE_SIZE).get_page(request.GET.get("seite"))
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
    page = selectors.measure_page(pk, timezone.localdate())
    return render(
        request,
        "monitoring/measure.html",
        {
            "page": page,
            "measure": page.state.measure,
            "indicators": [
                (
                    state,
                    dashboards.indicator_chart(state, id=f"chart-indicator-{state.indicator.pk}"),
                )
                for state in page.indicators
            ],
            "rules": status.rule_text(),
            "today": timezone.localdate(),
        },
    )


def indicator_list(request):
    edition = strategy_selectors.current_edition_or_404()
    states = selectors.indicator_states(edition)
    return render(
        request,
        "monitoring/indicator_list.html",
        {
            "edition": edition,
            "context": [s for s in states if s.indicator.kind == Indicator.Kind.CONTEXT],
            "results": [s for s in states if s.indicator.kind == Indicator.Kind.RESULT],
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
            "rules": status.rule_text(),
        },
    )
