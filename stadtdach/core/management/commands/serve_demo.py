"""`make run`: migrate, load the demo town once, start the task worker and the web server."""

import contextlib
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

# The demo app sits at the top of the layers and core at the bottom, so core names the
# demo's loader and users as strings (as call_command does) instead of importing them.
DEMO_LOADER = "load_boizenburg_demo"
DEMO_USERS = "stadtdach.demo.users.DEMO_USERS"


def demo_users() -> list[dict]:
    try:
        return list(import_string(DEMO_USERS))
    except ImportError:
        return []


def _interrupt(signum, frame):
    raise KeyboardInterrupt


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
        if DEMO_LOADER in get_commands():
            call_command(DEMO_LOADER, if_empty=True)
        else:
            self.stderr.write(self.style.WARNING(f"{DEMO_LOADER} not found; no demo data."))
        self.print_banner(port)
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # Each child gets its own process group, so that stopping kills its reloader's
        # child as well. The worker runs the deferred tasks (mail, documents); runserver
        # keeps reloading on code changes.
        children = [
            subprocess.Popen([*manage, "db_worker"], start_new_session=True),  # noqa: S603
            subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}"],  # noqa: S603
                             start_new_session=True),
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
        users = demo_users()
        if users:
            self.stdout.write("Demo logins (username / password / role):")
            for user in users:
                self.stdout.write(
                    f"  {user['username']:<24} {user['password']:<20} {user['role_label']}"
                )
        self.stdout.write("Stop with Ctrl+C.\n")
