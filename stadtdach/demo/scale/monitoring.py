"""Implementation records of the generated measures with their progress reports and
milestones, and generated indicators with their time series.

Derived values are written consistently with the rows they derive from, as the
monitoring services keep them: a measure's implementation carries the progress and date
of its latest report, and the measure's status is the status of that report."""

import datetime
from decimal import Decimal

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import CODE_PREFIX, Context
from stadtdach.monitoring.models import (
    ImplementationMilestone,
    Indicator,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.strategy.models import Measure

M = Measure.Status
INTERVAL = 90
MILESTONES = ("Planung abgeschlossen", "Ausschreibung", "Baubeginn", "Fertigstellung")
# The statuses a measure passes, and how far along it is when it reaches its last one.
PATH = {
    M.PLANNED: ((M.PLANNED, 5),),
    M.PREPARATION: ((M.PLANNED, 5), (M.PREPARATION, 20)),
    M.IMPLEMENTATION: ((M.PLANNED, 5), (M.PREPARATION, 20), (M.IMPLEMENTATION, 80)),
    M.COMPLETED: ((M.PLANNED, 5), (M.PREPARATION, 20), (M.IMPLEMENTATION, 90), (M.COMPLETED, 100)),
    M.DROPPED: ((M.PLANNED, 5), (M.DROPPED, 10)),
}


def generate(ctx: Context) -> None:
    if ctx.measures:
        _implementation(ctx)
    if ctx.volumes.indicators:
        _indicators(ctx)


def _implementation(ctx: Context) -> None:
    rng = ctx.rng("implementation")
    measures = Measure.objects.filter(pk__in=ctx.measures).order_by("pk")
    implementations, updates, milestones = [], [], []
    for pk, status, start, end, unit in measures.values_list(
        "pk", "status", "start", "end", "lead_unit_id"
    ):
        if status == M.IDEA or not start:
            continue
        reports = _reports(ctx, rng, status, start, end)
        last = reports[-1] if reports else None
        implementations.append((pk, last[1] if last else 0, unit, last[0] if last else None))
        updates.extend((pk, day, progress, state) for day, progress, state in reports)
        # By construction the last report has the measure's status (PATH ends with it).
        if end:
            done = (last[1] if last else 0) / 100
            for order, title in enumerate(MILESTONES, start=1):
                share = order / len(MILESTONES)
                due = start + datetime.timedelta(days=round((end - start).days * share))
                reached = due if due <= ctx.today and share <= done + 0.1 else None
                milestones.append((pk, title, due, reached, order))
    w = ctx.writer
    ids = w.ids(MeasureImplementation, len(implementations))
    w.write(
        MeasureImplementation,
        ("id", "measure_id", "progress", "responsible_unit_id", "last_update_on"),
        ((i, *row) for i, row in zip(ids, implementations, strict=True)),
        total=len(implementations),
        label="measures: implementation",
        contact="",
        update_interval_days=INTERVAL,
        reminded_on=None,
        is_sample=True,
    )
    ids = w.ids(ProgressUpdate, len(updates))
    w.write(
        ProgressUpdate,
        ("id", "measure_id", "date", "progress", "status"),
        ((i, *row) for i, row in zip(ids, updates, strict=True)),
        total=len(updates),
        label="measures: progress reports",
        note="Bericht (Skalierungsdaten).",
        author_id=None,
        author_label="Fachbereich (Skalierungsdaten)",
        source=ProgressUpdate.Source.FORM,
        is_sample=True,
    )
    ids = w.ids(ImplementationMilestone, len(milestones))
    w.write(
        ImplementationMilestone,
        ("id", "measure_id", "title", "due_on", "reached_on", "order"),
        ((i, *row) for i, row in zip(ids, milestones, strict=True)),
        total=len(milestones),
        label="measures: milestones",
        is_sample=True,
    )


def _reports(ctx, rng, status, start, end) -> list[tuple[datetime.date, int, str]]:
    """A report every quarter from the start until today (at most eight, the latest
    ones), progress growing along the measure's path of statuses."""
    days = []
    day = start + datetime.timedelta(days=30)
    while day <= ctx.today and (end is None or day <= end + datetime.timedelta(days=INTERVAL)):
        days.append(day)
        day += datetime.timedelta(days=INTERVAL + rng.randrange(-10, 11))
    days = days[-8:]
    path = PATH.get(status, ((status, 0),))
    reports = []
    for n, day in enumerate(days):
        step = (
            min(len(path) - 1, n * len(path) // max(1, len(days) - 1))
            if len(days) > 1
            else len(path) - 1
        )
        state, ceiling = path[step]
        progress = round(ceiling * (n + 1) / len(days)) if state != M.COMPLETED else 100
        if reports:
            progress = max(progress, reports[-1][1])
        reports.append((day, min(progress, 100), state))
    return reports


def _indicators(ctx: Context) -> None:
    rng = ctx.rng("indicators")
    n = ctx.volumes.indicators
    ids = ctx.writer.ids(Indicator, n)
    rows, series = [], []
    per = ctx.volumes.values_per_indicator
    first_month = _months_back(ctx.today.replace(day=1), per - 1)
    for number, pk in enumerate(ids, start=1):
        name, unit, decimals = rng.choice(texts.INDICATORS)
        context = not ctx.measures or rng.random() < 0.1
        measure = None if context else rng.choice(ctx.measures)
        field = rng.choice(ctx.fields).pk if context else ctx.measure_fields[measure]
        higher = rng.random() < 0.7
        baseline = Decimal(rng.randrange(10, 5000))
        target = baseline * Decimal("1.2" if higher else "0.8")
        rows.append(
            (
                pk,
                f"{CODE_PREFIX}{number:05d}",
                Indicator.Kind.CONTEXT if context else Indicator.Kind.RESULT,
                field,
                measure,
                f"{name} ({number})",
                unit,
                decimals,
                baseline,
                first_month.year,
                target.quantize(Decimal("0.0001")),
                first_month.year + 10,
                Indicator.Direction.HIGHER if higher else Indicator.Direction.LOWER,
                number,
            )
        )
        value = float(baseline)
        step = float(target - baseline) / (per * 1.5)
        for k in range(per):
            value = max(0.0, value + step + rng.gauss(0, abs(step) * 2 + 0.5))
            series.append((pk, _months_back(first_month, -k), Decimal(f"{value:.{decimals}f}")))
    w = ctx.writer
    w.write(
        Indicator,
        (
            "id",
            "code",
            "kind",
            "action_field_id",
            "measure_id",
            "name",
            "unit",
            "decimals",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "direction",
            "order",
        ),
        rows,
        total=n,
        label="indicators",
        edition_id=ctx.edition.pk,
        source="Skalierungsdaten",
        is_sample=True,
    )
    value_ids = w.ids(IndicatorValue, len(series))
    w.write(
        IndicatorValue,
        ("id", "indicator_id", "date", "value"),
        ((i, *row) for i, row in zip(value_ids, series, strict=True)),
        total=len(series),
        label="indicators: values",
        is_sample=True,
    )


def _months_back(day: datetime.date, months: int) -> datetime.date:
    """The first of the month ``months`` before ``day`` (negative: after)."""
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)
