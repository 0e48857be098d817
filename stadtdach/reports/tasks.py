"""Background work of the reports app (Django's tasks API, run by db_worker)."""

from django.tasks import task


@task()
def generate_report(report_id: int) -> None:
    """Generate one report file (PDF or DOCX); progress is stored on the report."""
    from stadtdach.reports.generation import generate

    generate(report_id)
