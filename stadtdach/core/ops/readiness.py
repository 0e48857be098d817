"""``/readyz``: may this server take requests? Database, cache and the task backlog.

``/healthz`` (core.views) stays the cheap liveness check. ``/readyz`` answers 200 when
every selected check passes and 503 otherwise, with each check's result and reason in
JSON. ``?checks=database`` counts only the database (the load balancer's choice in
deploy/haproxy.cfg: the site works without Redis, uncached, and a backlog is the
workers' concern; taking every app server out of rotation would not help either)."""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

CHECKS = ("database", "cache", "tasks")


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means not ready
        return False, f"database unavailable: {type(error).__name__}"
    return True, "ok"


def check_cache() -> tuple[bool, str]:
    """Write and read a key in every configured cache (Redis when REDIS_URL is set)."""
    for alias in settings.CACHES:
        key = f"readyz:{uuid.uuid4().hex}"
        try:
            cache = caches[alias]
            cache.set(key, "1", timeout=10)
            value = cache.get(key)
            cache.delete(key)
        except Exception as error:  # noqa: BLE001
            return False, f"cache {alias!r} unavailable: {type(error).__name__}"
        if value != "1":
            return False, f"cache {alias!r} did not return what was stored"
    return True, "ok"


def task_backlog() -> dict:
    """Queue depth, the age of the oldest task that is ready to run, and running tasks."""
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return {
        "ready": ready.count(),
        "running": DBTaskResult.objects.running().count(),
        "oldest_ready_seconds": round(max(age, 0.0), 1),
    }


def check_tasks() -> tuple[bool, str]:
    limit = settings.STADTDACH_OPS["ready_task_max_age"]
    try:
        backlog = task_backlog()
    except Exception as error:  # noqa: BLE001
        return False, f"task queue unreadable: {type(error).__name__}"
    if backlog["oldest_ready_seconds"] > limit:
        return False, (
            f"oldest waiting task is {backlog['oldest_ready_seconds']:.0f} s old "
            f"(limit {limit} s, {backlog['ready']} waiting): is a task worker running?"
        )
    return True, f"{backlog['ready']} waiting, {backlog['running']} running"


_RUN = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


@never_cache
def readyz(request):
    wanted = [c for c in request.GET.get("checks", ",".join(CHECKS)).split(",") if c in _RUN]
    started = time.perf_counter()
    results, ready = {}, True
    for name in CHECKS:
        if name not in wanted:
            continue
        if name == "tasks" and not results.get("database", {"ok": True})["ok"]:
            results[name] = {"ok": False, "reason": "skipped: no database"}
            ready = False
            continue
        ok, reason = _RUN[name]()
        results[name] = {"ok": ok, "reason": reason}
        ready = ready and ok
    body = {
        "status": "ready" if ready else "not ready",
        "checks": results,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    return JsonResponse(body, status=200 if ready else 503)
