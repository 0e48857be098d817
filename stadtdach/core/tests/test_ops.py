"""Operations: /readyz, request ids and JSON logs, /metrics, the database-outage page."""

import json
import logging
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from stadtdach.core import views as core_views
from stadtdach.core.ops import logs, outage, requestid


def _task(status="READY", enqueued_ago=0, **fields) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="stadtdach.reports.tasks.generate_report",
        backend_name="default",
        run_after=get_date_max(),
        **fields,
    )
    if enqueued_ago:
        DBTaskResult.objects.filter(pk=task.pk).update(
            enqueued_at=timezone.now() - timedelta(seconds=enqueued_ago)
        )
    return task


@pytest.mark.django_db
def test_readyz_is_ready_with_database_cache_and_an_empty_queue(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "cache", "tasks"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_names_an_old_backlog_but_the_balancer_check_ignores_it(client, settings):
    settings.STADTDACH_OPS = {**settings.STADTDACH_OPS, "ready_task_max_age": 60}
    _task(enqueued_ago=10)
    assert client.get("/readyz").status_code == 200
    _task(enqueued_ago=600)
    response = client.get("/readyz")
    assert response.status_code == 503
    reason = response.json()["checks"]["tasks"]["reason"]
    assert "oldest waiting task is 600 s old" in reason and "2 waiting" in reason
    balancer = client.get("/readyz?checks=database")
    assert balancer.status_code == 200 and set(balancer.json()["checks"]) == {"database"}


@pytest.mark.django_db
def test_readyz_reports_an_unreachable_redis(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {
        "ok": False,
        "reason": "cache 'default' unavailable: ConnectionError",
    }
    assert response.json()["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_request_id_is_taken_from_the_header_or_generated(client):
    given = client.get("/healthz", headers={"X-Request-ID": "lb-42.abc"})
    assert given["X-Request-ID"] == "lb-42.abc"
    hostile = client.get("/healthz", headers={"X-Request-ID": "<script>" + "x" * 100})
    generated = hostile["X-Request-ID"]
    assert len(generated) == 32 and generated.isalnum()
    assert client.get("/healthz")["X-Request-ID"] != generated


@pytest.mark.django_db
def test_one_json_access_line_per_request_with_its_request_id(client, caplog):
    caplog.set_level(logging.INFO, logger="stadtdach.request")
    client.get("/healthz", headers={"X-Request-ID": "req-1"})
    records = [r for r in caplog.records if r.name == "stadtdach.request"]
    assert len(records) == 1
    record = records[0]
    logs.RequestIdFilter().filter(record)
    line = json.loads(logs.JsonFormatter().format(record))
    assert line["request_id"] == "req-1"
    assert line["path"] == "/healthz" and line["status"] == 200 and line["view"] == "healthz"
    assert line["level"] == "INFO" and isinstance(line["duration_ms"], float)


def test_log_lines_outside_a_request_carry_the_task_id():
    class Result:
        id = "abc"

    token = requestid.current.set("")
    try:
        requestid.task_started(sender=None, task_result=Result())
        record = logging.LogRecord(
            "stadtdach.x", logging.WARNING, "", 0, "mail %s", ("sent",), None
        )
        logs.RequestIdFilter().filter(record)
        line = json.loads(logs.JsonFormatter().format(record))
    finally:
        requestid.current.reset(token)
    assert line["request_id"] == "task-abc" and line["message"] == "mail sent"


@pytest.mark.django_db
def test_metrics_for_loopback_and_token_holders_only(client, settings):
    _task()
    client.get("/")  # a page through the page cache: one miss
    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'stadtdach_task_queue_depth{status="ready"} 1.0' in text
    assert "stadtdach_task_oldest_ready_seconds" in text
    assert "stadtdach_page_cache_hit_ratio" in text
    assert 'stadtdach_page_cache_requests_total{result="miss"}' in text
    assert "django_http_requests_latency_seconds_by_view_method" in text
    # Through the proxy (X-Forwarded-For) or from elsewhere: not found.
    assert client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    settings.STADTDACH_OPS = {**settings.STADTDACH_OPS, "metrics_token": "s3cret"}
    wrong = client.get("/metrics", REMOTE_ADDR="203.0.113.9", headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 404
    right = client.get(
        "/metrics", REMOTE_ADDR="203.0.113.9", headers={"Authorization": "Bearer s3cret"}
    )
    assert right.status_code == 200
    settings.STADTDACH_OPS = {**settings.STADTDACH_OPS, "metrics_allowed_ips": ["10.1.0.0/16"]}
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200


def _database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def _broken(request):
    raise ValueError("a bug")


urlpatterns = [path("down", _database_down), path("bug", _broken)]
handler500 = "stadtdach.core.views.server_error"


def _assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    text = response.content.decode()
    assert "Die Seite ist gleich wieder da" in text and "Back in a moment" in text
    assert "OperationalError" not in text and "5432" not in text


@pytest.mark.django_db
def test_a_database_outage_is_a_friendly_503_not_a_500(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    _assert_unavailable_page(client.get("/down"))
    assert client.get("/bug").status_code == 500


def test_the_error_handler_answers_a_database_error_from_anywhere_with_503(rf):
    request = rf.get("/")
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as error:
            raise RuntimeError("while saving the session") from error
    except RuntimeError:
        response = core_views.server_error(request)
    _assert_unavailable_page(response)
    try:
        raise KeyError("x")
    except KeyError:
        other = core_views.server_error(request)
    assert other.status_code == 500


def test_outage_page_needs_no_database():
    assert isinstance(outage.unavailable_response(), HttpResponse)
