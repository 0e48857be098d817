"""The financing of the generated measures (programme and budget product) and their
budget lines in the demo's budget years: planned in every year the measure runs,
approved in adopted years, spent in closed ones."""

from decimal import Decimal

from stadtdach.demo.scale.context import Context
from stadtdach.finance.models import (
    Budget,
    BudgetLine,
    BudgetProduct,
    FundingProgramme,
    MeasureFunding,
)
from stadtdach.strategy.models import Measure

CENT = Decimal("0.01")


def generate(ctx: Context) -> None:
    if not ctx.measures:
        return
    rng = ctx.rng("finance")
    programmes = list(FundingProgramme.objects.order_by("order", "pk").values_list("pk", flat=True))
    products = list(
        BudgetProduct.objects.filter(level=BudgetProduct.Level.PRODUCT)
        .order_by("number")
        .values_list("pk", flat=True)
    )
    budgets = list(Budget.objects.order_by("year"))
    measures = list(
        Measure.objects.filter(pk__in=ctx.measures)
        .order_by("pk")
        .values_list("pk", "start", "end", "estimated_cost")
    )
    fundings, lines = [], []
    for pk, start, end, cost in measures:
        if rng.random() < 0.8:
            programme = rng.choice(programmes) if programmes and rng.random() < 0.75 else None
            fundings.append((pk, programme, rng.choice(products) if products else None))
        if not (start and end and cost):
            continue
        years = [b for b in budgets if start.year <= b.year <= end.year]
        if not years:
            continue
        share = (cost / len(years)).quantize(CENT)
        for budget in years:
            planned = share
            approved = spent = None
            if budget.status != Budget.Status.PLANNING:
                approved = (planned * Decimal(rng.uniform(0.8, 1.0))).quantize(CENT)
            if budget.status == Budget.Status.CLOSED:
                spent = (approved * Decimal(rng.uniform(0.5, 1.05))).quantize(CENT)
            lines.append((pk, budget.pk, planned, approved, spent))
    funding_ids = ctx.writer.ids(MeasureFunding, len(fundings))
    ctx.writer.write(
        MeasureFunding,
        ("id", "measure_id", "programme_id", "product_id"),
        ((i, *f) for i, f in zip(funding_ids, fundings, strict=True)),
        total=len(fundings),
        label="measures: financing",
        custom_shares=False,
        is_sample=True,
    )
    line_ids = ctx.writer.ids(BudgetLine, len(lines))
    ctx.writer.write(
        BudgetLine,
        ("id", "measure_id", "budget_id", "planned", "approved", "spent"),
        ((i, *line) for i, line in zip(line_ids, lines, strict=True)),
        total=len(lines),
        label="measures: budget lines",
        is_sample=True,
    )
