"""Development and demo: what `make run` uses. Not for a server reachable by others."""

from django.core.management.utils import get_random_secret_key

from config import env
from config.settings.base import *  # noqa: F403
from config.settings.base import VAR_DIR

DEBUG = env.flag("DEBUG", True)
# A development key is generated once and kept in var/, never committed.
_key_file = VAR_DIR / "dev-secret-key"
if SECRET_KEY is None:  # noqa: F405
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    if not _key_file.exists():
        _key_file.write_text(get_random_secret_key())
    SECRET_KEY = _key_file.read_text().strip()
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
# Mail is written to files in var/mail/ instead of being sent (unless EMAIL_BACKEND is set).
if not env.text("EMAIL_BACKEND"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }
STORAGES = {  # no manifest needed when DEBUG serves static files straight from the apps
    "default": STORAGES["default"],  # noqa: F405 - MEDIA_ROOT, or S3 with S3_BUCKET
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# As in the demo (ADR 6): the demo's staff log in with public passwords, a second factor
# would protect nothing; STADTDACH_STAFF_MFA_REQUIRED=true tries the requirement.
STADTDACH_STAFF_MFA_REQUIRED = env.flag("STADTDACH_STAFF_MFA_REQUIRED", False)
