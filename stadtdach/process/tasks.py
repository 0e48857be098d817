"""Background work of the process (Django's tasks API; db_worker runs it in production,
tests use the immediate backend): documents of the tender specification and the weekly
process report."""

import logging

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import timezone

from stadtdach.process import documents
from stadtdach.process.models import SpecificationExport

logger = logging.getLogger(__name__)


def _set(export_pk: int, **values) -> None:
    values["modified"] = timezone.now()
    SpecificationExport.objects.filter(pk=export_pk).update(**values)


@task()
def generate_specification_export(export_pk: int) -> None:
    """Render the document and store it; progress is written as it goes, so the page
    that waits for it can show how far it is."""
    export = (
        SpecificationExport.objects.select_related("specification").filter(pk=export_pk).first()
    )
    if export is None or export.status == SpecificationExport.Status.DONE:
        return
    _set(export_pk, status=SpecificationExport.Status.RUNNING, progress=5)

    def progress(percent: int) -> None:
        _set(export_pk, progress=min(max(percent, 5), 99))

    render = (
        documents.specification_pdf
        if export.format == SpecificationExport.Format.PDF
        else documents.specification_docx
    )
    try:
        data = render(export.specification_id, progress)
    except Exception as error:
        logger.exception("Generating specification export %s failed", export_pk)
        _set(export_pk, status=SpecificationExport.Status.FAILED, error=str(error)[:300])
        return
    export.file.save(
        documents.file_name(export.specification, export.format), ContentFile(data), save=False
    )
    _set(
        export_pk,
        file=export.file.name,
        status=SpecificationExport.Status.DONE,
        progress=100,
    )


@task()
def send_process_report() -> int:
    """Mail the weekly process report to the coordinators; returns the number of
    recipients."""
    from stadtdach.process.report import send_report

    return send_report()
