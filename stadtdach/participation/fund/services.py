"""Writes of the innovation fund: applying, and the decision on an application. The
remaining budget never goes below zero: the decision locks the call (select_for_update)
so that two grants at the same time cannot both spend the same money."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission
from stadtdach.participation.fund import selectors
from stadtdach.participation.models import FundApplication, FundCall

Status = FundApplication.Status


class Refused(Exception):
    """The write is not possible; the message says why (shown to the user)."""


def apply(*, actor, call: FundCall, data: dict, target_groups=(), token=None) -> FundApplication:
    with transaction.atomic():
        call = FundCall.objects.select_for_update().get(pk=call.pk)
        if not call.is_open():
            raise Refused(_("This call does not take applications at the moment."))
        if call.max_amount is not None and data["amount_requested"] > call.max_amount:
            raise Refused(_("The amount requested is more than this call grants."))
        claim_submission(token)
        application = FundApplication.objects.create(call=call, applicant=actor, **data)
        application.target_groups.set(target_groups)
        audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=application)
    return application


def decide(
    *, actor, application: FundApplication, status: str, amount: Decimal | None, reason: str
) -> FundApplication:
    """Set the status (in review, approved with an amount, rejected) with a reason."""
    if status not in (Status.IN_REVIEW, Status.APPROVED, Status.REJECTED):
        raise Refused(_("This decision is not possible."))
    with transaction.atomic():
        call = FundCall.objects.select_for_update().get(pk=application.call_id)
        current = FundApplication.objects.select_for_update().get(pk=application.pk)
        before = audit.snapshot(current)
        if status == Status.APPROVED:
            if amount is None or amount <= 0:
                raise Refused(_("Please enter the amount granted."))
            if amount > current.amount_requested:
                raise Refused(_("The amount granted is more than the amount requested."))
            others = selectors.granted(call) - (current.amount_granted or 0) * (
                current.status == Status.APPROVED
            )
            left = selectors.remaining(call, others)
            if amount > left:
                raise Refused(
                    _("Only %(left)s euros of the budget remain; the grant is too large.")
                    % {"left": f"{left:.2f}".replace(".", ",")}
                )
            current.amount_granted = amount
        else:
            current.amount_granted = None
        current.status = status
        current.decision_reason = reason
        if status == Status.IN_REVIEW:
            current.decided_at = None
            current.decided_by = None
        else:
            current.decided_at = timezone.now()
            current.decided_by = actor
        current.save()
        audit.record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            instance=current,
            changes=audit.diff(before, audit.snapshot(current)),
        )
    return current
