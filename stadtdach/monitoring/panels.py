"""Panels of the monitoring app on pages of lower apps (see core/panels.py): progress,
status and indicators of a measure; the state of an action field's measures."""

from django.utils import timezone

from stadtdach.core.panels import Panel
from stadtdach.monitoring import selectors, status
from stadtdach.monitoring.models import Indicator
from stadtdach.strategy.models import Measure


def measure_implementation(request, measure):
    """Progress, computed status, last report, milestones and result indicators (3-4
    queries: implementation, milestones, indicators, and the last report if any)."""
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
    """The status of the field's measures in the current edition and its context
    indicators (2 queries; the edition is joined, not fetched)."""
    today = timezone.localdate()
    states = [
        selectors.state_of(m, today)
        for m in Measure.objects.filter(
            action_field=action_field, edition__is_current=True
        ).select_related("implementation")
    ]
    indicators = [
        selectors.IndicatorState(i, selectors.assess(i))
        for i in selectors.with_latest_value(
            Indicator.objects.filter(
                action_field=action_field, kind=Indicator.Kind.CONTEXT, edition__is_current=True
            )
        )
    ]
    if not states and not indicators:
        return None
    progress = [s.progress for s in states if s.measure.status != Measure.Status.DROPPED]
    return Panel(
        "monitoring/panels/action_field.html",
        {
            "action_field": action_field,
            "counts": [c for c in selectors.health_counts(states) if c[3]],
            "average": round(sum(progress) / len(progress)) if progress else None,
            "indicators": indicators,
            "symbols": status.SYMBOLS,
        },
    )
