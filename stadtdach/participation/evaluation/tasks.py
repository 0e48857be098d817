"""Background work of the evaluation (Django's tasks API; db_worker in production,
immediate in tests)."""

from django.tasks import task


@task()
def generate_summary(summary_id: int) -> None:
    from stadtdach.participation.evaluation.document import generate

    generate(summary_id)
