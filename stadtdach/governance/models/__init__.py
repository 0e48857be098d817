"""Governance: the bodies, their meetings and papers, and the steering group's workspace.
See docs/governance.md."""

from stadtdach.governance.models.bodies import (
    Authority,
    Body,
    LegislativeTerm,
    Location,
    Membership,
    Person,
)
from stadtdach.governance.models.meetings import (
    AgendaItem,
    Attendance,
    CadenceRule,
    Document,
    Meeting,
)
from stadtdach.governance.models.papers import (
    BodyFinding,
    Consultation,
    Decision,
    Paper,
    TaskLink,
)

__all__ = [
    "AgendaItem",
    "Attendance",
    "Authority",
    "Body",
    "BodyFinding",
    "CadenceRule",
    "Consultation",
    "Decision",
    "Document",
    "LegislativeTerm",
    "Location",
    "Meeting",
    "Membership",
    "Paper",
    "Person",
    "TaskLink",
]
