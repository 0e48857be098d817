"""Who may take part, and who runs participation.

ONE predicate decides every action of every format: ``may_act(user, target, action)``.
It opens "contribute", "comment", "vote" and "rate" when the process is published, its
time window is open, its format offers the action, and the user may take part (an account,
or anonymously where the process allows it; internal processes only for the steering
group, the coordination and the consultant). ``decide`` gives the reason as well, so that
pages can say why something is closed. The matrix is tested in tests/test_permissions.py.

A target is a ParticipationProcess (an action of any of its formats), or any object with
``participation_target()`` returning ``(process, format_code)``: a Contribution, and the
objects of later formats (a survey, a draft paragraph, a prioritisation).
"""

from dataclasses import dataclass

import rules
from django.utils import timezone

from stadtdach.accounts.permissions import (
    is_administration,
    is_consultant,
    is_coordinator,
    is_council_member,
    is_steering_member,
)
from stadtdach.participation import formats
from stadtdach.participation.formats import ACTIONS, COMMENT, CONTRIBUTE


@dataclass(frozen=True)
class Decision:
    allowed: bool
    # Why not: "not_published", "internal", "not_offered", "upcoming", "closed",
    # "login_required", "inactive"; "" when allowed.
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


# Anonymous visitors may do these where the process allows anonymous contributions.
# Votes and ratings always need an account: they count once per person.
ANONYMOUS_ACTIONS = frozenset({CONTRIBUTE, COMMENT})

internal_participant = is_steering_member | is_coordinator | is_consultant


def resolve(target):
    """(process, format code or None) of a permission target."""
    if target is None:
        return None, None
    if hasattr(target, "participation_target"):
        return target.participation_target()
    return target, None


def _offered(process, format_code, action) -> bool:
    if format_code is not None:
        entry = formats.get(format_code)
        return entry is not None and process.uses(format_code) and entry.offers(action)
    return any(entry.offers(action) for entry in formats.of_process(process))


def decide(user, target, action: str, *, now=None) -> Decision:
    """May ``user`` take ``action`` on ``target`` now? With the reason when not."""
    process, format_code = resolve(target)
    if process is None or action not in ACTIONS:
        return Decision(False, "not_offered")
    if not process.is_published:
        return Decision(False, "not_published")
    if process.is_internal and not internal_participant(user):
        return Decision(False, "internal")
    if not _offered(process, format_code, action):
        return Decision(False, "not_offered")
    now = now or timezone.now()
    if now < process.starts_at:
        return Decision(False, "upcoming")
    if now > process.ends_at:
        return Decision(False, "closed")
    if user is None or not user.is_authenticated:
        if process.allows_anonymous and action in ANONYMOUS_ACTIONS:
            return Decision(True)
        return Decision(False, "login_required")
    if not user.is_active:
        return Decision(False, "inactive")
    return Decision(True)


def may_act(action: str):
    """The predicate of one action, for django-rules (``participation.<action>``)."""

    @rules.predicate(name=f"may_{action}")
    def predicate(user, target) -> bool:
        return decide(user, target, action).allowed

    return predicate


for _action in ACTIONS:
    rules.add_perm(f"participation.{_action}", may_act(_action))


@rules.predicate
def can_see_process(user, process) -> bool:
    if process is None:
        return False
    if is_coordinator(user) or (is_consultant(user) and process.is_published):
        return True
    if not process.is_published:
        return False
    return not process.is_internal or internal_participant(user)


@rules.predicate
def leads_contribution_field(user, contribution) -> bool:
    """The user's department leads the contribution's action field."""
    if contribution is None or user.unit_id is None or contribution.action_field_id is None:
        return False
    return contribution.action_field.lead_unit_id == user.unit_id


@rules.predicate
def is_active_user(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


moderators = is_coordinator | is_consultant

rules.add_perm("participation.view_process", can_see_process)
rules.add_perm("participation.add_participationprocess", is_coordinator)
rules.add_perm("participation.change_participationprocess", is_coordinator)
rules.add_perm("participation.manage_targetgroups", is_coordinator)
rules.add_perm("participation.moderate", moderators)
rules.add_perm(
    "participation.answer_contribution",
    moderators | (is_administration & leads_contribution_field),
)
# Reporting needs no account: anybody can point the moderation to a problem.
rules.add_perm("participation.report", rules.always_allow)
rules.add_perm("participation.subscribe", is_active_user)
# Participation continues during implementation: measures take comments from accounts.
rules.add_perm("participation.comment_measure", is_active_user)

# Part 2: the formats' staff pages, the evaluation, resources and the innovation fund.
# Those who run participation: the coordination and the consultant ("Durchführung
# insbesondere der Beteiligungsverfahren").
runs_participation = is_coordinator | is_consultant

# Set up drafts, surveys, prioritisations, consensus findings and events; record the
# results of offline events.
rules.add_perm("participation.manage_formats", runs_participation)
# The evaluation: assign, group, statistics, export, generate the summary document.
rules.add_perm("participation.evaluate", runs_participation)
# The summary document is written for the steering group and the council.
rules.add_perm(
    "participation.view_summary", runs_participation | is_steering_member | is_council_member
)
# Resources: the coordinators enter plan and actuals; the steering group oversees them
# ("Übersicht durch Steuerungsgruppe + 2 Koordinator*innen").
rules.add_perm("participation.view_resources", is_coordinator | is_steering_member)
rules.add_perm("participation.change_resources", is_coordinator)


@rules.predicate
def fund_call_open(user, call) -> bool:
    return call is not None and call.is_open()


# The innovation fund: any active account applies while a call is open; the
# coordination sets up calls, reviews and decides.
rules.add_perm("participation.apply_fund", is_active_user & fund_call_open)
rules.add_perm("participation.manage_fund", is_coordinator)
# The steering group reads the applications and the decisions with the coordination.
rules.add_perm("participation.review_fund", is_coordinator | is_steering_member)


@rules.predicate
def is_applicant(user, application) -> bool:
    return application is not None and application.is_by(user)


rules.add_perm(
    "participation.view_fund_application", is_applicant | is_coordinator | is_steering_member
)
