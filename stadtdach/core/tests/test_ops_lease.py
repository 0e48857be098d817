"""Task leases: a RUNNING task whose worker stopped beating is requeued, then failed."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from stadtdach.core.models import WorkerHeartbeat
from stadtdach.core.ops import lease


def _running(worker_ids, started_ago=120) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="stadtdach.reports.tasks.generate_report",
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=worker_ids,
        started_at=timezone.now() - timedelta(seconds=started_ago),
    )


@pytest.mark.django_db
def test_the_task_of_a_dead_worker_is_requeued_a_living_workers_task_stays():
    lease.beat("alive", timezone.now())
    WorkerHeartbeat.objects.create(
        worker_id="dead",
        started_at=timezone.now() - timedelta(hours=1),
        last_seen=timezone.now() - timedelta(minutes=5),
    )
    orphan = _running(["dead"])
    vanished = _running(["never-beat"])
    busy = _running(["alive"])
    just_started = _running(["dead"], started_ago=1)
    assert lease.requeue_stale(lease_seconds=30, max_attempts=3) == {"requeued": 2, "failed": 0}
    for task in (orphan, vanished):
        task.refresh_from_db()
        assert task.status == "READY" and task.started_at is None
    busy.refresh_from_db()
    just_started.refresh_from_db()
    assert busy.status == "RUNNING" and just_started.status == "RUNNING"
    assert DBTaskResult.objects.ready().filter(pk=orphan.pk).exists()


@pytest.mark.django_db
def test_a_task_whose_workers_died_max_attempts_times_fails_with_the_reason():
    task = _running(["w1", "w2", "w3"])
    assert lease.requeue_stale(lease_seconds=30, max_attempts=3) == {"requeued": 0, "failed": 1}
    task.refresh_from_db()
    assert task.status == "FAILED" and task.finished_at is not None
    assert "stopped 3 times" in task.traceback


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_beats_requeues_and_forgets_on_stop():
    orphan = _running(["gone"])
    beat = lease.Heartbeat("w-thread", interval=0.2)
    beat.start()
    try:
        deadline = timezone.now() + timedelta(seconds=30)
        while timezone.now() < deadline:
            orphan.refresh_from_db()
            if orphan.status == "READY":
                break
            time.sleep(0.1)
        assert WorkerHeartbeat.objects.filter(worker_id="w-thread").exists()
    finally:
        beat.stop()
    assert orphan.status == "READY"
    assert not WorkerHeartbeat.objects.filter(worker_id="w-thread").exists()


@pytest.mark.django_db
def test_a_restarted_worker_gives_back_the_tasks_of_its_previous_life():
    mine = _running(["w1"], started_ago=1)
    other = _running(["w2"], started_ago=1)
    lease.beat("w2", timezone.now())
    assert lease.release_own("w1") == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == "READY" and other.status == "RUNNING"


@pytest.mark.django_db(transaction=True)
def test_task_worker_waits_out_a_database_outage_and_forgets_its_heartbeat(monkeypatch):
    from django.db import OperationalError
    from django_tasks_db.management.commands import db_worker

    from stadtdach.core.management.commands import task_worker

    calls = []

    def run_worker(self, *args, **options):
        calls.append(options["worker_id"])
        if len(calls) == 1:
            raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(db_worker.Command, "handle", run_worker)
    monkeypatch.setattr(task_worker, "RETRY_SECONDS", (0.01,))
    task_worker.Command().handle(worker_id="w-outage")
    assert calls == ["w-outage", "w-outage"]
    assert not WorkerHeartbeat.objects.filter(worker_id="w-outage").exists()
