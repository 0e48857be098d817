"""The status of measures and indicators, computed from the data: on track, at risk or
off track. The rules are written here once and shown with every status, so nobody has
to guess how a traffic light came about (docs/monitoring.md).

Both rules compare what has been achieved with what a straight line from the start to
the goal would have reached by now, in percentage points of the whole way."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stadtdach.strategy.models import Measure

# Behind the straight line by at most this many points of the way: on track; by at most
# AT_RISK_GAP points: at risk; further behind: off track.
ON_TRACK_GAP = 10
AT_RISK_GAP = 25


class Health(models.TextChoices):
    ON_TRACK = "on_track", gettext_lazy("on track")
    AT_RISK = "at_risk", gettext_lazy("at risk")
    OFF_TRACK = "off_track", gettext_lazy("off track")
    COMPLETED = "completed", gettext_lazy("completed")
    NOT_ASSESSED = "not_assessed", gettext_lazy("not assessed")


# Shown beside the word (never colour alone).
SYMBOLS = {
    Health.ON_TRACK: "●",
    Health.AT_RISK: "▲",
    Health.OFF_TRACK: "■",
    Health.COMPLETED: "✓",
    Health.NOT_ASSESSED: "○",
}
ORDER = [Health.ON_TRACK, Health.AT_RISK, Health.OFF_TRACK, Health.COMPLETED, Health.NOT_ASSESSED]


@dataclass(frozen=True)
class Assessment:
    health: str
    reason: str
    expected: int | None = None  # percent of the way expected by now
    achieved: int | None = None  # percent of the way achieved

    @property
    def label(self) -> str:
        return Health(self.health).label

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.health]


def rule_text() -> list[tuple[str, str]]:
    """The rules as shown on the dashboards and in the reports."""
    return [
        (
            Health(Health.ON_TRACK).label,
            _(
                "At most %(gap)d percentage points behind the straight line from start "
                "to goal (or already at the goal)."
            )
            % {"gap": ON_TRACK_GAP},
        ),
        (
            Health(Health.AT_RISK).label,
            _("More than %(low)d and at most %(high)d percentage points behind.")
            % {"low": ON_TRACK_GAP, "high": AT_RISK_GAP},
        ),
        (
            Health(Health.OFF_TRACK).label,
            _(
                "More than %(gap)d percentage points behind, past the end date without "
                "being completed, or (indicators) worse than the baseline."
            )
            % {"gap": AT_RISK_GAP},
        ),
        (
            Health(Health.NOT_ASSESSED).label,
            _(
                "Measures without start and end date, ideas and dropped measures; "
                "indicators without target or values."
            ),
        ),
    ]


def _grade(expected: float, achieved: float) -> str:
    gap = (expected - achieved) * 100
    if gap <= ON_TRACK_GAP:
        return Health.ON_TRACK
    if gap <= AT_RISK_GAP:
        return Health.AT_RISK
    return Health.OFF_TRACK


def grade_measure(elapsed: int, total: int, progress: int) -> str:
    """The measure rule in whole numbers (``elapsed`` and ``total`` days, ``progress``
    percent), so that it gives exactly the same result as its SQL form (sql_status.py):
    behind by at most GAP points means elapsed / total * 100 - progress <= GAP."""
    if elapsed * 100 <= (progress + ON_TRACK_GAP) * total:
        return Health.ON_TRACK
    if elapsed * 100 <= (progress + AT_RISK_GAP) * total:
        return Health.AT_RISK
    return Health.OFF_TRACK


def _pct(fraction: float) -> int:
    return round(max(0.0, min(1.0, fraction)) * 100)


def assess_measure(
    *,
    status: str,
    progress: int,
    start: datetime.date | None,
    end: datetime.date | None,
    today: datetime.date,
) -> Assessment:
    """Progress reported against the time elapsed between the measure's start and end."""
    if status == Measure.Status.COMPLETED:
        return Assessment(Health.COMPLETED, _("The measure is completed."), 100, 100)
    if status in (Measure.Status.DROPPED, Measure.Status.IDEA):
        return Assessment(Health.NOT_ASSESSED, _("Ideas and dropped measures are not assessed."))
    if start is None or end is None or end <= start:
        return Assessment(
            Health.NOT_ASSESSED,
            _("Without a start and an end date there is no schedule to compare."),
        )
    if today > end:
        return Assessment(
            Health.OFF_TRACK,
            _("The end date (%(end)s) has passed; %(progress)d %% are reported.")
            % {"end": end.strftime("%d.%m.%Y"), "progress": progress},
            100,
            progress,
        )
    elapsed, total = (today - start).days, (end - start).days
    expected = elapsed / total
    health = grade_measure(elapsed, total, progress)
    return Assessment(
        health,
        _(
            "By now %(expected)d %% would be reached on a straight line; "
            "%(achieved)d %% are reported."
        )
        % {"expected": _pct(expected), "achieved": progress},
        _pct(expected),
        progress,
    )


def _year_position(date: datetime.date) -> float:
    """A date as a point on the year scale where the end of year Y is Y (baseline and
    target years mean the end of that year)."""
    start = datetime.date(date.year, 1, 1)
    days = (datetime.date(date.year + 1, 1, 1) - start).days
    return date.year - 1 + ((date - start).days + 1) / days


def assess_indicator(
    *,
    baseline: Decimal | None,
    baseline_year: int | None,
    target: Decimal | None,
    target_year: int | None,
    higher_is_better: bool,
    latest: tuple[datetime.date, Decimal] | None,
) -> Assessment:
    """The latest value against the straight line from the baseline to the target."""
    if latest is None:
        return Assessment(Health.NOT_ASSESSED, _("No values yet."))
    if None in (baseline, baseline_year, target, target_year):
        return Assessment(
            Health.NOT_ASSESSED, _("Without baseline and target there is nothing to compare.")
        )
    date, value = latest
    sign = 1 if higher_is_better else -1
    if target == baseline:
        worse = (value - baseline) * sign < 0
        if worse:
            return Assessment(
                Health.OFF_TRACK, _("The value is worse than the baseline that is to be held.")
            )
        return Assessment(Health.ON_TRACK, _("The value holds the baseline."), 100, 100)
    achieved = float((value - baseline) / (target - baseline))
    if achieved >= 1:
        return Assessment(Health.ON_TRACK, _("The target is reached."), 100, 100)
    if achieved < 0:
        return Assessment(
            Health.OFF_TRACK, _("The value is worse than the baseline."), None, _pct(achieved)
        )
    expected = (_year_position(date) - baseline_year) / (target_year - baseline_year)
    expected = max(0.0, min(1.0, expected))
    health = _grade(expected, achieved)
    return Assessment(
        health,
        _(
            "By %(date)s %(expected)d %% of the way from baseline to target would be "
            "covered on a straight line; %(achieved)d %% are covered."
        )
        % {
            "date": date.strftime("%d.%m.%Y"),
            "expected": _pct(expected),
            "achieved": _pct(achieved),
        },
        _pct(expected),
        _pct(achieved),
    )
