"""Writes of the monitoring app: progress reports (one by form, many by file), indicator
values, and the reminders that an update is due. Atomic and audited; mail is deferred
to the task queue after the commit."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission, delete_object, save_form
from stadtdach.monitoring.models import (
    ImportJob,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.monitoring.rollups import rollups_rebuild, rollups_refresh
from stadtdach.strategy.models import Measure

__all__ = [  # rollups_rebuild: for bulk loads (the scale-data generator, restores)
    "indicator_save",
    "indicator_value_delete",
    "indicator_value_save",
    "progress_import",
    "progress_report",
    "reminders_send",
    "rollups_rebuild",
    "values_import",
]

# While an update stays overdue, the responsible department is reminded again after
# this many days.
REMIND_AGAIN_AFTER_DAYS = 14


def _record(
    *,
    actor,
    measure: Measure,
    implementation: MeasureImplementation | None,
    date: datetime.date,
    progress: int,
    status: str | None,
    note: str,
    source: str,
) -> tuple[ProgressUpdate, dict, MeasureImplementation]:
    """Store one report. Only a report at least as recent as the last one moves the
    measure's current progress and status; an older one fills in the history."""
    if implementation is None:
        implementation = MeasureImplementation.objects.create(measure=measure)
    update = ProgressUpdate.objects.create(
        measure=measure,
        date=date,
        progress=progress,
        status=status or measure.status,
        note=note,
        author=actor if getattr(actor, "pk", None) else None,
        author_label=audit._label(actor if getattr(actor, "pk", None) else None),
        source=source,
    )
    changes: dict = {"date": [None, str(date)]}
    latest = implementation.last_update_on is None or date >= implementation.last_update_on
    if latest:
        if implementation.progress != progress:
            changes["progress"] = [implementation.progress, progress]
        implementation.progress = progress
        implementation.last_update_on = date
        implementation.save(update_fields=["progress", "last_update_on", "modified"])
        if status and status != measure.status:
            changes["status"] = [measure.status, status]
            Measure.objects.filter(pk=measure.pk).update(status=status, modified=timezone.now())
            measure.status = status
    return update, changes, implementation


def progress_report(
    *,
    actor,
    measure: Measure,
    date: datetime.date,
    progress: int,
    status: str | None,
    note: str = "",
    submission_token=None,
) -> ProgressUpdate:
    """A department reports how far a measure is (the short form). The form's one-time
    token makes a double post save once (core.services.DuplicateSubmission)."""
    with transaction.atomic():
        claim_submission(submission_token)
        locked = Measure.objects.select_for_update().get(pk=measure.pk)
        implementation = MeasureImplementation.objects.filter(measure=locked).first()
        update, changes, _implementation = _record(
            actor=actor,
            measure=locked,
            implementation=implementation,
            date=date,
            progress=progress,
            status=status,
            note=note,
            source=ProgressUpdate.Source.FORM,
        )
        audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=update, changes=changes)
    return update


def progress_import(*, actor, rows: list[dict], job: ImportJob) -> int:
    """Import checked rows of a progress file, all or nothing. One audit entry names the
    file and every change."""
    with transaction.atomic():
        ids = [row["measure"].pk for row in rows]
        measures = {m.pk: m for m in Measure.objects.select_for_update().filter(pk__in=ids)}
        implementations = {
            i.measure_id: i for i in MeasureImplementation.objects.filter(measure_id__in=ids)
        }
        summary = {}
        for row in sorted(rows, key=lambda r: r["date"]):
            measure = measures[row["measure"].pk]
            _update, changes, implementations[measure.pk] = _record(
                actor=actor,
                measure=measure,
                implementation=implementations.get(measure.pk),
                date=row["date"],
                progress=row["progress"],
                status=row.get("status"),
                note=row.get("note", ""),
                source=ProgressUpdate.Source.IMPORT,
            )
            summary[measure.code or str(measure.pk)] = changes
        audit.record(actor=actor, action=AuditEntry.Action.IMPORT, instance=job, changes=summary)
    return len(rows)


def values_import(*, actor, rows: list[dict], job: ImportJob) -> int:
    """Import checked indicator values, all or nothing; a value for a date that already
    has one replaces it."""
    with transaction.atomic():
        summary: dict = defaultdict(dict)
        for row in rows:
            IndicatorValue.objects.update_or_create(
                indicator=row["indicator"],
                date=row["date"],
                defaults={"value": row["value"], "note": row.get("note", "")},
            )
            summary[row["indicator"].code][str(row["date"])] = str(row["value"])
        rollups_refresh(row["indicator"].pk for row in rows)
        audit.record(
            actor=actor, action=AuditEntry.Action.IMPORT, instance=job, changes=dict(summary)
        )
    return len(rows)


def indicator_save(*, actor, form, submission_token=None, loaded_version=None):
    """Create or change an indicator (audited) and recompute its rollup: its baseline,
    target and direction decide its status."""
    with transaction.atomic():
        indicator = save_form(
            actor=actor, form=form, submission_token=submission_token, loaded_version=loaded_version
        )
        rollups_refresh([indicator.pk])
    return indicator


def indicator_value_save(*, actor, form, submission_token=None, loaded_version=None):
    """Enter or correct one value of an indicator (audited) and recompute its rollup."""
    with transaction.atomic():
        value = save_form(
            actor=actor, form=form, submission_token=submission_token, loaded_version=loaded_version
        )
        rollups_refresh([value.indicator_id])
    return value


def indicator_value_delete(*, actor, value: IndicatorValue) -> None:
    """Delete one value (audited) and recompute the indicator's rollup."""
    with transaction.atomic():
        indicator_id = value.indicator_id
        delete_object(actor=actor, instance=value)
        rollups_refresh([indicator_id])


def due_for_reminder(states, today: datetime.date) -> dict[int, list]:
    """Measures whose update is due, by responsible unit, leaving out those reminded in
    the last REMIND_AGAIN_AFTER_DAYS days."""
    by_unit: dict[int, list] = defaultdict(list)
    for state in states:
        unit = state.responsible_unit
        if unit is None or not state.update_due:
            continue
        reminded = state.implementation.reminded_on if state.implementation else None
        if reminded and (today - reminded).days < REMIND_AGAIN_AFTER_DAYS:
            continue
        by_unit[unit.pk].append(state)
    return by_unit


def reminders_send(*, actor=None, today: datetime.date | None = None) -> int:
    """Queue one reminder mail per department with due updates and note the date on the
    measures. Returns the number of mails queued."""
    from stadtdach.monitoring import selectors
    from stadtdach.monitoring.tasks import send_update_reminder
    from stadtdach.strategy.selectors import current_edition

    today = today or timezone.localdate()
    edition = current_edition()
    if edition is None:
        return 0
    by_unit = due_for_reminder(selectors.measure_states(edition, today), today)
    with transaction.atomic():
        for states in by_unit.values():
            for state in states:
                implementation = state.implementation or MeasureImplementation.objects.create(
                    measure=state.measure
                )
                implementation.reminded_on = today
                implementation.save(update_fields=["reminded_on", "modified"])
        if by_unit:
            audit.record(
                actor=actor,
                action=AuditEntry.Action.UPDATE,
                label="Erinnerungen an fällige Fortschrittsberichte",
                changes={
                    str(unit): [None, [s.measure.code or s.measure.pk for s in states]]
                    for unit, states in by_unit.items()
                },
            )
        for unit_id, states in by_unit.items():
            ids = [s.measure.pk for s in states]
            transaction.on_commit(
                lambda unit_id=unit_id, ids=ids: send_update_reminder.enqueue(unit_id, ids)
            )
    return len(by_unit)
