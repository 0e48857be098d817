"""Reads of the finance app. The cost and financing overview is computed in Python from
three queries, whatever the number of measures (the tests hold it to that)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, DecimalField, F, Func, Prefetch, QuerySet, Sum, Value, When

from stadtdach.core.json_agg import instance, json_rows, row_fields
from stadtdach.finance.models import (
    HUNDRED,
    SHARE_FIELDS,
    Budget,
    BudgetLine,
    BudgetProduct,
    FundingProgramme,
    FundingSource,
    MeasureFunding,
    town_only,
)
from stadtdach.finance.money import CENT, ZERO, add_into, cents, split
from stadtdach.strategy.models import ActionField, Edition, Measure

SOURCES = FundingSource.choices


def _zero_sources() -> dict[str, Decimal]:
    return dict.fromkeys(FundingSource.values, ZERO)


@dataclass
class Amounts:
    """Planned costs per year, approved and spent totals, and the funding by source."""

    by_year: dict[int, Decimal] = field(default_factory=dict)
    approved: Decimal = ZERO
    spent: Decimal = ZERO
    funding: dict[str, Decimal] = field(default_factory=_zero_sources)

    @property
    def total(self) -> Decimal:
        return sum(self.by_year.values(), ZERO)

    def year_cells(self, years: list[int]) -> list[Decimal | None]:
        return [self.by_year.get(year) for year in years]

    def funding_cells(self) -> list[Decimal]:
        return [self.funding[source] for source in FundingSource.values]

    def add(self, other: "Amounts") -> None:
        for year, amount in other.by_year.items():
            self.by_year[year] = self.by_year.get(year, ZERO) + amount
        self.approved += other.approved
        self.spent += other.spent
        add_into(self.funding, other.funding)


@dataclass
class MeasureRow:
    measure: Measure
    funding: MeasureFunding | None
    amounts: Amounts
    shares: dict[str, Decimal]

    @property
    def programme(self) -> FundingProgramme | None:
        return self.funding.programme if self.funding else None

    @property
    def product(self) -> BudgetProduct | None:
        return self.funding.product if self.funding else None


@dataclass
class TotalRow:
    label: str
    obj: object
    amounts: Amounts = field(default_factory=Amounts)
    measures: int = 0


@dataclass
class CostOverview:
    """The Kosten- und Finanzierungsübersicht of one edition."""

    edition: Edition
    years: list[int]
    rows: list[MeasureRow]
    by_field: list[TotalRow]
    by_programme: list[TotalRow]
    by_year: list[tuple[int, Amounts]]
    total: Amounts

    @property
    def sources(self):
        return SOURCES


def _lines_by_measure(
    lines,
) -> dict[int, list[tuple[int, Decimal, Decimal | None, Decimal | None]]]:
    grouped = defaultdict(list)
    for measure_id, year, planned, approved, spent in lines:
        grouped[measure_id].append((year, planned, approved, spent))
    return grouped


def _amounts(lines, shares, per_year_sources: dict[int, dict[str, Decimal]]) -> Amounts:
    """Each budget line's planned amount is split by the shares; everything else adds
    those exact parts, so every table of the overview sums the same cents."""
    amounts = Amounts()
    for year, planned, approved, spent in lines:
        amounts.by_year[year] = amounts.by_year.get(year, ZERO) + planned
        amounts.approved += approved or ZERO
        amounts.spent += spent or ZERO
        parts = split(planned, shares)
        add_into(amounts.funding, parts)
        add_into(per_year_sources.setdefault(year, _zero_sources()), parts)
    return amounts


def cost_overview(edition: Edition) -> CostOverview:
    """Measures × years with costs, funding by source and own share, and the totals per
    action field, programme and year (3 queries: measures, budget lines, financing)."""
    measures = list(
        Measure.objects.filter(edition=edition)
        .select_related("action_field")
        .only(
            "pk",
            "code",
            "title",
            "is_sample",
            "sample_note",
            "status",
            "estimated_cost",
            "action_field__id",
            "action_field__name",
            "action_field__slug",
            "action_field__order",
        )
    )
    lines = _lines_by_measure(
        BudgetLine.objects.filter(measure__edition=edition)
        .order_by("budget__year")
        .values_list("measure_id", "budget__year", "planned", "approved", "spent")
    )
    fundings = {
        f.measure_id: f
        for f in MeasureFunding.objects.filter(measure__edition=edition).select_related(
            "programme", "product"
        )
    }
    per_year_sources: dict[int, dict[str, Decimal]] = {}
    per_year: dict[int, Amounts] = defaultdict(Amounts)
    rows, fields, programmes = [], {}, {}
    total = Amounts()
    for measure in measures:
        funding = fundings.get(measure.pk)
        shares = funding.effective_shares() if funding else town_only()
        measure_lines = lines.get(measure.pk, [])
        amounts = _amounts(measure_lines, shares, per_year_sources)
        for year, planned, approved, spent in measure_lines:
            year_amounts = per_year[year]
            year_amounts.by_year[year] = year_amounts.by_year.get(year, ZERO) + planned
            year_amounts.approved += approved or ZERO
            year_amounts.spent += spent or ZERO
        rows.append(MeasureRow(measure, funding, amounts, shares))
        action_field = measure.action_field
        field_row = fields.setdefault(action_field.pk, TotalRow(action_field.name, action_field))
        programme = funding.programme if funding else None
        key = programme.pk if programme else None
        programme_row = programmes.setdefault(
            key, TotalRow(programme.name if programme else "", programme)
        )
        for row in (field_row, programme_row):
            row.amounts.add(amounts)
            row.measures += 1
        total.add(amounts)
    for year, amounts in per_year.items():
        amounts.funding = per_year_sources.get(year, _zero_sources())
    years = sorted(per_year)
    by_field = sorted(fields.values(), key=lambda row: (row.obj.order, row.obj.pk))
    by_programme = sorted(
        programmes.values(),
        key=lambda row: (row.obj is None, getattr(row.obj, "order", 0), row.label),
    )
    return CostOverview(
        edition, years, rows, by_field, by_programme, [(y, per_year[y]) for y in years], total
    )


def programme_list() -> QuerySet[FundingProgramme]:
    return FundingProgramme.objects.all()


def product_tree() -> list[BudgetProduct]:
    """Every product area with its groups and their products (3 queries)."""
    return list(
        BudgetProduct.objects.filter(level=BudgetProduct.Level.AREA).prefetch_related(
            Prefetch(
                "children",
                queryset=BudgetProduct.objects.filter(
                    level=BudgetProduct.Level.GROUP
                ).prefetch_related("children"),
            )
        )
    )


def budget_list() -> QuerySet[Budget]:
    return Budget.objects.all()


@dataclass
class MeasureFinance:
    measure: Measure
    funding: MeasureFunding | None
    lines: list[BudgetLine]
    amounts: Amounts
    shares: list[tuple[str, str, Decimal, Decimal]]  # key, label, percent, amount

    @property
    def has_data(self) -> bool:
        return bool(self.funding or self.lines)


def measure_finance(measure: Measure) -> MeasureFinance:
    """Budget lines and financing of one measure (1 query: the measure's financing
    joined, its budget lines, one per year, as a JSON list)."""
    row = (
        Measure.objects.filter(pk=measure.pk)
        .select_related("funding__programme", "funding__product__parent__parent")
        .only("pk", "funding")  # the page has the measure: only what hangs on it
        .annotate(
            _lines=json_rows(
                BudgetLine.objects.all(),
                "measure",
                **row_fields(BudgetLine, only=("id", "budget_id", "planned", "approved", "spent")),
                budget_year="budget__year",
            )
        )
        .get()
    )
    funding = getattr(row, "funding", None)  # reverse one-to-one: absent until financed
    lines = []
    for data in sorted(row._lines or [], key=lambda d: (d["budget_year"], d["id"])):
        line = instance(BudgetLine, data)
        line.budget = Budget(pk=line.budget_id, year=data["budget_year"])
        lines.append(line)
    shares = funding.effective_shares() if funding else town_only()
    amounts = _amounts(
        [(line.budget.year, line.planned, line.approved, line.spent) for line in lines],
        shares,
        {},
    )
    return MeasureFinance(
        measure,
        funding,
        lines,
        amounts,
        [
            (key, label, shares[key], amounts.funding[key])
            for key, label in SOURCES
            if shares[key] or amounts.funding[key]
        ],
    )


class _PartCents(Func):
    """One source's part of a budget line in cents, rounded half up exactly like
    money.split (planned EUR × share % = planned × share cents; both are ≥ 0)."""

    template = "ROUND(%(expressions)s)"  # numeric: exact
    arg_joiner = " * "
    output_field = DecimalField(max_digits=24, decimal_places=0)

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite keeps decimals as floats: whole cents times whole ten-thousandths of a
        # percent, in integers, rounded half up, so no float rounding creeps in.
        planned, planned_params = compiler.compile(self.source_expressions[0])
        share, share_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"((CAST(ROUND(({planned}) * 100) AS INTEGER)"
            f" * CAST(ROUND(({share}) * 10000) AS INTEGER) + 500000) / 1000000)"
        )
        return sql, (*planned_params, *share_params)


def _effective_share(source: str):
    """The share of one source that applies to a budget line's measure, in SQL:
    MeasureFunding.effective_shares() (own shares, the programme's, or 100 % town)."""
    name = SHARE_FIELDS[source]
    return Case(
        When(measure__funding__custom_shares=True, then=F(f"measure__funding__{name}")),
        When(
            measure__funding__programme__isnull=False,
            then=F(f"measure__funding__programme__{name}"),
        ),
        default=Value(HUNDRED if source == FundingSource.TOWN else Decimal("0")),
        output_field=DecimalField(max_digits=7, decimal_places=4),
    )


THIRD_PARTIES = [source for source in FundingSource.values if source != FundingSource.TOWN]


def action_field_finance(action_field: ActionField, edition: Edition | None = None) -> Amounts:
    """The planned, approved and spent money of one action field's measures, with the
    funding by source (1 query, one row per budget year, however many lines: each line
    is split by its shares in SQL, every part rounded to the cent as money.split does,
    the town carries the rest). Without an edition: the current one (joined, not
    fetched, so a panel needs no extra query)."""
    scope = {"measure__action_field": action_field}
    if edition is None:
        scope["measure__edition__is_current"] = True
    else:
        scope["measure__edition"] = edition
    rows = (
        BudgetLine.objects.filter(**scope)
        .order_by()
        .values("budget__year")
        .annotate(
            planned_sum=Sum("planned"),
            approved_sum=Sum("approved"),
            spent_sum=Sum("spent"),
            **{
                f"part_{source}": Sum(_PartCents("planned", _effective_share(source)))
                for source in THIRD_PARTIES
            },
        )
        .order_by("budget__year")
    )
    total = Amounts()
    for row in rows:
        planned = cents(row["planned_sum"] or ZERO)
        total.by_year[row["budget__year"]] = planned
        total.approved += row["approved_sum"] or ZERO
        total.spent += row["spent_sum"] or ZERO
        parts = {
            source: (Decimal(row[f"part_{source}"] or 0) / 100).quantize(CENT)
            for source in THIRD_PARTIES
        }
        parts[FundingSource.TOWN] = planned - sum(parts.values(), ZERO)
        add_into(total.funding, parts)
    return total


def year_finance(edition: Edition, year: int, action_field_ids=None) -> list[TotalRow]:
    """Planned, approved and spent money of one budget year per action field, with the
    funding by source (2 queries) — for the monitoring and committee reports."""
    lines = BudgetLine.objects.filter(measure__edition=edition, budget__year=year)
    fundings = MeasureFunding.objects.filter(measure__edition=edition).select_related("programme")
    if action_field_ids is not None:
        lines = lines.filter(measure__action_field__in=action_field_ids)
        fundings = fundings.filter(measure__action_field__in=action_field_ids)
    funding_by_measure = {f.measure_id: f for f in fundings}
    rows: dict[int, TotalRow] = {}
    for line in lines.select_related("measure__action_field").order_by(
        "measure__action_field__order", "measure__code"
    ):
        action_field = line.measure.action_field
        row = rows.setdefault(action_field.pk, TotalRow(action_field.name, action_field))
        funding = funding_by_measure.get(line.measure_id)
        shares = funding.effective_shares() if funding else town_only()
        row.amounts.add(_amounts([(year, line.planned, line.approved, line.spent)], shares, {}))
        row.measures += 1
    return list(rows.values())
