"""Panels of the monitoring app on pages of lower apps (see core/panels.py): progress,
status and indicators of a measure; the state of an action field's measures."""

from django.utils import timezone

from stadtdach.core.panels import Panel
from stadtdach.monitoring import selectors, status


def measure_implementation(request, measure):
    """Progress, computed status, last report, the first milestones and result
    indicators (3 queries: implementation with its last report, milestones, indicators
    with their rollups)."""
    panel = selectors.measure_panel(measure, timezone.localdate())
    user = getattr(request, "user", None)
    return Panel(
        "monitoring/panels/measure.html",
        {
            "panel": panel,
            "can_report": user is not None and user.has_perm("monitoring.update_progress", measure),
            "today": timezone.localdate(),
        },
    )


def action_field_monitoring(request, action_field):
    """The status of the field's measures in the current edition, counted in the
    database, and its first context indicators with their rollups (2 queries; the
    edition is joined, not fetched)."""
    panel = selectors.field_panel(action_field)
    if not panel.summary.measures and not panel.indicators:
        return None
    summary = panel.summary
    return Panel(
        "monitoring/panels/action_field.html",
        {
            "action_field": action_field,
            "counts": [c for c in summary.rows() if c[3]],
            "average": summary.average_progress if summary.active else None,
            "indicators": panel.indicators,
            "more_indicators": panel.more_indicators,
            "symbols": status.SYMBOLS,
        },
    )
