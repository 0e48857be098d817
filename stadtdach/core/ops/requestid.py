"""One id per request: taken from ``X-Request-ID`` (set by HAProxy, deploy/haproxy.cfg)
when it looks like an id, generated otherwise; returned in the response header, written
into every log line of the request (logs.RequestIdFilter) and one JSON access line per
request (logger ``stadtdach.request``)."""

import contextvars
import logging
import re
import time
import uuid

HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
current = contextvars.ContextVar("stadtdach_request_id", default="")
access_log = logging.getLogger("stadtdach.request")


def from_header(value: str | None) -> str:
    if value and _VALID.match(value):
        return value
    return uuid.uuid4().hex


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None and match.view_name else ""


class RequestIdMiddleware:
    """Outermost middleware: sets the id before anything logs, writes the access line last."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = from_header(request.headers.get(HEADER))
        request.request_id = request_id
        token = current.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "view": _view_name(request),
                    "cache": response.get("X-Stadtdach-Cache", ""),
                },
            )
            return response
        finally:
            current.reset(token)


def task_started(sender, task_result, **kwargs):
    """Signal receiver: log lines of a background task carry ``task-<id>``."""
    current.set(f"task-{task_result.id}")
