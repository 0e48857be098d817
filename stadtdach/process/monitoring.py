"""Process monitoring for the coordinators: what is late, what is due in the next four
weeks, and where each milestone stands. Shared by the dashboard and the weekly e-mail."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from stadtdach.process.models import Deliverable, Milestone, Task, WorkPackage
from stadtdach.strategy.models import Edition

LOOKAHEAD_DAYS = 28  # "in the next four weeks"


@dataclass
class MilestoneState:
    milestone: Milestone
    state: str  # "reached", "late", "due" (within the look-ahead), "planned"


@dataclass
class ProcessStatus:
    today: datetime.date
    horizon: datetime.date
    late_tasks: list[Task] = field(default_factory=list)
    due_tasks: list[Task] = field(default_factory=list)
    late_packages: list[WorkPackage] = field(default_factory=list)
    due_packages: list[WorkPackage] = field(default_factory=list)
    awaiting_acceptance: list[WorkPackage] = field(default_factory=list)
    late_deliverables: list[Deliverable] = field(default_factory=list)
    due_deliverables: list[Deliverable] = field(default_factory=list)
    milestones: list[MilestoneState] = field(default_factory=list)

    @property
    def late_count(self) -> int:
        late_milestones = sum(1 for m in self.milestones if m.state == "late")
        return (
            len(self.late_tasks)
            + len(self.late_packages)
            + len(self.late_deliverables)
            + late_milestones
        )

    @property
    def due_count(self) -> int:
        due_milestones = sum(1 for m in self.milestones if m.state == "due")
        return (
            len(self.due_tasks)
            + len(self.due_packages)
            + len(self.due_deliverables)
            + due_milestones
        )


def _milestone_state(milestone: Milestone, today, horizon) -> str:
    if milestone.is_completed:
        return "reached"
    if milestone.date < today:
        return "late"
    if milestone.date <= horizon:
        return "due"
    return "planned"


# Lists on the dashboard are cut here; the counts above them are complete.
SHOWN = 50


def process_status(edition: Edition, today: datetime.date | None = None) -> ProcessStatus:
    """Everything late or due for the edition (6 queries, whatever the amount of data)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS)
    status = ProcessStatus(today=today, horizon=horizon)
    open_tasks = (
        Task.objects.filter(edition=edition, due_date__isnull=False, due_date__lte=horizon)
        .exclude(status=Task.Status.DONE)
        .select_related("owner", "responsible_role", "phase")
        .order_by("due_date", "pk")
    )
    for task in open_tasks[: SHOWN * 2]:
        (status.late_tasks if task.due_date < today else status.due_tasks).append(task)
    open_states = (
        WorkPackage.Status.PLANNED,
        WorkPackage.Status.IN_PROGRESS,
        WorkPackage.Status.REWORK,
    )
    packages = (
        WorkPackage.objects.filter(
            edition=edition,
            status__in=open_states,
            due_date__isnull=False,
            due_date__lte=horizon,
        )
        .select_related("phase", "contract")
        .order_by("due_date", "pk")
    )
    for package in packages[: SHOWN * 2]:
        (status.late_packages if package.due_date < today else status.due_packages).append(package)
    status.awaiting_acceptance = list(
        WorkPackage.objects.filter(edition=edition, status=WorkPackage.Status.DELIVERED)
        .select_related("phase", "contract")
        .order_by("due_date", "pk")[:SHOWN]
    )
    deliverables = (
        Deliverable.objects.filter(
            work_package__edition=edition,
            delivered_on__isnull=True,
            due_date__isnull=False,
            due_date__lte=horizon,
        )
        .select_related("work_package")
        .order_by("due_date", "pk")
    )
    for deliverable in deliverables[: SHOWN * 2]:
        late = deliverable.due_date < today
        (status.late_deliverables if late else status.due_deliverables).append(deliverable)
    # Every milestone that is not simply reached, plus the reached ones of the last weeks.
    recent = today - datetime.timedelta(days=LOOKAHEAD_DAYS)
    relevant = (
        Milestone.objects.filter(edition=edition)
        .filter(Q(is_completed=False) | Q(date__gte=recent))
        .select_related("phase")
        .order_by("date", "pk")
    )
    status.milestones = [
        MilestoneState(m, _milestone_state(m, today, horizon)) for m in relevant[:SHOWN]
    ]
    return status
