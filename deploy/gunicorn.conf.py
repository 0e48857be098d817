"""gunicorn for Stadtdach: ``gunicorn -c deploy/gunicorn.conf.py config.wsgi``.

Everything comes from the environment (deploy/env.example, docs/operations.md):
GUNICORN_BIND, WEB_CONCURRENCY (workers), GUNICORN_THREADS, GUNICORN_TIMEOUT,
GUNICORN_PRELOAD, GUNICORN_ACCESS_LOG, PROMETHEUS_MULTIPROC_DIR."""

import multiprocessing
import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the app is CPU-bound (templates) with short database calls; two per core.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
# A request running longer than this is killed (its worker replaced); HAProxy's "timeout
# server" (deploy/haproxy.cfg) is a little longer, so the app's 504 is never half a page.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Replace workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Preloading saves memory and starts workers faster, but then a deploy must restart the
# master (systemctl restart, not reload) and nothing may open connections at import.
# Off by default: `systemctl reload` (HUP) then loads new code into new workers.
preload_app = os.environ.get("GUNICORN_PRELOAD", "false").lower() in {"1", "true", "yes", "on"}
# Behind HAProxy on the same or a private host: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips
# The application writes one JSON line per request with its request id (ACCESS_LOG,
# core/ops/requestid.py). gunicorn's own access log, when wanted, names the id too.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
control_socket_disable = True
wsgi_app = "config.wsgi"

# Prometheus' multi-process mode needs an empty folder per server start. Here, not in a
# start-up hook: with preload_app the application (and its metrics) is loaded first.
# Once per master process: a reload (HUP) reads this file again but keeps the folder.
_metrics = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _metrics and not os.environ.get("_STADTDACH_METRICS_READY"):
    shutil.rmtree(_metrics, ignore_errors=True)
    Path(_metrics).mkdir(parents=True, exist_ok=True)
    os.environ["_STADTDACH_METRICS_READY"] = "1"


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
