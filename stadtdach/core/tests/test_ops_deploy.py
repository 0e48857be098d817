"""deploy/: HAProxy's configuration is valid, its error pages are complete friendly
responses, gunicorn's configuration reads the environment, every scheduled job names a
management command that exists, env.example lists what the settings read."""

import re
import shutil
import subprocess
from pathlib import Path

from django.core.management import get_commands

from stadtdach.core.testing.services import skip_or_fail

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
HAPROXY_ENV = {
    "HAPROXY_BIND": "127.0.0.1:18443",
    "HAPROXY_HTTP_BIND": "127.0.0.1:18080",
    "APP_SERVER_1": "127.0.0.1:18001",
    "APP_SERVER_2": "127.0.0.1:18002",
    "APP_MAXCONN": "4",
    "SITE_HOST": "isek.example.de",
    "HAPROXY_STATS_BIND": "127.0.0.1:18404",
}


def test_haproxy_configuration_is_valid(tmp_path):
    if not shutil.which("haproxy") or not shutil.which("openssl"):
        skip_or_fail("haproxy or openssl not installed")
    pem = tmp_path / "site.pem"
    subprocess.run(  # noqa: S603
        [  # noqa: S607 - openssl from the PATH
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=test",
            "-keyout",
            str(pem),
            "-out",
            str(pem),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    result = subprocess.run(  # noqa: S603
        ["haproxy", "-c", "-f", str(DEPLOY / "haproxy.cfg")],  # noqa: S607
        env={**HAPROXY_ENV, "HAPROXY_CERT": str(pem), "PATH": "/usr/sbin:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = (DEPLOY / "haproxy.cfg").read_text()
    assert "uri /readyz?checks=database" in config
    assert "http-request del-header X-Forwarded-For" in config and "option forwardfor" in config


def test_haproxy_error_pages_are_complete_friendly_responses():
    for code in ("502", "503", "504"):
        raw = (DEPLOY / "errors" / f"{code}.http").read_bytes()
        head, body = raw.split(b"\r\n\r\n", 1)
        assert head.startswith(f"HTTP/1.0 {code} ".encode())
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        assert length == len(body)
        text = body.decode()
        assert "Die Seite ist gleich wieder da" in text and "Back in a moment" in text
        assert '<html lang="de">' in text and 'lang="en"' in text


def test_gunicorn_configuration_reads_the_environment(monkeypatch):
    from gunicorn.config import Config

    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "40")
    namespace: dict = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 - our own file
    config = Config()
    for key in ("workers", "bind", "timeout", "preload_app", "accesslog", "wsgi_app"):
        config.set(key, namespace[key])
    assert config.workers == 5 and config.bind == ["0.0.0.0:9000"] and config.timeout == 40
    assert config.preload_app is False and config.accesslog is None
    assert "child_exit" in namespace


def test_every_scheduled_job_and_process_names_an_existing_command():
    commands = get_commands()
    timers = sorted((DEPLOY / "systemd").glob("*.timer"))
    assert len(timers) >= 6
    for timer in timers:
        unit = re.search(r"^Unit=(\S+)$", timer.read_text(), re.MULTILINE).group(1)
        job = re.fullmatch(r"stadtdach-job@(\w+)\.service", unit)
        if job:
            command = job.group(1)
        else:  # a service of its own (the backup, with its options)
            service = (DEPLOY / "systemd" / unit).read_text()
            command = re.search(r"manage\.py (\w+)", service).group(1)
        assert command in commands, f"{timer.name}: manage.py {command} does not exist"
    worker = (DEPLOY / "systemd" / "stadtdach-worker@.service").read_text()
    assert "manage.py task_worker" in worker and "task_worker" in commands
    assert "deploy/gunicorn.conf.py" in (DEPLOY / "systemd" / "stadtdach-web.service").read_text()


def test_env_example_lists_what_production_reads():
    listed = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (DEPLOY / "env.example").read_text(), re.M)
    )
    root = DEPLOY.parent
    read = set()
    for source in [*(root / "config").rglob("*.py"), DEPLOY / "gunicorn.conf.py"]:
        text = source.read_text()
        read |= set(re.findall(r'env\.\w+\(\s*"([A-Z][A-Z0-9_]+)"', text))
        read |= set(re.findall(r'os\.environ\.get\("([A-Z][A-Z0-9_]+)"', text))
    # Set per environment or by the units, not in /etc/stadtdach/env:
    not_for_production = {
        "DEBUG",
        "TASKS_BACKEND",
        "EMAIL_BACKEND",
        "PORT",
        "STADTDACH_STAFF_MFA_REQUIRED",
        "RATE_LIMIT_EXEMPT",
        "DJANGO_SETTINGS_MODULE",
    }
    missing = read - listed - not_for_production
    assert not missing, f"deploy/env.example lacks {sorted(missing)}"
