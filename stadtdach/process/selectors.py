"""Reads of the process: where it stands, its structure, tasks, contracts and work
packages, the tender specifications. Each selector fetches in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from stadtdach.accounts.models import Role, RoleActivity, StructureLevel
from stadtdach.process.models import (
    Contract,
    Deliverable,
    DraftStage,
    Milestone,
    Phase,
    Specification,
    SpecificationItem,
    SpecificationSection,
    Task,
    WorkPackage,
)
from stadtdach.strategy.models import Edition


def phases(edition: Edition) -> list[Phase]:
    return list(Phase.objects.filter(edition=edition))


def current_phase(phase_list: list[Phase], today: datetime.date | None = None) -> Phase | None:
    """The phase whose dates contain today; before the first, none; after the last, the last."""
    today = today or timezone.localdate()
    started = [p for p in phase_list if p.start and p.start <= today]
    for phase in reversed(started):
        if phase.end is None or today <= phase.end:
            return phase
    return started[-1] if started else None


def next_milestone(edition: Edition, today: datetime.date | None = None) -> Milestone | None:
    today = today or timezone.localdate()
    return (
        Milestone.objects.filter(edition=edition, is_completed=False, date__gte=today)
        .select_related("phase")
        .order_by("date", "pk")
        .first()
    )


def milestones(edition: Edition) -> QuerySet[Milestone]:
    return Milestone.objects.filter(edition=edition).select_related("phase")


def draft_stages(edition: Edition) -> QuerySet[DraftStage]:
    return DraftStage.objects.filter(edition=edition).select_related("phase", "milestone")


def next_steps(edition: Edition) -> QuerySet[Task]:
    """The public tasks (the document's "Nächste Schritte" and later ones)."""
    return Task.objects.filter(edition=edition, is_public=True).select_related(
        "phase", "responsible_role"
    )


def structure() -> QuerySet[StructureLevel]:
    """The three levels with their roles and the roles' activities (3 queries)."""
    return StructureLevel.objects.prefetch_related(
        Prefetch(
            "roles",
            queryset=Role.objects.prefetch_related(
                Prefetch("activities", queryset=RoleActivity.objects.all())
            ),
        )
    )


@dataclass
class Standing:
    phase: Phase | None
    milestone: Milestone | None
    phases: list[Phase]


def standing(edition: Edition, milestone_list: list[Milestone] | None = None) -> Standing:
    """Where the process stands (2 queries: phases, next milestone; 1 when the page has
    loaded every milestone of the edition already and passes them)."""
    phase_list = phases(edition)
    if milestone_list is None:
        upcoming = next_milestone(edition)
    else:
        today = timezone.localdate()
        ahead = [m for m in milestone_list if not m.is_completed and m.date and m.date >= today]
        upcoming = min(ahead, key=lambda m: (m.date, m.pk), default=None)
    return Standing(current_phase(phase_list), upcoming, phase_list)


def search(query: str, edition: Edition | None) -> list[tuple[str, object]]:
    """Phases, milestones and public next steps whose texts contain the query."""
    if edition is None:
        return []
    text = Q(name__icontains=query) | Q(description__icontains=query)
    return (
        [("phase", p) for p in Phase.objects.filter(edition=edition).filter(text)[:20]]
        + [("milestone", m) for m in Milestone.objects.filter(edition=edition).filter(text)[:20]]
        + [
            ("task", t)
            for t in Task.objects.filter(edition=edition, is_public=True).filter(
                Q(title__icontains=query) | Q(description__icontains=query)
            )[:20]
        ]
    )


# Tasks ---------------------------------------------------------------------------------


@dataclass
class TaskFilter:
    status: str = ""
    late: bool = False
    mine: bool = False


def task_queryset(edition: Edition, *, internal: bool) -> QuerySet[Task]:
    tasks = Task.objects.filter(edition=edition).select_related(
        "phase", "responsible_role", "owner"
    )
    return tasks if internal else tasks.filter(is_public=True)


def task_page(edition: Edition, *, user, internal: bool, filters: TaskFilter, page: int):
    """One page of tasks (count, page: 2 queries)."""
    tasks = task_queryset(edition, internal=internal)
    if filters.status:
        tasks = tasks.filter(status=filters.status)
    if filters.late:
        tasks = tasks.filter(due_date__lt=timezone.localdate()).exclude(status=Task.Status.DONE)
    if filters.mine and user.is_authenticated:
        tasks = tasks.filter(owner=user)
    paginator = Paginator(tasks, settings.STADTDACH_PAGE_SIZE)
    return paginator.get_page(page)


def task_detail(pk: int, *, internal: bool) -> Task:
    """A task with its phase, role, owner and measures (2 queries); internal tasks only
    for the people who work on the process."""
    tasks = Task.objects.select_related("phase", "responsible_role", "owner").prefetch_related(
        "measures__action_field"
    )
    if not internal:
        tasks = tasks.filter(is_public=True)
    return get_object_or_404(tasks, pk=pk)


# Contracts and work packages -----------------------------------------------------------


def work_packages(edition: Edition) -> QuerySet[WorkPackage]:
    """Work packages with phase, contract and deliverables (2 queries)."""
    return (
        WorkPackage.objects.filter(edition=edition)
        .select_related("phase", "contract")
        .prefetch_related(Prefetch("deliverables", queryset=Deliverable.objects.all()))
    )


def work_package_page(edition: Edition, *, phase_slug: str, status: str, page: int):
    packages = work_packages(edition)
    if phase_slug:
        packages = packages.filter(phase__slug=phase_slug)
    if status:
        packages = packages.filter(status=status)
    return Paginator(packages, settings.STADTDACH_PAGE_SIZE).get_page(page)


def work_package_detail(pk: int) -> WorkPackage:
    """A work package with phase, contract, deliverables and specification items
    (3 queries)."""
    return get_object_or_404(
        WorkPackage.objects.select_related("phase", "contract", "edition").prefetch_related(
            "deliverables"
        ),
        pk=pk,
    )


def contracts(edition: Edition) -> QuerySet[Contract]:
    """Contracts with phase and the sum and number of their work packages (1 query)."""
    return (
        Contract.objects.filter(edition=edition)
        .select_related("phase", "contact")
        .annotate(
            package_budget=Sum("work_packages__budget"),
            package_count=Count("work_packages", distinct=True),
        )
    )


def contract_detail(pk: int) -> tuple[Contract, list[WorkPackage]]:
    """A contract with its work packages and their deliverables (3 queries)."""
    contract = get_object_or_404(
        Contract.objects.select_related("phase", "specification", "contact"), pk=pk
    )
    packages = list(
        WorkPackage.objects.filter(contract=contract)
        .select_related("phase")
        .prefetch_related("deliverables")
    )
    return contract, packages


# Tender specifications -----------------------------------------------------------------


def specifications(edition: Edition) -> QuerySet[Specification]:
    return Specification.objects.filter(edition=edition).select_related("phase")


def specification_detail(pk: int) -> Specification:
    """The specification with its sections and their items (3 queries). Callers read
    ``spec.sections.all()`` and ``section.items.all()`` from the prefetch."""
    return get_object_or_404(
        Specification.objects.select_related("phase", "edition").prefetch_related(
            Prefetch(
                "sections",
                queryset=SpecificationSection.objects.prefetch_related(
                    Prefetch(
                        "items",
                        queryset=SpecificationItem.objects.select_related("work_package"),
                    )
                ),
            )
        ),
        pk=pk,
    )
