"""Settings shared by every environment. Environment values are read through config.env."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config import env

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "stadtdach.core.middleware.BadInputMiddleware",
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
    "django.contrib.auth.backends.ModelBackend",
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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads larger than this are refused before they reach a form (see core.middleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
STADTDACH_MAX_UPLOAD_BYTES = env.number("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "stadtdach_cache",
    }
}

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
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content-Security-Policy: no inline script or style anywhere; everything comes from us.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
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

# Public write endpoints (feedback forms, later contributions): requests per window per client.
STADTDACH_RATE_LIMIT = {
    "requests": env.number("RATE_LIMIT_REQUESTS", 5),
    "seconds": env.number("RATE_LIMIT_SECONDS", 600),
}
# Behind a reverse proxy that sets X-Forwarded-For, the rate limit keys on that address.
STADTDACH_TRUST_X_FORWARDED_FOR = env.flag("TRUST_X_FORWARDED_FOR", False)
# Panels of higher apps shown on pages of lower ones (core/panels.py), in display order.
STADTDACH_PANELS: dict[str, tuple[str, ...]] = {
    "home": (),
    "action_field": (),
    "measure": (),
}
# The number of measures and entries on one page of a list.
STADTDACH_PAGE_SIZE = 25

FORM_RENDERER = "stadtdach.core.forms.Renderer"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
