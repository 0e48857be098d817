"""Production: PostgreSQL through DATABASE_URL, Redis through REDIS_URL, secrets from the
environment, DEBUG off, JSON logs, Sentry when SENTRY_DSN is set (docs/operations.md)."""

from django.core.exceptions import ImproperlyConfigured

from config import env
from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, LOGGING, REDIS_URL

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY", required=True)
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS", required=True)
if not env.text("DATABASE_URL"):
    raise ImproperlyConfigured("The environment variable DATABASE_URL must be set in production.")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Sessions, cache, rate limits and the page cache's version tokens must be shared by every
# app server: without Redis each server would keep its own. One server may opt out.
if not REDIS_URL and not env.flag("SINGLE_SERVER"):
    raise ImproperlyConfigured(
        "The environment variable REDIS_URL must be set in production (e.g. "
        "redis://127.0.0.1:6379/0). A single app server may run without Redis: set "
        "SINGLE_SERVER=true."
    )

SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.number("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The balancer's and Prometheus' checks come over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

# One JSON object per line on standard error, each with the request id; one access line
# per request (ACCESS_LOG=false leaves that to the proxy).
LOGGING = {
    **LOGGING,
    "filters": {"request_id": {"()": "stadtdach.core.ops.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "stadtdach.core.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            **({"formatter": "json"} if env.flag("LOG_JSON", True) else {}),
        }
    },
    "loggers": {
        **LOGGING["loggers"],
        "stadtdach.request": {"level": "INFO" if env.flag("ACCESS_LOG", True) else "WARNING"},
        "django_tasks_db": {"level": env.text("LOG_LEVEL", "INFO")},
    },
}

SENTRY_DSN = env.text("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env.text("SENTRY_ENVIRONMENT", "production"),
        release=env.text("SENTRY_RELEASE") or env.text("RELEASE"),
        # No IP addresses, cookies, user names or form data unless explicitly wanted.
        send_default_pii=env.flag("SENTRY_SEND_PII", False),
        traces_sample_rate=env.real("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
