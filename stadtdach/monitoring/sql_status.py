"""The measure rule of status.py as SQL expressions, so that dashboards count, filter
and sort thousands of measures by their computed status in the database instead of
building every measure in Python.

A measure's status depends on today's date and five columns (status, start, end, the
implementation's progress): it needs no stored rollup, and it can never be stale. The
whole-number form of the rule (``status.grade_measure``) makes both forms agree exactly;
``tests/test_sql_status.py`` compares them."""

import datetime

from django.db.models import (
    Case,
    DateField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual

from stadtdach.monitoring import status
from stadtdach.strategy.models import Measure

M = Measure.Status
H = status.Health


class DaysBetween(Func):
    """Whole days from ``earlier`` to ``later`` (negative when ``later`` comes first)."""

    output_field = IntegerField()
    arity = 2

    def __init__(self, later, earlier):
        super().__init__(later, earlier)

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: date - date is an integer number of days.
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ")

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _day(value: datetime.date) -> Value:
    return Value(value, output_field=DateField())


def progress() -> Coalesce:
    """The reported progress; without a report 100 for completed measures, else 0."""
    return Coalesce(
        F("implementation__progress"),
        Case(When(status=M.COMPLETED, then=Value(100)), default=Value(0)),
        output_field=IntegerField(),
    )


def health(today: datetime.date) -> Case:
    """status.assess_measure(...).health as an SQL expression."""
    elapsed = DaysBetween(_day(today), F("start"))
    total = DaysBetween(F("end"), F("start"))
    reported = Coalesce(F("implementation__progress"), Value(0), output_field=IntegerField())

    def behind_at_most(gap: int):
        return LessThanOrEqual(
            ExpressionWrapper(elapsed * Value(100), output_field=IntegerField()),
            ExpressionWrapper((reported + Value(gap)) * total, output_field=IntegerField()),
        )

    return Case(
        When(status=M.COMPLETED, then=Value(H.COMPLETED)),
        When(status__in=(M.DROPPED, M.IDEA), then=Value(H.NOT_ASSESSED)),
        When(
            Q(start__isnull=True) | Q(end__isnull=True) | Q(end__lte=F("start")),
            then=Value(H.NOT_ASSESSED),
        ),
        When(end__lt=today, then=Value(H.OFF_TRACK)),
        When(behind_at_most(status.ON_TRACK_GAP), then=Value(H.ON_TRACK)),
        When(behind_at_most(status.AT_RISK_GAP), then=Value(H.AT_RISK)),
        default=Value(H.OFF_TRACK),
    )


def update_due(today: datetime.date) -> Q:
    """A progress report is expected (MeasureState.update_due): never reported, or the
    interval has run out; completed and dropped measures report no more."""
    last = F("implementation__last_update_on")
    return ~Q(status__in=(M.COMPLETED, M.DROPPED)) & (
        Q(implementation__isnull=True)
        | Q(implementation__last_update_on__isnull=True)
        | Q(
            LessThanOrEqual(
                F("implementation__update_interval_days"), DaysBetween(_day(today), last)
            )
        )
    )


def with_health(measures: QuerySet[Measure], today: datetime.date) -> QuerySet[Measure]:
    """Measures annotated with ``health`` and ``progress_now``."""
    return measures.annotate(health=health(today), progress_now=progress())
