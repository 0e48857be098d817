"""``manage.py task_worker``: django-tasks-db's ``db_worker`` (same options) with a
heartbeat and lease, so that tasks of a worker that died are run again (core.ops.lease).
Use it instead of ``db_worker`` wherever more than one worker or machine runs."""

from django.tasks.signals import task_started
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from stadtdach.core.ops import requestid
from stadtdach.core.ops.lease import Heartbeat


class Command(DbWorkerCommand):
    help = "Run a background task worker with a heartbeat; requeue tasks of dead workers."

    def handle(self, *args, **options):
        # Log lines of a task carry "task-<id>" as their request id.
        task_started.connect(requestid.task_started, dispatch_uid="stadtdach-task-request-id")
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:
            heartbeat.stop()
