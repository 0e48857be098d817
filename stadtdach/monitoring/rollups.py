"""Indicator rollups (models.IndicatorRollup): what dashboards, lists and charts read
instead of every value of every indicator.

Each row is computed from one indicator and all its values, so it can be recomputed at
any time and always gives the same result (``rollup_of``). The services that write
values or indicators call ``rollups_refresh`` in their transaction; after a bulk load
that bypassed them (the scale-data generator, a restore) call ``rollups_rebuild()`` or
``manage.py rebuild_rollups``. ``tests/test_rollups.py`` checks after each kind of
write that the stored row equals the one computed from scratch.

A measure's status needs no rollup: it is computed in SQL from the measure and its
implementation record (sql_status.py)."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from stadtdach.monitoring import status
from stadtdach.monitoring.models import Indicator, IndicatorRollup, IndicatorValue

# A chart shows every value of a series with at most this many values; a longer series
# is drawn as the latest value of each year, of at most this many (the latest) years.
MAX_POINTS = 40
BATCH = 500  # indicators per query when rebuilding


def series_points(
    values: list[tuple[datetime.date, Decimal]],
) -> tuple[list[tuple[datetime.date, Decimal]], bool]:
    """The points of a chart (values in date order) and whether they are yearly."""
    if len(values) <= MAX_POINTS:
        return values, False
    by_year: dict[int, tuple[datetime.date, Decimal]] = {}
    for day, value in values:
        by_year[day.year] = (day, value)  # date order: the year's latest value stays
    return list(by_year.values())[-MAX_POINTS:], True


def rollup_of(indicator: Indicator, values: list[tuple[datetime.date, Decimal]]) -> IndicatorRollup:
    """The rollup of an indicator from all its values, in date order."""
    latest = values[-1] if values else None
    assessment = status.assess_indicator(
        baseline=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        target=indicator.target_value,
        target_year=indicator.target_year,
        higher_is_better=indicator.direction == Indicator.Direction.HIGHER,
        latest=latest,
    )
    points, yearly = series_points(values)
    return IndicatorRollup(
        indicator=indicator,
        value_count=len(values),
        first_date=values[0][0] if values else None,
        latest_date=latest[0] if latest else None,
        latest_value=latest[1] if latest else None,
        health=assessment.health,
        series=[[day.isoformat(), str(value)] for day, value in points],
        series_yearly=yearly,
    )


FIELDS = [
    "value_count",
    "first_date",
    "latest_date",
    "latest_value",
    "health",
    "series",
    "series_yearly",
]


def _compute(indicators: list[Indicator]) -> list[IndicatorRollup]:
    values: dict[int, list] = {i.pk: [] for i in indicators}
    rows = (
        IndicatorValue.objects.filter(indicator__in=list(values))
        .order_by("indicator_id", "date")
        .values_list("indicator_id", "date", "value")
    )
    for indicator_id, day, value in rows.iterator(chunk_size=5000):
        values[indicator_id].append((day, value))
    return [rollup_of(i, values[i.pk]) for i in indicators]


def _store(rollups: list[IndicatorRollup]) -> None:
    IndicatorRollup.objects.bulk_create(
        rollups,
        update_conflicts=True,
        unique_fields=["indicator"],
        update_fields=FIELDS,
        batch_size=BATCH,
    )


def rollups_refresh(indicator_ids: Iterable[int]) -> None:
    """Recompute the rollups of these indicators (3 queries). Call it in the transaction
    that wrote their values or their baseline, target or direction: the indicators are
    locked first, so two writers of the same indicator cannot store a rollup that
    misses the other's value."""
    ids = sorted({int(pk) for pk in indicator_ids})
    if not ids:
        return
    with transaction.atomic():
        indicators = list(Indicator.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        _store(_compute(indicators))


def rollups_rebuild() -> int:
    """Recompute the rollup of every indicator, e.g. after a bulk load that bypassed the
    services (a few seconds for 2,000 indicators with 100 values each). Returns the
    number of indicators."""
    count = 0
    with transaction.atomic():
        ids = list(Indicator.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            indicators = list(Indicator.objects.filter(pk__in=ids[start : start + BATCH]))
            _store(_compute(indicators))
            count += len(indicators)
    return count
