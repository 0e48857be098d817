"""The action field's money is split in SQL; it must give exactly the cents that
splitting every budget line in Python (money.split) gives."""

import random
from decimal import Decimal

from stadtdach.finance.models import BudgetLine, FundingSource, MeasureFunding, town_only
from stadtdach.finance.money import ZERO, add_into, split
from stadtdach.finance.selectors import Amounts, action_field_finance
from stadtdach.finance.tests.factories import add_finance
from stadtdach.strategy.tests.factories import build_world


def _in_python(action_field, edition) -> Amounts:
    total = Amounts()
    lines = BudgetLine.objects.filter(measure__action_field=action_field, measure__edition=edition)
    for line in lines.select_related("budget", "measure__funding__programme"):
        funding = MeasureFunding.objects.filter(measure_id=line.measure_id).first()
        shares = funding.effective_shares() if funding else town_only()
        year = line.budget.year
        total.by_year[year] = total.by_year.get(year, ZERO) + line.planned
        total.approved += line.approved or ZERO
        total.spent += line.spent or ZERO
        add_into(total.funding, split(line.planned, shares))
    return total


def test_sql_split_gives_the_same_cents_as_python(db):
    world = build_world(measures=12)
    add_finance(world.edition)
    rng = random.Random(10)
    fundings = list(MeasureFunding.objects.all())
    for i, funding in enumerate(fundings):
        if i % 4 == 0:  # own shares with four decimals: many half cents
            funding.custom_shares = True
            funding.share_federation = Decimal("12.3456")
            funding.share_state = Decimal("33.3333")
            funding.share_eu = Decimal("0.0005")
            funding.share_other = Decimal("4.3206")
            funding.share_town = Decimal("50.0000")
            funding.save()
    fundings[1].delete()  # a measure without financing: the town pays all
    for line in BudgetLine.objects.all():
        line.planned = Decimal(rng.randint(0, 10**9)) / 100
        line.save()
    for action_field in world.fields:
        sql = action_field_finance(action_field, world.edition)
        python = _in_python(action_field, world.edition)
        assert sql.by_year == python.by_year
        assert (sql.approved, sql.spent) == (python.approved, python.spent)
        assert sql.funding == python.funding
        assert sum(sql.funding.values(), ZERO) == sql.total
    assert any(action_field_finance(f).funding[FundingSource.EU] for f in world.fields)
