"""Moderation: users report, moderators publish, hide (with a public reason) or keep, one
item or many at once. Every change is audited item by item."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission
from stadtdach.participation.models import Comment, Contribution, Report, Visibility

PUBLISH = "publish"
HIDE = "hide"
KEEP = "keep"
ACTIONS = (PUBLISH, HIDE, KEEP)


def report_create(
    *, reporter, reason: str, text: str = "", contribution=None, comment=None, token=None
) -> Report:
    """A user points the moderation to a contribution or comment; the process's
    coordinator is told at once."""
    registered = reporter is not None and reporter.is_authenticated
    with transaction.atomic():
        claim_submission(token)
        report = Report.objects.create(
            contribution=contribution,
            comment=comment,
            reporter=reporter if registered else None,
            reason=reason,
            text=text,
        )
        audit.record(
            actor=reporter if registered else None,
            action=AuditEntry.Action.CREATE,
            instance=report,
            changes={"reason": [None, reason], "text": [None, text]},
        )
        target = contribution or comment
        if contribution is not None:
            process = contribution.process
        elif comment.contribution_id:
            process = comment.contribution.process
        else:
            process = None  # a comment on a measure: the queue shows it
        coordinator_id = process.coordinator_id if process is not None else None
        url = target.get_absolute_url()
        label = str(target)[:100]
        from stadtdach.participation.tasks import report_received

        transaction.on_commit(lambda: report_received.enqueue(coordinator_id, url, label))
    return report


def _apply(*, actor, item, action: str, reason: str, now) -> bool:
    """Moderate one locked item; True when something changed."""
    before = audit.snapshot(item)
    was_pending = item.visibility == Visibility.PENDING
    if action == PUBLISH:
        item.visibility = Visibility.PUBLISHED
        item.hidden_reason = ""
        if isinstance(item, Contribution) and item.published_at is None:
            item.published_at = now
    elif action == HIDE:
        item.visibility = Visibility.HIDDEN
        item.hidden_reason = reason
    item.moderated_at = now
    item.save()
    resolution = Report.Resolution.HIDDEN if action == HIDE else Report.Resolution.KEPT
    reports = item.reports.filter(resolution=Report.Resolution.OPEN)
    resolved = reports.update(resolution=resolution, resolved_at=now, resolved_by=actor)
    changes = audit.diff(before, audit.snapshot(item))
    changes.pop("moderated_at", None)
    if resolved:
        changes["reports"] = [resolved, str(resolution.label)]
    if changes:
        audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=item, changes=changes)
    if action == PUBLISH and was_pending:
        if isinstance(item, Contribution):
            from stadtdach.participation.tasks import contribution_published

            transaction.on_commit(lambda pk=item.pk: contribution_published.enqueue(pk))
        elif item.measure_id:
            from stadtdach.participation.tasks import measure_commented

            transaction.on_commit(lambda pk=item.pk: measure_commented.enqueue(pk))
    return bool(changes)


def moderate(
    *,
    actor,
    action: str,
    contributions: Iterable[int] = (),
    comments: Iterable[int] = (),
    reason: str = "",
) -> int:
    """Publish, hide (``reason`` is shown publicly) or keep the given items; open reports
    on them are resolved. Returns the number of items changed."""
    if action not in ACTIONS:
        raise ValueError(action)
    if action == HIDE and not reason.strip():
        raise ValueError("hiding needs a public reason")
    now = timezone.now()
    changed = 0
    with transaction.atomic():
        for model, ids in ((Contribution, contributions), (Comment, comments)):
            for item in model.objects.select_for_update().filter(pk__in=list(ids)).order_by("pk"):
                changed += _apply(actor=actor, item=item, action=action, reason=reason, now=now)
    return changed
