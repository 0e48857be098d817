"""The charts of the dashboards, built from selector data with the one renderer
(charts.py). The reports use the same functions, so a chart looks the same on the site
and in the documents."""

from decimal import Decimal

from django.utils.translation import gettext as _

from stadtdach.monitoring import charts, status
from stadtdach.monitoring.selectors import FieldProgress
from stadtdach.monitoring.summaries import IndicatorState


def health_chart(counts, *, id: str, title: str | None = None) -> charts.Chart:
    """Measures (or indicators) per status: (key, label, symbol, count) rows."""
    return charts.bar_chart(
        id=id,
        title=title or _("Measures by status"),
        unit="",
        head=(_("Status"), _("Number")),
        bars=[
            charts.Bar(f"{symbol} {label}", count, str(count), charts.HEALTH_COLOURS[key])
            for key, label, symbol, count in counts
        ],
    )


def field_progress_chart(rows: list[FieldProgress], *, id: str) -> charts.Chart:
    """Average reported progress of the measures of each action field."""
    return charts.bar_chart(
        id=id,
        title=_("Average progress per action field"),
        unit="%",
        head=(_("Action field"), _("Average progress")),
        maximum=100,
        bars=[
            charts.Bar(row.action_field.name, row.average_progress, f"{row.average_progress} %")
            for row in rows
        ],
    )


def indicator_chart(state: IndicatorState, *, id: str) -> charts.Chart:
    """An indicator's time series with its target path: the points of its rollup (at
    most rollups.MAX_POINTS) or, in documents, every value."""
    indicator = state.indicator
    if state.points is not None:  # from the rollup: a bounded series
        points = state.points
    else:  # documents: the whole series
        points = [charts.Point(v.date, v.value) for v in getattr(indicator, "value_list", [])]
    baseline = (
        (indicator.baseline_year, indicator.baseline_value)
        if indicator.baseline_value is not None and indicator.baseline_year
        else None
    )
    target = (
        (indicator.target_year, indicator.target_value)
        if indicator.target_value is not None and indicator.target_year
        else None
    )
    return charts.line_chart(
        id=id,
        title=indicator.name,
        unit=indicator.unit,
        decimals=indicator.decimals,
        points=points,
        baseline=baseline,
        target=target,
        labels={
            "values": _("values"),
            "target_path": _("path to the target"),
            "date": _("As of"),
            "value": _("Value"),
            "baseline": _("Baseline"),
            "target": _("Target"),
        },
    )


def progress_chart(states, *, id: str, title: str) -> charts.Chart:
    """Reported progress of a few measures (at most 25 bars)."""
    return charts.bar_chart(
        id=id,
        title=title,
        unit="%",
        head=(_("Measure"), _("Progress")),
        maximum=100,
        bars=[
            charts.Bar(
                str(s.measure),
                Decimal(s.progress),
                f"{s.progress} % {status.SYMBOLS[s.assessment.health]}",
                charts.HEALTH_COLOURS[s.assessment.health],
            )
            for s in states[:25]
        ],
    )
