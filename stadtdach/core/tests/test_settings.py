"""Production settings refuse to start without their secrets and never run in DEBUG."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHECK = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.DATABASES['default']['ENGINE'])"
)


def run(env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG"}
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", CHECK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
    )


def test_production_needs_a_secret_key_hosts_and_a_database():
    missing_key = run(
        {"ALLOWED_HOSTS": "isek.example.de", "DATABASE_URL": "postgres://u@localhost/x"}
    )
    assert missing_key.returncode != 0 and "SECRET_KEY" in missing_key.stderr
    missing_hosts = run({"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@localhost/x"})
    assert missing_hosts.returncode != 0 and "ALLOWED_HOSTS" in missing_hosts.stderr
    missing_db = run({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "isek.example.de"})
    assert missing_db.returncode != 0 and "DATABASE_URL" in missing_db.stderr


def test_production_runs_without_debug_on_postgresql_even_if_debug_is_set():
    result = run(
        {
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "isek.example.de",
            "DATABASE_URL": "postgres://u@localhost/x",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "DEBUG": "true",
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "False"
    assert "postgresql" in result.stdout
