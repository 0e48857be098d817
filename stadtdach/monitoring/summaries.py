"""Bounded reads for the dashboards: counts and averages of measures computed in SQL
(their status by sql_status.py), and indicators with their rollup (rollups.py) instead
of their values. A page built from these makes the same queries and carries the same
amount of HTML with ten or ten thousand measures and indicators."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Sum, Value, When

from stadtdach.monitoring import charts, sql_status, status
from stadtdach.monitoring.models import Indicator, IndicatorRollup
from stadtdach.strategy.models import Measure

H = status.Health
ATTENTION = (H.OFF_TRACK, H.AT_RISK)


@dataclass
class HealthSummary:
    """How many measures have which status, their average progress (dropped measures
    left out, as on the dashboards) and how many progress reports are due."""

    counts: Counter = field(default_factory=Counter)
    measures: int = 0
    active: int = 0
    progress_sum: int = 0
    updates_due: int = 0

    def add(self, other: "HealthSummary") -> None:
        self.counts.update(other.counts)
        self.measures += other.measures
        self.active += other.active
        self.progress_sum += other.progress_sum
        self.updates_due += other.updates_due

    @property
    def average_progress(self) -> int:
        return round(self.progress_sum / self.active) if self.active else 0

    @property
    def attention(self) -> int:
        return sum(self.counts.get(key, 0) for key in ATTENTION)

    def rows(self) -> list[tuple[str, str, str, int]]:
        """(key, label, symbol, count) for every status, as selectors.health_counts."""
        return [
            (key, H(key).label, status.SYMBOLS[key], self.counts.get(key, 0))
            for key in status.ORDER
        ]


def summaries_by_field(
    measures: QuerySet[Measure], today: datetime.date
) -> dict[int, HealthSummary]:
    """A summary per action field of these measures (1 query, grouped in the database)."""
    dropped = Q(status=Measure.Status.DROPPED)
    rows = (
        sql_status.with_health(measures, today)
        .order_by()
        .values("action_field_id", "health")
        .annotate(
            n=Count("pk"),
            active=Count("pk", filter=~dropped),
            progress_sum=Sum("progress_now", filter=~dropped),
            due=Count("pk", filter=sql_status.update_due(today)),
        )
    )
    summaries: dict[int, HealthSummary] = {}
    for row in rows:
        summary = summaries.setdefault(row["action_field_id"], HealthSummary())
        summary.counts[row["health"]] += row["n"]
        summary.measures += row["n"]
        summary.active += row["active"]
        summary.progress_sum += row["progress_sum"] or 0
        summary.updates_due += row["due"]
    return summaries


def total(summaries: dict[int, HealthSummary]) -> HealthSummary:
    result = HealthSummary()
    for summary in summaries.values():
        result.add(summary)
    return result


def with_health(measures: QuerySet[Measure], today: datetime.date) -> QuerySet[Measure]:
    """Measures with what a state table shows (implementation, units), annotated with
    their computed ``health``."""
    return sql_status.with_health(measures, today).select_related(
        "action_field__lead_unit", "lead_unit", "implementation", "implementation__responsible_unit"
    )


def needing_attention(measures: QuerySet[Measure]) -> QuerySet[Measure]:
    """Measures off track, then at risk, each by number (annotated by with_health)."""
    return measures.filter(health__in=ATTENTION).order_by(
        Case(
            When(health=H.OFF_TRACK, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
        "code",
        "pk",
    )


def indicator_counts(indicators: QuerySet[Indicator]) -> Counter:
    """Indicators per status, from their rollups (1 query). An indicator without a
    rollup (loaded in bulk and not rebuilt yet) counts as not assessed."""
    counts: Counter = Counter()
    for health, n in indicators.order_by().values_list("rollup__health").annotate(n=Count("pk")):
        counts[health or H.NOT_ASSESSED] += n
    return counts


@dataclass
class IndicatorState:
    """An indicator with its computed status; from a rollup also the bounded points of
    its chart (``points``, ``yearly``: one point per year) and its number of values."""

    indicator: Indicator
    assessment: status.Assessment
    points: list[charts.Point] | None = None
    yearly: bool = False
    value_count: int = 0


def _rollup(indicator: Indicator) -> IndicatorRollup:
    try:
        return indicator.rollup
    except IndicatorRollup.DoesNotExist:
        return IndicatorRollup(indicator=indicator)


def state_from_rollup(indicator: Indicator) -> IndicatorState:
    """The state of an indicator fetched with select_related("rollup"); the template
    reads ``latest_value`` and ``latest_date`` on the indicator as before."""
    rollup = _rollup(indicator)
    indicator.latest_value = rollup.latest_value
    indicator.latest_date = rollup.latest_date
    latest = (rollup.latest_date, rollup.latest_value) if rollup.latest_date else None
    assessment = status.assess_indicator(
        baseline=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        target=indicator.target_value,
        target_year=indicator.target_year,
        higher_is_better=indicator.direction == Indicator.Direction.HIGHER,
        latest=latest,
    )
    points = [
        charts.Point(datetime.date.fromisoformat(day), Decimal(value))
        for day, value in rollup.series
    ]
    return IndicatorState(indicator, assessment, points, rollup.series_yearly, rollup.value_count)


def indicator_rows(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    return indicators.select_related("rollup", "action_field", "measure")
