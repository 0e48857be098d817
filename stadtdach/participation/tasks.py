"""Background work of the participation app (Django's tasks API; run by db_worker in
production, immediately in tests). Arguments are ids: the task reads the current state."""

from django.tasks import task

from stadtdach.participation.services import notifications


@task()
def contribution_published(contribution_id: int) -> None:
    notifications.contribution_published(contribution_id)


@task()
def contribution_answered(contribution_id: int, new_measure_ids: list[int]) -> None:
    notifications.contribution_answered(contribution_id, new_measure_ids=new_measure_ids)


@task()
def measure_commented(comment_id: int) -> None:
    notifications.measure_commented(comment_id)


@task()
def report_received(coordinator_id: int | None, url: str, label: str) -> None:
    notifications.report_received(coordinator_id=coordinator_id, url=url, label=label)


@task()
def send_notification(notification_id: int) -> None:
    notifications.send(notification_id)


@task()
def send_daily_digest() -> int:
    return notifications.send_daily_digest()
