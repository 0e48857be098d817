import pytest

from stadtdach.finance.tests.factories import add_finance
from stadtdach.monitoring.tests.factories import add_monitoring
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db):
    """An edition with measures, budgets and funding, progress and indicators."""
    world = build_world(measures=12)
    add_finance(world.edition)
    add_monitoring(world.edition)
    return world


@pytest.fixture
def no_participation(monkeypatch):
    """Documents as long as the participation app offers no summary."""
    from stadtdach.reports.sections import participation

    monkeypatch.setattr(participation, "SUMMARY", "stadtdach.reports.tests.conftest.missing")
