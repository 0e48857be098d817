"""Writes of consensus finding: saving a finding (its passive solution is created with
it) and rating every option with a resistance, once per person."""

from django.db import transaction

from stadtdach.core.services import save_form
from stadtdach.participation import permissions
from stadtdach.participation.consensus.models import (
    MAX_RESISTANCE,
    ConsensusFinding,
    ConsensusOption,
    Resistance,
    ResistanceBallot,
)
from stadtdach.participation.formats import RATE
from stadtdach.participation.services.contributions import NotAllowed
from stadtdach.participation.services.once import create_once


class InvalidRating(ValueError):
    """Not every option rated, or a value outside 0–10."""


def finding_save(*, actor, form, submission_token=None, loaded_version=None) -> ConsensusFinding:
    """Save a finding; a new one gets its passive solution ("leave it as it is")."""
    with transaction.atomic():
        finding = save_form(
            actor=actor, form=form, submission_token=submission_token, loaded_version=loaded_version
        )
        ensure_passive_option(finding)
    return finding


def ensure_passive_option(finding: ConsensusFinding) -> ConsensusOption:
    option, _ = ConsensusOption.objects.get_or_create(
        finding=finding, is_passive=True, defaults={"order": 999}
    )
    return option


def rate(
    *, finding: ConsensusFinding, user, values: dict[int, int], is_sample: bool = False
) -> ResistanceBallot:
    """Give every option of the finding a resistance (option id → 0..10). Raises
    NotAllowed, InvalidRating, or AlreadyDone when the person has rated before (the
    unique constraint decides, also for two requests at once)."""
    decision = permissions.decide(user, finding, RATE)
    if not decision:
        raise NotAllowed(decision.reason)
    option_ids = set(finding.options.values_list("pk", flat=True))
    if set(values) != option_ids:
        raise InvalidRating("every option")
    if any(not 0 <= v <= MAX_RESISTANCE for v in values.values()):
        raise InvalidRating("range")
    with transaction.atomic():
        ballot = create_once(ResistanceBallot, finding=finding, user=user, is_sample=is_sample)
        Resistance.objects.bulk_create(
            Resistance(ballot=ballot, option_id=option_id, value=value)
            for option_id, value in sorted(values.items())
        )
    return ballot
