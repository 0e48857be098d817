"""The computed status of measures and indicators follows the rules shown to users."""

import datetime
from decimal import Decimal

import pytest

from stadtdach.monitoring.status import Health, assess_indicator, assess_measure, rule_text

D = datetime.date
START, END = D(2024, 1, 1), D(2025, 1, 1)  # 366 days
HALF = D(2024, 7, 2)  # half of the time has passed


@pytest.mark.parametrize(
    ("status", "progress", "today", "health"),
    [
        ("implementation", 50, HALF, Health.ON_TRACK),
        ("implementation", 41, HALF, Health.ON_TRACK),  # 9 points behind
        ("implementation", 35, HALF, Health.AT_RISK),  # 15 behind
        ("implementation", 25, HALF, Health.AT_RISK),  # 25 behind: still at risk
        ("implementation", 20, HALF, Health.OFF_TRACK),  # 30 behind
        ("implementation", 90, D(2025, 3, 1), Health.OFF_TRACK),  # end date passed
        ("planned", 0, D(2023, 6, 1), Health.ON_TRACK),  # not started yet
        ("completed", 100, D(2026, 1, 1), Health.COMPLETED),
        ("dropped", 10, HALF, Health.NOT_ASSESSED),
        ("idea", 0, HALF, Health.NOT_ASSESSED),
    ],
)
def test_measure_rule(status, progress, today, health):
    result = assess_measure(status=status, progress=progress, start=START, end=END, today=today)
    assert result.health == health
    assert result.reason and result.symbol and result.label


def test_measure_without_schedule_is_not_assessed():
    result = assess_measure(status="implementation", progress=50, start=None, end=END, today=HALF)
    assert result.health == Health.NOT_ASSESSED


YEAR_END = D(2025, 12, 31)


def _indicator(value, date=YEAR_END, higher=True, baseline="100", target="200"):
    return assess_indicator(
        baseline=Decimal(baseline),
        baseline_year=2021,
        target=Decimal(target),
        target_year=2029,
        higher_is_better=higher,
        latest=(date, Decimal(value)) if value is not None else None,
    )


def test_indicator_rule():
    # 4 of 8 years: half the way is expected
    assert _indicator("150").health == Health.ON_TRACK
    assert _indicator("135").health == Health.AT_RISK
    assert _indicator("120").health == Health.OFF_TRACK
    assert _indicator("90").health == Health.OFF_TRACK  # worse than the baseline
    assert _indicator("210").health == Health.ON_TRACK  # target reached
    assert _indicator(None).health == Health.NOT_ASSESSED


def test_lower_is_better():
    assert _indicator("50", higher=False, baseline="100", target="0").health == Health.ON_TRACK
    assert _indicator("110", higher=False, baseline="100", target="0").health == Health.OFF_TRACK


def test_holding_a_value():
    assert _indicator("100", target="100").health == Health.ON_TRACK
    assert _indicator("99", target="100").health == Health.OFF_TRACK


def test_rules_are_written_out():
    rules = rule_text()
    assert len(rules) == 4 and all(label and text for label, text in rules)
