"""Leases for background tasks. django-tasks-db marks a task RUNNING when a worker takes
it and has no lease: a worker killed in the middle (out of memory, a machine lost, a
deploy) would leave the task RUNNING forever. ``manage.py task_worker`` therefore keeps
a heartbeat (core.models.WorkerHeartbeat) from a thread, and every worker requeues the
RUNNING tasks whose worker's heartbeat is older than the lease: READY again, picked up by
the next free worker. A task whose workers died ``max_attempts`` times is marked FAILED
instead (a task that kills its worker must not kill them all in turn).

Settings (STADTDACH_OPS): ``task_heartbeat_seconds`` (5), ``task_lease_seconds`` (30),
``task_max_attempts`` (3)."""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def beat(worker_id: str, started_at) -> None:
    from stadtdach.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": timezone.now(),
        },
    )


def forget(worker_id: str) -> None:
    from stadtdach.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def release_own(worker_id: str) -> int:
    """At start: tasks still RUNNING under this worker id are from its previous life (a
    worker restarted by systemd keeps its id, and its heartbeat is fresh again at once),
    so they go back to the queue."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    released = 0
    with transaction.atomic():
        for task in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            if task.worker_ids and task.worker_ids[-1] == worker_id:
                task.status = TaskResultStatus.READY
                task.started_at = None
                task.save(update_fields=["status", "started_at"])
                released += 1
                logger.warning("task %s requeued: its worker %s restarted", task.id, worker_id)
    return released


def requeue_stale(*, lease_seconds: int | None = None, max_attempts: int | None = None) -> dict:
    """Requeue (or fail) RUNNING tasks whose worker stopped beating. Returns the counts."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from stadtdach.core.models import WorkerHeartbeat

    config = settings.STADTDACH_OPS
    lease = timedelta(seconds=lease_seconds or config["task_lease_seconds"])
    attempts = max_attempts or config["task_max_attempts"]
    cutoff = timezone.now() - lease
    counts = {"requeued": 0, "failed": 0}
    with transaction.atomic():
        alive = set(
            WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list(
                "worker_id", flat=True
            )
        )
        running = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=cutoff)
            .select_for_update(skip_locked=True)
        )
        for task in running:
            worker = task.worker_ids[-1] if task.worker_ids else ""
            if worker in alive:
                continue
            if len(task.worker_ids) >= attempts:
                task.status = TaskResultStatus.FAILED
                task.finished_at = timezone.now()
                task.exception_class_path = "stadtdach.core.ops.lease.WorkerLost"
                task.traceback = (
                    f"The worker running this task stopped {len(task.worker_ids)} times "
                    f"(workers {', '.join(task.worker_ids)}); not retried again."
                )
                task.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                counts["failed"] += 1
                logger.error("task %s failed: its workers died %s times", task.id, attempts)
            else:
                task.status = TaskResultStatus.READY
                task.started_at = None
                task.save(update_fields=["status", "started_at"])
                counts["requeued"] += 1
                logger.warning(
                    "task %s (%s) requeued: worker %s stopped beating",
                    task.id,
                    task.task_path,
                    worker,
                )
        WorkerHeartbeat.objects.filter(last_seen__lt=timezone.now() - timedelta(days=1)).delete()
    return counts


class Heartbeat(threading.Thread):
    """Beats and requeues every ``interval`` seconds until stopped; survives a database
    outage (logs and tries again)."""

    def __init__(self, worker_id: str, interval: float | None = None):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.interval = interval or settings.STADTDACH_OPS["task_heartbeat_seconds"]
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self):
        try:
            release_own(self.worker_id)
        except Exception:  # the database may be restarting; the lease catches it later
            logger.warning("could not release the tasks of %s", self.worker_id, exc_info=True)
        while not self.stopped.is_set():
            try:
                close_old_connections()
                beat(self.worker_id, self.started_at)
                requeue_stale()
            except Exception:  # the database may be restarting
                logger.warning("task worker heartbeat failed; retrying", exc_info=True)
                connection.close()
            self.stopped.wait(self.interval)
        connection.close()

    def stop(self):
        self.stopped.set()
        self.join(timeout=self.interval + 5)
        try:
            forget(self.worker_id)
        except Exception:  # noqa: BLE001
            logger.warning("could not remove the heartbeat of %s", self.worker_id)
