"""Implementation records, progress reports, milestones and indicators for tests,
created in bulk so that 1,000 measures take a moment."""

import datetime
from decimal import Decimal

from stadtdach.monitoring.models import (
    ImplementationMilestone,
    Indicator,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.monitoring.rollups import rollups_rebuild
from stadtdach.strategy.models import Measure

D = datetime.date


def add_monitoring(edition, *, indicators: bool = True) -> None:
    """Schedule every measure of the edition (2024–2027), report its progress twice and
    give it two milestones; add a context indicator per action field and result
    indicators for three measures; rebuild the indicators' rollups."""
    measures = list(Measure.objects.filter(edition=edition, implementation__isnull=True))
    for index, measure in enumerate(measures):
        measure.start, measure.end = D(2024, 1, 1), D(2027, 12, 31)
        measure.estimated_cost = Decimal("30000.00") + index
    Measure.objects.bulk_update(measures, ["start", "end", "estimated_cost"])
    MeasureImplementation.objects.bulk_create(
        MeasureImplementation(
            measure=m,
            progress=(i * 7) % 101,
            last_update_on=D(2026, 1, 15) if i % 2 else D(2025, 6, 30),
        )
        for i, m in enumerate(measures)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(measure=m, date=day, progress=progress, status=m.status, note="Bericht")
        for i, m in enumerate(measures)
        for day, progress in ((D(2025, 6, 30), (i * 3) % 50), (D(2026, 1, 15), (i * 7) % 101))
    )
    ImplementationMilestone.objects.bulk_create(
        ImplementationMilestone(
            measure=m, title=title, order=order, due_on=due, reached_on=due if order == 1 else None
        )
        for m in measures
        for order, (title, due) in enumerate(
            (("Planung", D(2024, 6, 30)), ("Bau", D(2026, 6, 30))), start=1
        )
    )
    if indicators:
        _add_indicators(edition, measures)
    rollups_rebuild()  # the values above were written in bulk, past the services


def _add_indicators(edition, measures) -> None:
    fields = {m.action_field_id: m.action_field for m in measures}
    for field in fields.values():
        indicator = Indicator.objects.create(
            edition=edition,
            code=f"K-{field.pk}",
            kind=Indicator.Kind.CONTEXT,
            action_field=field,
            name=f"Einwohner {field.name}",
            unit="Personen",
            baseline_value=Decimal("1000"),
            baseline_year=2021,
            target_value=Decimal("1200"),
            target_year=2030,
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, date=D(year, 12, 31), value=Decimal(980 + 20 * n))
            for n, year in enumerate(range(2018, 2026))
        )
    for measure in measures[:3]:
        indicator = Indicator.objects.create(
            edition=edition,
            code=f"E-{measure.pk}",
            kind=Indicator.Kind.RESULT,
            action_field=measure.action_field,
            measure=measure,
            name=f"Ergebnis {measure.code}",
            unit="m²",
            baseline_value=Decimal("0"),
            baseline_year=2024,
            target_value=Decimal("100"),
            target_year=2027,
        )
        IndicatorValue.objects.create(
            indicator=indicator, date=D(2025, 12, 31), value=Decimal("40")
        )
