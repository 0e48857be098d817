"""Reads of the monitoring app. Every selector fetches what its page shows in a fixed
number of queries, whatever the number of measures; the status of each measure and
indicator is computed in Python from those rows (status.py)."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery, Window
from django.http import Http404
from django.utils import timezone

from stadtdach.core.json_agg import instance, json_rows, row_fields
from stadtdach.monitoring import status, summaries
from stadtdach.monitoring.models import (
    ImplementationMilestone,
    ImportJob,
    Indicator,
    IndicatorRollup,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.monitoring.summaries import IndicatorState
from stadtdach.strategy.models import ActionField, Edition, Measure

# Lists on dashboards show this many entries and link to the full list.
SHOWN = 25
# An action field's dashboard draws this many context indicators per page.
INDICATORS_PER_PAGE = 10
# A measure's pages and panels show this many milestones and result indicators.
MILESTONES_SHOWN = 25
INDICATORS_SHOWN = 10


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
    summary: summaries.HealthSummary
    by_field: list[FieldProgress]
    attention: list[MeasureState]
    indicator_count: int
    indicator_counts: list
    due_milestones: list[ImplementationMilestone]
    recent_updates: list[ProgressUpdate]

    @property
    def counts(self) -> list:
        return self.summary.rows()


def _field_rows(by_field: dict[int, summaries.HealthSummary]) -> list[FieldProgress]:
    """Rows per action field (1 query for the fields), as field_progress() gives them."""
    fields = ActionField.objects.filter(pk__in=list(by_field)).order_by("order", "pk")
    rows = []
    for action_field in fields:
        summary = by_field[action_field.pk]
        counts = Counter(summary.counts)
        counts[status.Health.NOT_ASSESSED] -= summary.measures - summary.active  # dropped
        if summary.active:
            rows.append(FieldProgress(action_field, summary.active, summary.progress_sum, +counts))
    return rows


def dashboard(edition: Edition, today: datetime.date) -> Dashboard:
    """The whole ISEK at a glance, counted in the database (6 queries: measures per field
    and status, the fields, the measures needing attention, indicators per status, open
    milestones, latest reports)."""
    measures = Measure.objects.filter(edition=edition)
    by_field = summaries.summaries_by_field(measures, today)
    attention = summaries.needing_attention(summaries.with_health(measures, today))
    indicator_counter = summaries.indicator_counts(Indicator.objects.filter(edition=edition))
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
        summaries.total(by_field),
        _field_rows(by_field),
        [state_of(m, today) for m in attention[:SHOWN]],
        sum(indicator_counter.values()),
        [
            (key, status.Health(key).label, status.SYMBOLS[key], indicator_counter.get(key, 0))
            for key in status.ORDER
            if key != status.Health.COMPLETED
        ],
        due,
        recent,
    )


def action_field_or_404(slug: str) -> ActionField:
    try:
        return ActionField.objects.select_related("lead_unit").get(slug=slug)
    except ActionField.DoesNotExist as error:
        raise Http404 from error


@dataclass
class FieldDashboard:
    summary: summaries.HealthSummary
    states: list[MeasureState]
    indicators: Page  # of IndicatorState


def field_dashboard(
    edition: Edition, action_field: ActionField, today: datetime.date, indicator_page
) -> FieldDashboard:
    """An action field's dashboard (4 queries: status counts, the first measures, a page
    of context indicators with their rollups and their number)."""
    measures = Measure.objects.filter(edition=edition, action_field=action_field)
    summary = summaries.total(summaries.summaries_by_field(measures, today))
    states = [state_of(m, today) for m in summaries.with_health(measures, today)[:SHOWN]]
    indicators = summaries.indicator_rows(
        Indicator.objects.filter(
            edition=edition, action_field=action_field, kind=Indicator.Kind.CONTEXT
        )
    )
    page = Paginator(indicators, INDICATORS_PER_PAGE).get_page(indicator_page)
    page.object_list = [summaries.state_from_rollup(i) for i in page.object_list]
    return FieldDashboard(summary, states, page)


def measure_list_page(
    edition: Edition, today: datetime.date, *, health: str, field_slug: str, page
):
    """A page of measures with their state, filtered by computed status and action field
    in the database (2 queries: count, page)."""
    measures = summaries.with_health(Measure.objects.filter(edition=edition), today)
    if health:
        measures = measures.filter(health=health)
    if field_slug:
        measures = measures.filter(action_field__slug=field_slug)
    result = Paginator(measures, settings.STADTDACH_PAGE_SIZE).get_page(page)
    result.object_list = [state_of(m, today) for m in result.object_list]
    return result


@dataclass
class MeasurePage:
    state: MeasureState
    updates: Page  # of ProgressUpdate, newest first
    milestones: list[ImplementationMilestone]
    more_milestones: bool
    indicators: list[IndicatorState]
    indicator_count: int


def _first(queryset, limit: int) -> tuple[list, bool]:
    """The first ``limit`` rows and whether there are more (1 query, no COUNT)."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def measure_page(pk: int, today: datetime.date, update_page=None) -> MeasurePage:
    """A measure's implementation: state, a page of its status history, its first
    milestones, its first result indicators with their rollups (6 queries)."""
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
    updates = Paginator(
        measure.progress_updates.select_related("author"), settings.STADTDACH_PAGE_SIZE
    ).get_page(update_page)
    milestones, more_milestones = _first(measure.implementation_milestones.all(), MILESTONES_SHOWN)
    indicators = summaries.indicator_rows(Indicator.objects.filter(measure=measure)).annotate(
        total=Window(Count("pk"))
    )
    shown = list(indicators[:INDICATORS_SHOWN])
    return MeasurePage(
        state_of(measure, today),
        updates,
        milestones,
        more_milestones,
        [summaries.state_from_rollup(i) for i in shown],
        shown[0].total if shown else 0,
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
    more_milestones: bool
    indicators: list[IndicatorState]
    more_indicators: bool


# What the measure panel reads of its milestones and indicators (and the sort keys).
MILESTONE_COLUMNS = ("id", "order", "title", "due_on", "reached_on")
INDICATOR_COLUMNS = (
    *("id", "kind", "order", "code", "name", "unit", "decimals", "direction"),
    *("baseline_value", "baseline_year", "target_value", "target_year"),
)
ROLLUP_COLUMNS = ("indicator_id", "latest_date", "latest_value", "series", "series_yearly")
ROLLUP_COLUMNS += ("value_count",)


def measure_panel(measure: Measure, today: datetime.date) -> MeasurePanel:
    """What the measure page shows of the implementation (1 query: the measure with its
    implementation joined, its latest report as subqueries, its first milestones and its
    first result indicators with their rollups as JSON lists)."""
    latest = ProgressUpdate.objects.filter(measure=OuterRef("pk")).order_by("-date", "-pk")
    milestones = ImplementationMilestone.objects.order_by("order", "due_on", "pk")
    indicators = Indicator.objects.order_by("kind", "order", "code", "pk")
    row = (
        Measure.objects.filter(pk=measure.pk)
        .select_related("implementation__responsible_unit")
        .only("pk", "implementation")  # the page has the measure: only what hangs on it
        .annotate(
            last_date=Subquery(latest.values("date")[:1]),
            last_note=Subquery(latest.values("note")[:1]),
            last_is_sample=Subquery(latest.values("is_sample")[:1]),
            _milestones=json_rows(
                milestones,
                "measure",
                MILESTONES_SHOWN + 1,
                **row_fields(ImplementationMilestone, only=MILESTONE_COLUMNS),
            ),
            _indicators=json_rows(
                indicators,
                "measure",
                INDICATORS_SHOWN + 1,
                **row_fields(Indicator, only=INDICATOR_COLUMNS),
                **row_fields(IndicatorRollup, "rollup__", only=ROLLUP_COLUMNS),
            ),
        )
        .get()
    )
    implementation = getattr(row, "implementation", None)
    if implementation is None:
        # Not reported yet.
        assessment = status.assess_measure(
            status=measure.status,
            progress=100 if measure.status == Measure.Status.COMPLETED else 0,
            start=measure.start,
            end=measure.end,
            today=today,
        )
        state = MeasureState(measure, None, assessment, today)
    else:
        state = state_of(measure, today, implementation)
    last = (
        LastReport(row.last_date, row.last_note or "", bool(row.last_is_sample))
        if implementation is not None and row.last_date
        else None
    )
    milestone_rows = [instance(ImplementationMilestone, m) for m in row._milestones or []]
    # PostgreSQL's order (missing dates last), for the few rows of this measure.
    milestone_rows.sort(key=lambda m: (m.order, m.due_on is None, m.due_on or today, m.pk))
    indicator_rows = []
    for data in row._indicators or []:
        indicator = instance(Indicator, data)
        if data.get("rollup__indicator_id") is not None:
            indicator.rollup = instance(IndicatorRollup, data, "rollup__")
        indicator_rows.append(indicator)
    indicator_rows.sort(key=lambda i: (i.kind, i.order, i.code, i.pk))
    return MeasurePanel(
        state,
        last,
        milestone_rows[:MILESTONES_SHOWN],
        len(milestone_rows) > MILESTONES_SHOWN,
        [summaries.state_from_rollup(i) for i in indicator_rows[:INDICATORS_SHOWN]],
        len(indicator_rows) > INDICATORS_SHOWN,
    )


@dataclass
class FieldPanel:
    summary: summaries.HealthSummary
    indicators: list[IndicatorState]
    more_indicators: bool


def field_panel(action_field: ActionField) -> FieldPanel:
    """The state of an action field's measures in the current edition and its first
    context indicators (2 queries; the edition is joined, not fetched)."""
    today = timezone.localdate()
    measures = Measure.objects.filter(action_field=action_field, edition__is_current=True)
    indicators, more = _first(
        Indicator.objects.filter(
            action_field=action_field, kind=Indicator.Kind.CONTEXT, edition__is_current=True
        ).select_related("rollup"),
        INDICATORS_SHOWN,
    )
    return FieldPanel(
        summaries.total(summaries.summaries_by_field(measures, today)),
        [summaries.state_from_rollup(i) for i in indicators],
        more,
    )


@dataclass
class IndicatorFilters:
    kind: str = ""  # Indicator.Kind or ""
    field_slug: str = ""
    measure: Measure | None = None


def indicator_list_page(edition: Edition, filters: IndicatorFilters, page):
    """A page of indicators with their rollups (2 queries: count, page)."""
    indicators = Indicator.objects.filter(edition=edition)
    if filters.kind:
        indicators = indicators.filter(kind=filters.kind)
    if filters.field_slug:
        indicators = indicators.filter(action_field__slug=filters.field_slug)
    if filters.measure is not None:
        indicators = indicators.filter(measure=filters.measure)
    result = Paginator(summaries.indicator_rows(indicators), settings.STADTDACH_PAGE_SIZE).get_page(
        page
    )
    result.object_list = [summaries.state_from_rollup(i) for i in result.object_list]
    return result


def indicator_or_404(pk: int) -> IndicatorState:
    """An indicator with its rollup (1 query); its values come page by page."""
    try:
        indicator = Indicator.objects.select_related(
            "action_field", "measure", "edition", "rollup"
        ).get(pk=pk)
    except Indicator.DoesNotExist as error:
        raise Http404 from error
    return summaries.state_from_rollup(indicator)


def indicator_values_page(indicator: Indicator, page) -> Page:
    """The indicator's values, newest first, a page at a time (2 queries: count, page)."""
    return Paginator(
        IndicatorValue.objects.filter(indicator=indicator).order_by("-date", "-pk"),
        settings.STADTDACH_PAGE_SIZE,
    ).get_page(page)


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
