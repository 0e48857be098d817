"""``/metrics`` for Prometheus: django-prometheus' request metrics (latency by view and
the rest), plus the task queue (depth, age of the oldest waiting task) and the page
cache's hit rate, read at scrape time by a custom collector.

With several gunicorn workers, ``PROMETHEUS_MULTIPROC_DIR`` must name an empty folder
per server (deploy/gunicorn.conf.py clears it at start): the counters of all workers
are then added up. The endpoint answers only loopback or ``METRICS_ALLOWED_IPS``
clients that did not come through the proxy, or a request with ``METRICS_TOKEN`` as
bearer token; everyone else gets a 404."""

import hmac
import ipaddress
import logging
import os

import prometheus_client
from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

PAGE_CACHE_COUNTER = "stadtdach_page_cache_requests"
page_cache_requests = prometheus_client.Counter(
    PAGE_CACHE_COUNTER,
    "Requests the page cache could answer, by result (hit, miss).",
    ["result"],
)


class PageCacheMetricsMiddleware:
    """Counts the page cache's answers from its response header (core.caching.middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        result = response.get("X-Stadtdach-Cache")
        if result in ("hit", "miss"):
            page_cache_requests.labels(result).inc()
        return response


def _counter_totals(source) -> dict[str, float]:
    totals: dict[str, float] = {}
    for family in source.collect():
        if family.name != PAGE_CACHE_COUNTER:
            continue
        for sample in family.samples:
            if sample.name.endswith("_total"):
                result = sample.labels.get("result", "")
                totals[result] = totals.get(result, 0.0) + sample.value
    return totals


class StadtdachCollector:
    """Gauges read when Prometheus scrapes: never stored, so always current."""

    def __init__(self, counters_source):
        self.counters_source = counters_source

    def collect(self):
        from stadtdach.core.ops.readiness import task_backlog

        depth = GaugeMetricFamily(
            "stadtdach_task_queue_depth", "Background tasks by status.", labels=["status"]
        )
        age = GaugeMetricFamily(
            "stadtdach_task_oldest_ready_seconds",
            "Age of the oldest task waiting for a worker (0: none waiting).",
        )
        try:
            backlog = task_backlog()
        except Exception:  # a metric must not break the scrape
            logger.warning("metrics: task queue unreadable", exc_info=True)
        else:
            depth.add_metric(["ready"], backlog["ready"])
            depth.add_metric(["running"], backlog["running"])
            age.add_metric([], backlog["oldest_ready_seconds"])
        yield depth
        yield age
        totals = _counter_totals(self.counters_source)
        answered = totals.get("hit", 0.0) + totals.get("miss", 0.0)
        rate = GaugeMetricFamily(
            "stadtdach_page_cache_hit_ratio",
            "Share of cacheable page requests served from the page cache since start.",
        )
        rate.add_metric([], totals.get("hit", 0.0) / answered if answered else 0.0)
        yield rate


def _allowed(request) -> bool:
    config = settings.STADTDACH_OPS
    token = config["metrics_token"]
    sent = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        return True
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False  # came through the proxy: REMOTE_ADDR is the proxy's
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return address.is_loopback or any(
        address in ipaddress.ip_network(allowed, strict=False)
        for allowed in config["metrics_allowed_ips"]
    )


@never_cache
def metrics(request):
    if not _allowed(request):
        raise Http404
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = prometheus_client.CollectorRegistry()
        source = multiprocess.MultiProcessCollector(registry)
    else:
        registry = prometheus_client.REGISTRY
        source = prometheus_client.REGISTRY
    own = prometheus_client.CollectorRegistry()
    own.register(StadtdachCollector(source))
    body = prometheus_client.generate_latest(registry) + prometheus_client.generate_latest(own)
    return HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST)
