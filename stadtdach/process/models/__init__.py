"""The process that creates, implements and updates an edition: the schedule (phases,
milestones, draft stages), tasks, contracts and work packages, and the tender
specification. See docs/process.md."""

from stadtdach.process.models.contracts import Contract, Deliverable, WorkPackage
from stadtdach.process.models.schedule import DraftStage, Milestone, Phase
from stadtdach.process.models.specification import (
    Specification,
    SpecificationExport,
    SpecificationItem,
    SpecificationSection,
)
from stadtdach.process.models.tasks import Task

__all__ = [
    "Contract",
    "Deliverable",
    "DraftStage",
    "Milestone",
    "Phase",
    "Specification",
    "SpecificationExport",
    "SpecificationItem",
    "SpecificationSection",
    "Task",
    "WorkPackage",
]
