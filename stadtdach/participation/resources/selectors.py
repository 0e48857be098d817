"""Reads of the resources: plan and actual hours and costs per process (fixed queries)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from stadtdach.participation.models import ParticipationProcess, ResourceEntry, ResourcePlan

ZERO = Decimal(0)


@dataclass
class Row:
    process: ParticipationProcess
    planned_hours: Decimal
    planned_costs: Decimal
    actual_hours: Decimal
    actual_costs: Decimal
    has_plan: bool
    is_sample: bool = False

    @property
    def hours_over(self) -> bool:
        return self.actual_hours > self.planned_hours

    @property
    def costs_over(self) -> bool:
        return self.actual_costs > self.planned_costs

    @property
    def is_over(self) -> bool:
        return self.hours_over or self.costs_over

    @property
    def hours_share(self) -> int | None:
        return round(100 * self.actual_hours / self.planned_hours) if self.planned_hours else None

    @property
    def costs_share(self) -> int | None:
        return round(100 * self.actual_costs / self.planned_costs) if self.planned_costs else None


def _sum(field: str, max_digits: int):
    rows = (
        ResourceEntry.objects.filter(process=OuterRef("pk"))
        .order_by()
        .values("process")
        .annotate(total=Sum(field))
        .values("total")
    )
    output = DecimalField(max_digits=max_digits + 4, decimal_places=2)
    return Coalesce(Subquery(rows, output_field=output), Value(ZERO), output_field=output)


def overview(processes=None) -> list[Row]:
    """Every process (or those given) with plan and actuals (1 query)."""
    processes = ParticipationProcess.objects.all() if processes is None else processes
    processes = (
        processes.select_related("resource_plan", "phase")
        .annotate(actual_hours=_sum("hours", 7), actual_costs=_sum("costs", 12))
        .order_by("-starts_at", "pk")
    )
    rows = []
    for p in processes:
        plan = getattr(p, "resource_plan", None)
        rows.append(
            Row(
                process=p,
                planned_hours=plan.planned_hours if plan else ZERO,
                planned_costs=plan.planned_costs if plan else ZERO,
                actual_hours=p.actual_hours,
                actual_costs=p.actual_costs,
                has_plan=plan is not None,
                is_sample=bool(plan and plan.is_sample),
            )
        )
    return rows


def over_plan() -> list[Row]:
    """The processes whose actuals exceed the plan (1 query)."""
    return [r for r in overview() if r.has_plan and r.is_over]


def process_row(process) -> Row:
    return overview(ParticipationProcess.objects.filter(pk=process.pk))[0]


def entries(process):
    return ResourceEntry.objects.filter(process=process).select_related("entered_by")


def plan_of(process) -> ResourcePlan | None:
    return ResourcePlan.objects.filter(process=process).first()
