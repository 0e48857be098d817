"""Budgets, programmes and the financing of measures for tests, created in bulk so that
1,000 measures take a moment."""

from dataclasses import dataclass
from decimal import Decimal

from stadtdach.finance.models import (
    Budget,
    BudgetLine,
    BudgetProduct,
    FundingProgramme,
    MeasureFunding,
)
from stadtdach.strategy.models import Measure

THIRDS = {
    "share_federation": Decimal("33.3333"),
    "share_state": Decimal("33.3333"),
    "share_town": Decimal("33.3334"),
}


@dataclass
class Finance:
    budgets: list[Budget]
    product: BudgetProduct
    programmes: list[FundingProgramme]


def catalogue() -> Finance:
    budgets = [
        Budget.objects.create(year=2024, status="closed"),
        Budget.objects.create(year=2025, status="adopted"),
        Budget.objects.create(year=2026, status="planning"),
    ]
    area = BudgetProduct.objects.create(number="5", name="Gestaltung der Umwelt", level="area")
    group = BudgetProduct.objects.create(
        number="51", name="Räumliche Planung", level="group", parent=area
    )
    product = BudgetProduct.objects.create(
        number="51100", name="Räumliche Planung und Entwicklung", level="product", parent=group
    )
    programmes = [
        FundingProgramme.objects.create(
            name="Lebendige Zentren", slug="lebendige-zentren", kind="urban", **THIRDS
        ),
        FundingProgramme.objects.create(
            name="EFRE", slug="efre", kind="eu", share_eu=Decimal("75"), share_town=Decimal("25")
        ),
    ]
    return Finance(budgets, product, programmes)


def add_finance(edition, finance: Finance | None = None) -> Finance:
    """Financing and three budget lines for every measure of the edition that has none."""
    finance = finance or catalogue()
    measures = list(Measure.objects.filter(edition=edition, funding__isnull=True))
    MeasureFunding.objects.bulk_create(
        MeasureFunding(
            measure=m,
            programme=finance.programmes[i % 3] if i % 3 < 2 else None,
            product=finance.product,
        )
        for i, m in enumerate(measures)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            measure=m,
            budget=budget,
            planned=Decimal("10000.00") + i,
            approved=Decimal("10000.00") if budget.status != "planning" else None,
            spent=Decimal("9000.00") if budget.status == "closed" else None,
        )
        for i, m in enumerate(measures)
        for budget in finance.budgets
    )
    return finance
