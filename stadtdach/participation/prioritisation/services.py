"""Writes of prioritisation: a dot vote (once per person: the unique constraint decides,
also for two requests at the same moment), and options taken from the action fields."""

from django.db import transaction

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.participation import permissions
from stadtdach.participation.formats import VOTE
from stadtdach.participation.prioritisation.models import (
    DotBallot,
    DotVote,
    Prioritisation,
    PriorityOption,
)
from stadtdach.participation.services.contributions import NotAllowed
from stadtdach.participation.services.once import create_once


class InvalidVote(ValueError):
    """Points outside the rules (the form says so first; this guards the service)."""


def check_points(prioritisation: Prioritisation, points: dict[int, int], option_ids) -> None:
    given = {k: v for k, v in points.items() if v}
    total = sum(given.values())
    if not given or total > prioritisation.points:
        raise InvalidVote("total")
    if any(v < 0 or v > prioritisation.limit_per_option for v in points.values()):
        raise InvalidVote("per_option")
    if set(given) - set(option_ids):
        raise InvalidVote("option")


def dot_vote(
    *, prioritisation: Prioritisation, user, points: dict[int, int], is_sample: bool = False
) -> DotBallot:
    """Give ``points`` (option id → points) in one ballot. Raises NotAllowed (window,
    account), InvalidVote, or AlreadyDone when the person has voted before."""
    decision = permissions.decide(user, prioritisation, VOTE)
    if not decision:
        raise NotAllowed(decision.reason)
    option_ids = list(prioritisation.options.values_list("pk", flat=True))
    check_points(prioritisation, points, option_ids)
    with transaction.atomic():
        ballot = create_once(
            DotBallot, prioritisation=prioritisation, user=user, is_sample=is_sample
        )
        DotVote.objects.bulk_create(
            DotVote(ballot=ballot, option_id=option_id, points=value)
            for option_id, value in sorted(points.items())
            if value
        )
    return ballot


def options_from_action_fields(*, actor, prioritisation: Prioritisation, fields) -> int:
    """Add one option per action field not yet offered; returns how many were added."""
    present = set(
        prioritisation.options.filter(action_field__isnull=False).values_list(
            "action_field_id", flat=True
        )
    )
    start = prioritisation.options.count()
    added = 0
    with transaction.atomic():
        for field in fields:
            if field.pk in present:
                continue
            added += 1
            option = PriorityOption.objects.create(
                prioritisation=prioritisation, action_field=field, order=start + added
            )
            audit.record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                instance=option,
                changes={"action_field": [None, field.name]},
            )
    return added
