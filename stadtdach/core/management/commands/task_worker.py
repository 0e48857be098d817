"""``manage.py task_worker``: django-tasks-db's ``db_worker`` (same options) with a
heartbeat and lease, so that tasks of a worker that died are run again (core.ops.lease),
and that outlives a database restart (db_worker itself stops at the first database
error). Use it instead of ``db_worker`` wherever more than one worker or machine runs."""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django.tasks.signals import task_started
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from stadtdach.core.ops import requestid
from stadtdach.core.ops.lease import Heartbeat

logger = logging.getLogger("stadtdach.core.ops.lease")
RETRY_SECONDS = (0.5, 1, 2, 5)


class Command(DbWorkerCommand):
    help = "Run a background task worker with a heartbeat; requeue tasks of dead workers."

    def handle(self, *args, **options):
        # Log lines of a task carry "task-<id>" as their request id.
        task_started.connect(requestid.task_started, dispatch_uid="stadtdach-task-request-id")
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        failures = 0
        try:
            while True:
                try:
                    return super().handle(*args, **options)
                except (OperationalError, InterfaceError) as error:
                    wait = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                    failures += 1
                    logger.warning(
                        "database unavailable (%s); the worker tries again in %s s",
                        type(error).__name__,
                        wait,
                    )
                    connections.close_all()
                    time.sleep(wait)
        finally:
            heartbeat.stop()
