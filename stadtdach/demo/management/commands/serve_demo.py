"""`make run`: migrate, load the demo town once, collect the static files, then run the
task worker and the production web server (gunicorn), as a town would run them.
`make dev` (``--dev``) runs Django's autoreloading development server instead."""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from stadtdach.demo.users import DEMO_USERS

WEB_WORKERS = 2


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _spawn(command: list[str], environment: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(command, start_new_session=True, env=environment)  # noqa: S603


def _stop(child: subprocess.Popen) -> None:
    """Stop a child and everything it started (its process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)


def web_command(port: int, *, dev: bool) -> list[str]:
    if dev:
        return [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "runserver",
            f"127.0.0.1:{port}",
        ]
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [
        str(gunicorn),
        "config.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={WEB_WORKERS}",
        "--access-logfile=-",
        "--graceful-timeout=5",
        "--no-control-socket",  # one per user by default: two servers would share it
    ]


class Command(BaseCommand):
    help = "Run the demo: migrate, load the demo data if the database is empty, serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--dev", action="store_true", help="Django's autoreloading server instead of gunicorn."
        )

    def handle(self, *args, port: int, dev: bool, **options):
        # A fresh checkout has no var/ yet, where the SQLite database goes by default.
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_boizenburg_demo", if_empty=True)
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.print_banner(port)
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # Each child gets its own process group, so that stopping kills its workers (and
        # the reloader's child) as well. The task worker (with its lease) runs mail and documents.
        children = [
            _spawn([*manage, "task_worker"], environment),
            _spawn(web_command(port, dev=dev), environment),
        ]
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            children[1].wait()
        except KeyboardInterrupt:
            pass
        finally:
            for child in children:
                _stop(child)

    def print_banner(self, port: int) -> None:
        self.stdout.write(self.style.SUCCESS(f"\nStadtdach demo: http://127.0.0.1:{port}/\n"))
        self.stdout.write("Demo logins (username / password / role):")
        for user in DEMO_USERS:
            self.stdout.write(
                f"  {user['username']:<16} {user['password']:<16} {user['role_label']}"
            )
        self.stdout.write("Stop with Ctrl+C.\n")
