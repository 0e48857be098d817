"""Settings shared by every environment. Environment values are read through config.env."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config import env, storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.text("STADTDACH_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY")  # each environment module decides whether it is required
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.items("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules",
    "django_tasks_db",
    "django_prometheus",
    "stadtdach.core",
    "stadtdach.accounts",
    "stadtdach.strategy",
    "stadtdach.process",
    "stadtdach.governance",
    "stadtdach.participation",
    "stadtdach.finance",
    "stadtdach.monitoring",
    "stadtdach.reports",
    "stadtdach.communication",
    "stadtdach.demo",
    # Citizen accounts (sign-up, e-mail confirmation, password reset). After our apps, so
    # that the templates in stadtdach/accounts/templates/account/ take precedence.
    "allauth",
    "allauth.account",
    "allauth.mfa",  # two-factor log-in (docs/adr/0006-staff-two-factor.md)
]

MIDDLEWARE = [
    # Operations (docs/operations.md): metrics around everything, then the request id
    # that every log line of the request carries.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "stadtdach.core.ops.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "stadtdach.core.ops.metrics.PageCacheMetricsMiddleware",
    # Serves stored pages to visitors without a session before sessions, CSRF and
    # authentication run (docs/adr/0005-page-cache.md).
    "stadtdach.core.caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff without a confirmed second factor reach only their account pages.
    "stadtdach.accounts.middleware.StaffSecondFactorMiddleware",
    "stadtdach.core.caching.middleware.RequestRecordingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "stadtdach.core.middleware.BadInputMiddleware",
    "stadtdach.core.storage.StorageOutageMiddleware",  # object storage down: 503 (ADR 0007)
    "stadtdach.core.ops.outage.DatabaseOutageMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stadtdach.core.context_processors.site",
                "stadtdach.communication.context_processors.navigation",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "django.templatetags.static",
                "stadtdach.core.templatetags.stadtdach",
                "stadtdach.core.templatetags.fragments",
                "rules.templatetags.rules",
            ],
        },
    },
]

if not env.text("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite database lives here
DATABASES = {
    "default": dj_database_url.parse(
        env.text("DATABASE_URL", f"sqlite:///{VAR_DIR / 'stadtdach.sqlite3'}"),
        conn_max_age=env.number("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web process read and write side by side; the busy
    # timeout makes a writer wait for the other instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # allauth's, which extends Django's model backend: log in with the user name or the
    # e-mail address; rules' permissions are not looked up among model permissions.
    "stadtdach.accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "communication:workspace"
LOGOUT_REDIRECT_URL = "communication:home"

# Citizen accounts (django-allauth; docs/participation.md). Staff and citizens share one
# log-in page (accounts:login); citizens register with their e-mail address, confirm it,
# and choose a display name. Usernames are generated; staff keep theirs.
ACCOUNT_ADAPTER = "stadtdach.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "stadtdach.accounts.forms.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Stadtdach] "
ACCOUNT_EMAIL_CONFIRMATION_ANONYMOUS_REDIRECT_URL = "accounts:login"
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGOUT_REDIRECT_URL = LOGOUT_REDIRECT_URL
ACCOUNT_PASSWORD_MIN_LENGTH = 10
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_USER_DISPLAY = "stadtdach.accounts.adapter.user_display"
# Two-factor log-in (django-allauth's MFA; docs/accounts.md, ADR 6): an authenticator
# app (TOTP) with recovery codes, or a security key / passkey (WebAuthn, needs HTTPS or
# localhost) as the second factor. Required for the staff roles (accounts/mfa.py).
STADTDACH_STAFF_MFA_REQUIRED = env.flag("STADTDACH_STAFF_MFA_REQUIRED", True)
MFA_ADAPTER = "stadtdach.accounts.mfa.MFAAdapter"
MFA_FORMS = {
    "authenticate": "stadtdach.accounts.mfa_forms.CodeAuthenticateForm",
    "reauthenticate": "stadtdach.accounts.mfa_forms.CodeReauthenticateForm",
    "activate_totp": "stadtdach.accounts.mfa_forms.TOTPActivateForm",
    "add_webauthn": "stadtdach.accounts.mfa_forms.KeyAddForm",
    "edit_webauthn": "stadtdach.accounts.mfa_forms.KeyEditForm",
    "authenticate_webauthn": "stadtdach.accounts.mfa_forms.KeyAuthenticateForm",
    "reauthenticate_webauthn": "stadtdach.accounts.mfa_forms.KeyReauthenticateForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "Stadtdach"
MFA_TOTP_TOLERANCE = 1  # a code of the previous or next 30 seconds too (clock drift)
# Apps that hold personal data of a user: each module offers export_personal_data(user)
# (a JSON-safe dict for the download) and erase_personal_data(user) (run before the
# account is deleted). One explicit list, like the panels.
STADTDACH_PERSONAL_DATA: tuple[str, ...] = (
    "stadtdach.participation.personal_data",
    "stadtdach.participation.formats_personal_data",
)

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.text("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": storage.media(),  # MEDIA_ROOT, or S3 with S3_BUCKET (config/storage.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads larger than this are refused before they reach a form (see core.middleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
STADTDACH_MAX_UPLOAD_BYTES = env.number("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)

# "default": rate limits and the libraries' counters; "pages": the page and fragment
# cache with its version tokens (docs/adr/0005-page-cache.md). Embedded: the database
# and files in var/; with REDIS_URL both live in Redis (Django's own RedisCache).
REDIS_URL = env.text("REDIS_URL")
if REDIS_URL:
    _REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    CACHES = {
        "default": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stadtdach",
            "OPTIONS": _REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stadtdach-pages",
            "OPTIONS": _REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "stadtdach_cache",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
STADTDACH_PAGE_CACHE = {
    # Whole pages for visitors without a session; fragments (shared parts) for everyone.
    "pages": env.flag("PAGE_CACHE", True),
    "fragments": env.flag("FRAGMENT_CACHE", True),
    "alias": "pages",
    # A stored page is kept at most this long, and never past midnight or a time
    # boundary of what it shows (core/caching/clock.py).
    "timeout": env.number("PAGE_CACHE_SECONDS", 3600),
    "max_bytes": 1_000_000,
    # A copy of recently used entries in each process's memory, used while their version
    # tokens are current (core/caching/local.py); 0 turns it off.
    "local_bytes": env.number("PAGE_CACHE_LOCAL_BYTES", 16_000_000),
    # Never served from the cache: the readiness check, files, the admin.
    "exclude": (
        "/healthz",
        "/readyz",
        "/metrics",
        "/static/",
        "/media/",
        "/technik/",
        "/en/technik/",
    ),
    # The release's name (e.g. its commit); by default a hash of code and templates.
    "release": env.text("RELEASE"),
}
# Date-times that pages compare with the present: a cached page that read one of these
# tables is kept at most until the next such moment (core/caching/clock.py).
STADTDACH_CLOCK_FIELDS: tuple[str, ...] = (
    "governance.Meeting.start",
    "governance.Meeting.end",
    "participation.ParticipationProcess.starts_at",
    "participation.ParticipationProcess.ends_at",
    "participation.FundCall.opens_at",
    "participation.FundCall.closes_at",
    "participation.OfflineEvent.starts_at",
    "participation.OfflineEvent.ends_at",
)

TASKS = {
    "default": {
        "BACKEND": env.text("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Outgoing mail (Django 6.1 mailers). The environment names stay the familiar EMAIL_*.
MAILERS = {
    "default": {
        "BACKEND": env.text("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env.text("EMAIL_HOST", "localhost"),
            "port": env.number("EMAIL_PORT", 25),
            "username": env.text("EMAIL_HOST_USER", ""),
            "password": env.text("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env.flag("EMAIL_USE_TLS", False),
            "timeout": 20,
        },
    }
}
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "stadtdach@localhost")
# The site's address for links in mails sent by background tasks (which have no request).
STADTDACH_BASE_URL = env.text("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The map of the idea collection (the one JavaScript island, loaded only on request):
# where its tiles come from. The tiles' origin is allowed in the CSP's img-src below.
STADTDACH_MAP = {
    "tile_url": env.text("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    "attribution": env.text(
        "MAP_ATTRIBUTION", "© OpenStreetMap-Mitwirkende (openstreetmap.org/copyright)"
    ),
    # The town's centre and the zoom the map opens with (Boizenburg/Elbe by default).
    "center": [
        env.real("MAP_CENTER_LAT", 53.3805),
        env.real("MAP_CENTER_LON", 10.7235),
    ],
    "zoom": env.number("MAP_ZOOM", 14),
}
_MAP_TILE_ORIGINS = (
    ["/".join(STADTDACH_MAP["tile_url"].split("/")[:3]).replace("{s}.", "*.")]
    if STADTDACH_MAP["tile_url"].startswith("https://")
    else []
)

# Content-Security-Policy: no inline script or style anywhere; everything comes from us.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *_MAP_TILE_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "stadtdach.core.views.csrf_failure"

# Operations (docs/operations.md, core/ops/): readiness, metrics, task leases.
STADTDACH_OPS = {
    # /readyz fails when the oldest task waiting for a worker is older than this.
    "ready_task_max_age": env.number("READY_TASK_MAX_AGE", 300),
    # /metrics answers loopback, these addresses/networks, or "Authorization: Bearer <token>".
    "metrics_allowed_ips": env.items("METRICS_ALLOWED_IPS"),
    "metrics_token": env.text("METRICS_TOKEN", ""),
    # manage.py task_worker: heartbeat interval, lease, attempts (core/ops/lease.py).
    "task_heartbeat_seconds": env.number("TASK_HEARTBEAT_SECONDS", 5),
    "task_lease_seconds": env.number("TASK_LEASE_SECONDS", 30),
    "task_max_attempts": env.number("TASK_MAX_ATTEMPTS", 3),
}

# Public write endpoints (feedback forms, later contributions): requests per window per client.
STADTDACH_RATE_LIMIT = {
    "requests": env.number("RATE_LIMIT_REQUESTS", 5),
    "seconds": env.number("RATE_LIMIT_SECONDS", 600),
    # Client addresses never limited (a load test's client); empty in production.
    "exempt": frozenset(env.items("RATE_LIMIT_EXEMPT")),
}
# Behind a reverse proxy that sets X-Forwarded-For, the rate limit keys on that address.
STADTDACH_TRUST_X_FORWARDED_FOR = env.flag("TRUST_X_FORWARDED_FOR", False)
# Panels of higher apps shown on pages of lower ones (core/panels.py), in display order.
STADTDACH_PANELS: dict[str, tuple[str, ...]] = {
    "home": (
        "stadtdach.participation.panels.open_participation",
        "stadtdach.governance.panels.home_meetings",
    ),
    "action_field": (
        "stadtdach.participation.panels.action_field_participation",
        "stadtdach.monitoring.panels.action_field_monitoring",
        "stadtdach.finance.panels.action_field_finance",
    ),
    "measure": (
        "stadtdach.participation.panels.measure_contributions",
        "stadtdach.participation.panels.measure_participation",
        "stadtdach.governance.panels.measure_decisions",
        "stadtdach.finance.panels.measure_finance",
        "stadtdach.monitoring.panels.measure_implementation",
    ),
    # The citizen's own account page (/konto/): what they contributed and follow.
    "account": ("stadtdach.participation.panels.account_participation",),
    # Process pages (docs/process.md) and the staff workspace page.
    "process_dashboard": ("stadtdach.governance.panels.dashboard",),
    "task": ("stadtdach.governance.panels.task_links",),
    "work_package": ("stadtdach.governance.panels.work_package_meetings",),
    "workspace": (
        "stadtdach.participation.panels.workspace_participation",
        "stadtdach.participation.panels.workspace_steering",
        "stadtdach.governance.panels.workspace_links",
    ),
}
# Contributions of higher apps to the process (docs/process.md), one explicit list each:
# lanes of the timeline, events of the iCalendar feeds ("process": the process calendar,
# "participation": the participation feed), sections of the weekly process report, and
# positions on planned participation in the tender specification.
STADTDACH_TIMELINE_SOURCES: tuple[str, ...] = (
    "stadtdach.governance.panels.timeline_meetings",
    "stadtdach.participation.panels.timeline_participation",
)
STADTDACH_CALENDAR_SOURCES: dict[str, tuple[str, ...]] = {
    "process": ("stadtdach.governance.panels.calendar_meetings",),
    "participation": ("stadtdach.participation.panels.calendar_participation",),
}
STADTDACH_PROCESS_REPORT_SECTIONS: tuple[str, ...] = ("stadtdach.governance.panels.report_section",)
STADTDACH_SPECIFICATION_PARTICIPATION: tuple[str, ...] = (
    "stadtdach.participation.panels.specification_participation",
)
# The number of measures and entries on one page of a list.
STADTDACH_PAGE_SIZE = 25

FORM_RENDERER = "stadtdach.core.forms.Renderer"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per request (core/ops/requestid.py); production writes it (ACCESS_LOG).
        "stadtdach.request": {"level": "INFO" if env.flag("ACCESS_LOG") else "WARNING"},
        # WeasyPrint logs every layout step at INFO; documents need only its warnings.
        "weasyprint": {"level": "WARNING"},
    },
}
