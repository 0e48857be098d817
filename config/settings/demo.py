"""`make run`: the production set-up on one machine, as a town would run it, with the
embedded database: gunicorn and the task worker, DEBUG off, collected static files, the
cached template loader, the page cache in var/cache/. Served over plain HTTP on the
loopback address, so secure-only cookies and the HTTPS redirect are off, and mail goes
to files in var/mail/. Not for a server reachable by others: use production there."""

from django.core.management.utils import get_random_secret_key

from config import env
from config.settings.base import *  # noqa: F403
from config.settings.base import VAR_DIR

DEBUG = False
_key_file = VAR_DIR / "dev-secret-key"
if SECRET_KEY is None:  # noqa: F405
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    if not _key_file.exists():
        _key_file.write_text(get_random_secret_key())
    SECRET_KEY = _key_file.read_text().strip()
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
if not env.text("EMAIL_BACKEND"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }
# The demo's passwords are public, so a second factor would protect nothing: off, with a
# note on the log-in and two-factor pages; anybody may still set one up and try it
# (docs/adr/0006-staff-two-factor.md). Security keys need http://localhost, not 127.0.0.1.
STADTDACH_STAFF_MFA_REQUIRED = env.flag("STADTDACH_STAFF_MFA_REQUIRED", False)
