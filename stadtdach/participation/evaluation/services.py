"""Writes of the evaluation: assigning contributions to an action field and themes (one
or many at once), and requesting the summary document. Atomic and audited."""

from django.db import transaction

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.participation.evaluation.models import SummaryDocument
from stadtdach.participation.models import Contribution


def assign(*, actor, contributions, action_field=None, themes=(), by_contribution=None) -> int:
    """Set ``action_field`` (when given) and add ``themes`` to each contribution; or, with
    ``by_contribution`` ({pk: action_field}), a field per contribution (accepted
    suggestions). Returns how many contributions changed; each change is audited."""
    by_contribution = by_contribution or {}
    ids = [c.pk for c in contributions] or list(by_contribution)
    theme_ids = {t.pk for t in themes}
    changed = 0
    through = Contribution.themes.through
    with transaction.atomic():
        rows = list(Contribution.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        existing: dict[int, set[int]] = {}
        for contribution_id, theme_id in through.objects.filter(
            contribution_id__in=ids
        ).values_list("contribution_id", "crosscuttingtheme_id"):
            existing.setdefault(contribution_id, set()).add(theme_id)
        new_links = []
        for row in rows:
            field = by_contribution.get(row.pk, action_field)
            changes = {}
            if field is not None and row.action_field_id != field.pk:
                changes["action_field"] = [row.action_field_id, field.pk]
                row.action_field = field
                row.save(update_fields=["action_field", "modified"])
            before = existing.get(row.pk, set())
            added = theme_ids - before
            if added:
                changes["themes"] = [sorted(before), sorted(before | added)]
                new_links += [
                    through(contribution_id=row.pk, crosscuttingtheme_id=t) for t in sorted(added)
                ]
            if changes:
                changed += 1
                audit.record(
                    actor=actor, action=AuditEntry.Action.UPDATE, instance=row, changes=changes
                )
        through.objects.bulk_create(new_links)
    return changed


def summary_request(*, actor, title, process=None, edition=None, include_internal=False):
    """Create a summary document and queue its generation after the commit."""
    from stadtdach.participation.evaluation import tasks

    with transaction.atomic():
        summary = SummaryDocument.objects.create(
            title=title,
            process=process,
            edition=edition,
            include_internal=include_internal,
            requested_by=actor,
        )
        audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=summary)
        transaction.on_commit(lambda: tasks.generate_summary.enqueue(summary.pk))
    return summary
