"""`make run`: migrate, load the demo town once, start the task worker and the web server."""

import contextlib
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from stadtdach.demo.users import DEMO_USERS


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _spawn(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, start_new_session=True)  # noqa: S603 - our manage.py


def _stop(child: subprocess.Popen) -> None:
    """Stop a child and everything it started (its process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)


class Command(BaseCommand):
    help = "Run the demo: migrate, load the demo data if the database is empty, serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port: int, **options):
        # A fresh checkout has no var/ yet, where the SQLite database goes by default.
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_boizenburg_demo", if_empty=True)
        self.print_banner(port)
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # Each child gets its own process group, so that stopping kills its reloader's
        # child as well. The worker runs the deferred tasks (mail, documents); runserver
        # keeps reloading on code changes.
        children = [
            _spawn([*manage, "db_worker"]),
            _spawn([*manage, "runserver", f"127.0.0.1:{port}"]),
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
