"""Production settings: Redis required (or SINGLE_SERVER), JSON logging, Sentry's switch."""

from stadtdach.core.tests.test_settings import run

BASE = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "isek.example.de",
    "DATABASE_URL": "postgres://u@localhost/x",
    "REDIS_URL": "",
    "SINGLE_SERVER": "",
    "SENTRY_DSN": "",
}


def test_production_without_redis_stops_and_names_redis_url():
    result = run(BASE)
    assert result.returncode != 0
    assert "REDIS_URL must be set in production" in result.stderr
    assert "SINGLE_SERVER=true" in result.stderr


def test_a_single_server_may_run_without_redis_and_redis_is_the_cache_otherwise():
    assert run({**BASE, "SINGLE_SERVER": "true"}).returncode == 0
    check = run({**BASE, "REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert check.returncode == 0, check.stderr


def test_production_logs_json_and_sentry_starts_only_with_a_dsn():
    import subprocess
    import sys

    from stadtdach.core.tests.test_settings import ROOT

    code = (
        "import django; django.setup(); import logging, sentry_sdk; "
        "logging.getLogger('stadtdach.x').warning('hello'); "
        "print(sentry_sdk.get_client().is_active())"
    )
    env = {**BASE, "SINGLE_SERVER": "true", "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    import os

    plain = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip() == "False"
    assert '"level": "WARNING", "logger": "stadtdach.x", "message": "hello"' in plain.stderr
    with_dsn = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env, "SENTRY_DSN": "https://key@sentry.invalid/1"},
    )
    assert with_dsn.returncode == 0, with_dsn.stderr
    assert with_dsn.stdout.strip() == "True"
