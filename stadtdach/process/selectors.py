"""Reads of the process: where it stands, and its structure."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from stadtdach.accounts.models import Role, RoleActivity, StructureLevel
from stadtdach.process.models import Milestone, Phase, Task
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


def next_steps(edition: Edition) -> QuerySet[Task]:
    return Task.objects.filter(edition=edition).select_related("phase", "responsible_role")


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


def standing(edition: Edition) -> Standing:
    phase_list = phases(edition)
    return Standing(current_phase(phase_list), next_milestone(edition), phase_list)


def search(query: str, edition: Edition | None) -> list[tuple[str, object]]:
    """Phases, milestones and next steps whose texts contain the query."""
    if edition is None:
        return []
    text = Q(name__icontains=query) | Q(description__icontains=query)
    return (
        [("phase", p) for p in Phase.objects.filter(edition=edition).filter(text)[:20]]
        + [("milestone", m) for m in Milestone.objects.filter(edition=edition).filter(text)[:20]]
        + [
            ("task", t)
            for t in Task.objects.filter(edition=edition).filter(
                Q(title__icontains=query) | Q(description__icontains=query)
            )[:20]
        ]
    )
