"""Run an import: read the file, check every row, and import only a file without errors.
Progress is written to the job as rows are checked, so its page can show a bar."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stadtdach.monitoring.imports import checks
from stadtdach.monitoring.imports.reader import FileProblem, read_table
from stadtdach.monitoring.models import ImportJob, Indicator
from stadtdach.strategy.models import Measure

# Files with more data rows than this are imported by the background worker.
SYNC_ROW_LIMIT = 200
# The job page lists at most this many errors (and says how many there were).
ERRORS_KEPT = 500
PROGRESS_EVERY = 100


def column_labels() -> dict[str, str]:
    """The column names of the templates, as error messages name them."""
    return {
        "code": _("No."),
        "title": _("Measure"),
        "progress": _("Progress (%)"),
        "status": _("Status"),
        "date": _("As of"),
        "note": _("Note"),
        "value": _("Value"),
    }


def value_labels() -> dict[str, str]:
    return {**column_labels(), "code": _("Indicator")}


def _finish(job: ImportJob, status: str, errors: list[dict], imported: int = 0) -> None:
    job.status = status
    kept = errors[:ERRORS_KEPT]
    if len(errors) > ERRORS_KEPT:
        kept.append(
            {
                "row": 0,
                "column": "",
                "message": ngettext(
                    "… and %(count)d more error.",
                    "… and %(count)d more errors.",
                    len(errors) - ERRORS_KEPT,
                )
                % {"count": len(errors) - ERRORS_KEPT},
            }
        )
    job.errors = kept
    job.imported_rows = imported
    job.processed_rows = job.total_rows
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "errors",
            "imported_rows",
            "processed_rows",
            "finished_at",
            "modified",
        ]
    )


def _reporter(job: ImportJob):
    def report(done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk).update(processed_rows=done)

    return report


def read(job: ImportJob):
    job.file.open("rb")
    try:
        data = job.file.read()
    finally:
        job.file.close()
    return read_table(data, job.original_name)


def run(job_id: int) -> ImportJob | None:
    from stadtdach.monitoring import services
    from stadtdach.strategy.selectors import current_edition

    job = ImportJob.objects.select_related("uploaded_by").filter(pk=job_id).first()
    if job is None or job.is_finished:
        return job
    with translation.override(job.language):
        job.status = ImportJob.Status.RUNNING
        job.save(update_fields=["status", "modified"])
        user = job.uploaded_by
        try:
            table = read(job)
            job.total_rows = len(table.rows)
            job.save(update_fields=["total_rows", "modified"])
            edition = current_edition()
            if edition is None:
                raise FileProblem(_("There is no current ISEK edition."))
            if job.kind == ImportJob.Kind.PROGRESS:
                measures, ambiguous = {}, set()
                for measure in (
                    Measure.objects.filter(edition=edition)
                    .exclude(code="")
                    .select_related("action_field", "implementation")
                ):
                    if measure.code in measures:
                        ambiguous.add(measure.code)
                    measures[measure.code] = measure
                checked = checks.check_progress(
                    table,
                    measures=measures,
                    ambiguous=frozenset(ambiguous),
                    may_update=lambda m: (
                        user is not None and user.has_perm("monitoring.update_progress", m)
                    ),
                    today=timezone.localdate(),
                    labels=column_labels(),
                    on_row=_reporter(job),
                )
                write = services.progress_import
            else:
                indicators = {
                    i.code: i
                    for i in Indicator.objects.filter(edition=edition).select_related(
                        "action_field", "measure__action_field"
                    )
                }
                checked = checks.check_values(
                    table,
                    indicators=indicators,
                    may_enter=lambda i: (
                        user is not None and user.has_perm("monitoring.enter_values", i)
                    ),
                    labels=value_labels(),
                    on_row=_reporter(job),
                )
                write = services.values_import
        except FileProblem as problem:
            _finish(
                job, ImportJob.Status.FAILED, [{"row": 0, "column": "", "message": problem.message}]
            )
            return job
        if checked.errors:
            _finish(job, ImportJob.Status.FAILED, checked.errors)
            return job
        imported = write(actor=user, rows=checked.rows, job=job)
        _finish(job, ImportJob.Status.DONE, [], imported)
    return job
