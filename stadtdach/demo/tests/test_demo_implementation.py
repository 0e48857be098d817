"""The demo's implementation, finance, monitoring and revisions: all sample data, every
status on the dashboard, consistent money, three revisions to compare, and loading twice
changes nothing."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from stadtdach.finance import selectors as finance_selectors
from stadtdach.finance.models import BudgetLine, FundingProgramme, MeasureFunding
from stadtdach.monitoring import selectors as monitoring_selectors
from stadtdach.monitoring.models import Indicator, IndicatorValue, ProgressUpdate
from stadtdach.reports import diff
from stadtdach.reports.models import Revision
from stadtdach.strategy.models import Edition, Measure


@pytest.fixture
def demo(demo):
    return Edition.objects.get(slug="isek-2022")


def test_everything_added_is_sample_data(demo):
    for model in (BudgetLine, MeasureFunding, ProgressUpdate, Indicator, IndicatorValue, Revision):
        assert model.objects.exists(), model
        assert not model.objects.filter(is_sample=False, sample_note="").exists(), model
    urban = FundingProgramme.objects.filter(kind="urban")
    assert {p.name for p in urban} == {
        "Lebendige Zentren",
        "Sozialer Zusammenhalt",
        "Wachstum und nachhaltige Erneuerung",
    }
    assert all(p.share_town == Decimal("33.3334") and p.sample_note for p in urban)


def test_the_budgets_add_up_to_the_estimated_costs(demo):
    overview = finance_selectors.cost_overview(demo)
    for row in overview.rows:
        measure = row.measure
        if row.amounts.by_year:
            assert row.amounts.total == measure.estimated_cost, measure.code
    assert MeasureFunding.objects.filter(custom_shares=True).count() == 2


def test_the_dashboard_shows_every_status(demo):
    states = monitoring_selectors.measure_states(demo, timezone.localdate())
    counts = {
        key: count for key, _label, _symbol, count in monitoring_selectors.health_counts(states)
    }
    assert all(
        counts[key] for key in ("on_track", "at_risk", "off_track", "completed", "not_assessed")
    )
    assert Indicator.objects.filter(kind="context").values("action_field").distinct().count() == 8


def test_every_indicator_has_its_rollup(demo):
    """The demo writes its values directly; the rollups the dashboards read are rebuilt."""
    from stadtdach.monitoring.tests.test_rollups import assert_rollups_are_true

    assert_rollups_are_true()
    assert not Indicator.objects.filter(rollup__health="not_assessed").exists()


def test_three_revisions_and_their_differences(demo):
    old, adopted, update = Revision.objects.order_by("published_on")
    assert (old.edition.slug, adopted.edition.slug, update.edition.slug) == (
        "isek-2002-2017",
        "isek-2022",
        "isek-2022",
    )
    sections = {s.key: s for s in diff.compare(adopted.snapshot, update.snapshot)}
    assert {i.key for i in sections["measures"].added} == {"KUL-3", "VWT-3"}
    assert {i.key for i in sections["measures"].changed} == {"WIR-3", "WOH-2", "VER-1"}
    assert [i.key for i in sections["indicators"].changed] == ["K-RAD"]
    assert sections["vision"].changed and sections["goals"].changed
    across = {s.key: s for s in diff.compare(old.snapshot, update.snapshot)}
    assert {i.key for i in across["themes"].added} and across["measures"].removed


def test_loading_twice_changes_nothing(demo):
    def counts():
        return [m.objects.count() for m in (BudgetLine, ProgressUpdate, IndicatorValue, Revision)]

    before, pks = counts(), list(Measure.objects.values_list("pk", flat=True))
    call_command("load_boizenburg_demo")
    assert counts() == before
    assert list(Measure.objects.values_list("pk", flat=True)) == pks
