"""Reads of the monitoring app. Every selector fetches what its page shows in a fixed
number of queries, whatever the number of measures; the status of each measure and
indicator is computed in Python from those rows (status.py)."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404

from stadtdach.monitoring import status
from stadtdach.monitoring.models import (
    ImplementationMilestone,
    ImportJob,
    Indicator,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.strategy.models import ActionField, Edition, Measure

# Lists on dashboards show this many entries and link to the full list.
SHOWN = 25


@dataclass
class MeasureState:
    """A measure with its implementation record and its computed status."""

    measure: Measure
    implementation: MeasureImplementation | None
    assessment: status.Assessment
    today: datetime.date

    @property
    def progress(self) -> int:
        if self.implementation is not None:
            return self.implementation.progress
        return 100 if self.measure.status == Measure.Status.COMPLETED else 0

    @property
    def responsible_unit(self):
        """Named for the implementation, else the measure's lead unit, else the unit
        that leads its action field."""
        unit = self.implementation.responsible_unit if self.implementation else None
        return unit or self.measure.lead_unit or self.measure.action_field.lead_unit

    @property
    def last_update_on(self) -> datetime.date | None:
        return self.implementation.last_update_on if self.implementation else None

    @property
    def next_update_due(self) -> datetime.date | None:
        return self.implementation.next_update_due if self.implementation else None

    @property
    def update_due(self) -> bool:
        """A report is expected: never reported, or the interval has run out. Completed
        and dropped measures report no more."""
        if self.measure.status in (Measure.Status.COMPLETED, Measure.Status.DROPPED):
            return False
        if self.implementation is None:
            return True
        return self.implementation.update_is_due(self.today)


def _implementation(measure: Measure) -> MeasureImplementation | None:
    try:
        return measure.implementation
    except MeasureImplementation.DoesNotExist:
        return None


def state_of(
    measure: Measure, today: datetime.date, implementation: MeasureImplementation | None = None
) -> MeasureState:
    """The state of a measure; its implementation is given, or fetched with it through
    select_related("implementation")."""
    if implementation is None:
        implementation = _implementation(measure)
    progress = (
        implementation.progress
        if implementation
        else (100 if measure.status == Measure.Status.COMPLETED else 0)
    )
    assessment = status.assess_measure(
        status=measure.status, progress=progress, start=measure.start, end=measure.end, today=today
    )
    return MeasureState(measure, implementation, assessment, today)


def measure_state_queryset(edition: Edition) -> QuerySet[Measure]:
    return Measure.objects.filter(edition=edition).select_related(
        "action_field__lead_unit", "lead_unit", "implementation", "implementation__responsible_unit"
    )


def measure_states(edition: Edition, today: datetime.date, **filters) -> list[MeasureState]:
    """Every measure of the edition (optionally filtered) with its state (1 query)."""
    return [state_of(m, today) for m in measure_state_queryset(edition).filter(**filters)]


def health_counts(states: list[MeasureState]) -> list[tuple[str, str, str, int]]:
    """(key, label, symbol, count) for every status, in the order of status.ORDER."""
    counts = Counter(s.assessment.health for s in states)
    return [
        (key, status.Health(key).label, status.SYMBOLS[key], counts.get(key, 0))
        for key in status.ORDER
    ]


def with_latest_value(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-date", "-pk")
    return indicators.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_date=Subquery(latest.values("date")[:1]),
    )


def assess(indicator: Indicator) -> status.Assessment:
    """The status of an indicator annotated by with_latest_value (or with values
    prefetched as ``value_list``)."""
    if hasattr(indicator, "value_list"):
        last = indicator.value_list[-1] if indicator.value_list else None
        latest = (last.date, last.value) if last else None
    else:
        latest = (
            (indicator.latest_date, indicator.latest_value)
            if indicator.latest_date is not None
            else None
        )
    return status.assess_indicator(
        baseline=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        target=indicator.target_value,
        target_year=indicator.target_year,
        higher_is_better=indicator.direction == Indicator.Direction.HIGHER,
        latest=latest,
    )


@dataclass
class IndicatorState:
    indicator: Indicator
    assessment: status.Assessment


def indicator_states(edition: Edition, **filters) -> list[IndicatorState]:
    """Indicators of the edition with their latest value and status (1 query)."""
    indicators = with_latest_value(
        Indicator.objects.filter(edition=edition, **filters).select_related(
            "action_field", "measure"
        )
    )
    return [IndicatorState(i, assess(i)) for i in indicators]


def indicators_with_values(edition: Edition, **filters) -> list[IndicatorState]:
    """Indicators with their whole time series, for charts (2 queries)."""
    indicators = (
        Indicator.objects.filter(edition=edition, **filters)
        .select_related("action_field", "measure")
        .prefetch_related(
            Prefetch(
                "values", queryset=IndicatorValue.objects.order_by("date"), to_attr="value_list"
            )
        )
    )
    return [IndicatorState(i, assess(i)) for i in indicators]


@dataclass
class FieldProgress:
    action_field: ActionField
    measures: int = 0
    progress_sum: int = 0
    health: Counter = field(default_factory=Counter)

    @property
    def average_progress(self) -> int:
        return round(self.progress_sum / self.measures) if self.measures else 0


def field_progress(states: list[MeasureState]) -> list[FieldProgress]:
    """Average progress and status counts per action field (no query)."""
    rows: dict[int, FieldProgress] = {}
    for state in states:
        if state.measure.status in (Measure.Status.DROPPED,):
            continue
        field_ = state.measure.action_field
        row = rows.setdefault(field_.pk, FieldProgress(field_))
        row.measures += 1
        row.progress_sum += state.progress
        row.health[state.assessment.health] += 1
    return sorted(rows.values(), key=lambda r: (r.action_field.order, r.action_field.pk))


@dataclass
class Dashboard:
    edition: Edition
    states: list[MeasureState]
    counts: list
    by_field: list[FieldProgress]
    indicators: list[IndicatorState]
    indicator_counts: list
    due_milestones: list[ImplementationMilestone]
    recent_updates: list[ProgressUpdate]
    updates_due: int


def dashboard(edition: Edition, today: datetime.date) -> Dashboard:
    """The whole ISEK at a glance (4 queries: measures, indicators, milestones, updates)."""
    states = measure_states(edition, today)
    indicators = indicator_states(edition)
    indicator_counter = Counter(s.assessment.health for s in indicators)
    due = list(
        ImplementationMilestone.objects.filter(
            measure__edition=edition, reached_on__isnull=True, due_on__isnull=False
        )
        .select_related("measure")
        .order_by("due_on", "pk")[:10]
    )
    recent = list(
        ProgressUpdate.objects.filter(measure__edition=edition)
        .select_related("measure")
        .order_by("-date", "-pk")[:10]
    )
    return Dashboard(
        edition,
        states,
        health_counts(states),
        field_progress(states),
        indicators,
        [
            (key, status.Health(key).label, status.SYMBOLS[key], indicator_counter.get(key, 0))
            for key in status.ORDER
            if key != status.Health.COMPLETED
        ],
        due,
        recent,
        sum(1 for s in states if s.update_due),
    )


def action_field_or_404(slug: str) -> ActionField:
    try:
        return ActionField.objects.select_related("lead_unit").get(slug=slug)
    except ActionField.DoesNotExist as error:
        raise Http404 from error


@dataclass
class MeasurePage:
    state: MeasureState
    updates: list[ProgressUpdate]
    milestones: list[ImplementationMilestone]
    indicators: list[IndicatorState]


def measure_page(pk: int, today: datetime.date) -> MeasurePage:
    """A measure's implementation: state, status history, milestones, result indicators
    with their series (5 queries)."""
    try:
        measure = Measure.objects.select_related(
            "action_field__lead_unit",
            "lead_unit",
            "edition",
            "implementation",
            "implementation__responsible_unit",
        ).get(pk=pk)
    except Measure.DoesNotExist as error:
        raise Http404 from error
    return MeasurePage(
        state_of(measure, today),
        list(measure.progress_updates.select_related("author")),
        list(measure.implementation_milestones.all()),
        indicators_with_values(measure.edition, measure=measure),
    )


@dataclass
class LastReport:
    date: datetime.date
    note: str
    is_sample: bool


@dataclass
class MeasurePanel:
    state: MeasureState
    last_update: LastReport | None
    milestones: list[ImplementationMilestone]
    indicators: list[IndicatorState]


def measure_panel(measure: Measure, today: datetime.date) -> MeasurePanel:
    """What the measure page shows of the implementation (3 queries: implementation with
    its latest report as subqueries, milestones, result indicators with their latest
    value)."""
    latest = ProgressUpdate.objects.filter(measure=OuterRef("measure")).order_by("-date", "-pk")
    implementation = (
        MeasureImplementation.objects.select_related("responsible_unit")
        .filter(measure=measure)
        .annotate(
            last_date=Subquery(latest.values("date")[:1]),
            last_note=Subquery(latest.values("note")[:1]),
            last_is_sample=Subquery(latest.values("is_sample")[:1]),
        )
        .first()
    )
    if implementation is None:
        # Not reported yet: nothing more to fetch, and no reverse lookup later.
        assessment = status.assess_measure(
            status=measure.status,
            progress=100 if measure.status == Measure.Status.COMPLETED else 0,
            start=measure.start,
            end=measure.end,
            today=today,
        )
        state = MeasureState(measure, None, assessment, today)
        last = None
    else:
        state = state_of(measure, today, implementation)
        last = (
            LastReport(
                implementation.last_date,
                implementation.last_note or "",
                bool(implementation.last_is_sample),
            )
            if implementation.last_date
            else None
        )
    milestones = list(measure.implementation_milestones.all())
    indicators = [
        IndicatorState(i, assess(i))
        for i in with_latest_value(Indicator.objects.filter(measure=measure))
    ]
    return MeasurePanel(state, last, milestones, indicators)


def indicator_or_404(pk: int) -> IndicatorState:
    try:
        indicator = (
            Indicator.objects.select_related("action_field", "measure", "edition")
            .prefetch_related(
                Prefetch(
                    "values", queryset=IndicatorValue.objects.order_by("date"), to_attr="value_list"
                )
            )
            .get(pk=pk)
        )
    except Indicator.DoesNotExist as error:
        raise Http404 from error
    return IndicatorState(indicator, assess(indicator))


def import_jobs_for(user) -> QuerySet[ImportJob]:
    jobs = ImportJob.objects.all()
    if not user.has_perm("monitoring.view_all_imports"):
        jobs = jobs.filter(uploaded_by=user)
    return jobs


def updates_for(user, edition: Edition, today: datetime.date) -> list[MeasureState]:
    """Measures whose progress the user reports: all for coordinators, the measures of
    their department for department staff (1 query)."""
    states = measure_states(edition, today)
    if user.has_perm("monitoring.view_all_updates"):
        return states
    unit = user.unit_id
    return [
        s
        for s in states
        if unit is not None
        and unit
        in (
            s.measure.lead_unit_id,
            s.measure.action_field.lead_unit_id,
            getattr(s.responsible_unit, "pk", None),
        )
    ]
