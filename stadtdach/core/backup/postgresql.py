"""PostgreSQL: ``pg_dump`` in a snapshot that the manifest's checksums share, and
``pg_restore`` in one transaction (all or nothing)."""

import contextlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from django.db.backends.postgresql.client import DatabaseClient
from django.utils.translation import gettext as _

from stadtdach.core.backup.connections import open_connection
from stadtdach.core.backup.errors import BackupError


def server_major(connection) -> int:
    return connection.pg_version // 10000


def tool(name: str, major: int) -> tuple[str, str]:
    """(path, version line) of a PostgreSQL client tool at least as new as ``major``."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _(
                "%(tool)s was not found on the PATH. Install the PostgreSQL client tools "
                "of version %(major)s or newer (Debian: postgresql-client-%(major)s)."
            )
            % {"tool": name, "major": major}
        )
    line = subprocess.run(  # noqa: S603 - the tool found on PATH
        [path, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    found = re.search(r"(\d+)(?:\.\d+)?", line)
    if found is None or int(found.group(1)) < major:
        raise BackupError(
            _(
                "%(tool)s at %(path)s is older (%(version)s) than the database server "
                "(version %(major)s). Install the PostgreSQL client tools of version "
                "%(major)s or newer."
            )
            % {"tool": name, "path": path, "version": line or "?", "major": major}
        )
    return path, line


def _connection_args(settings_dict: dict) -> tuple[list[str], dict]:
    args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    # psql's last argument is the database name; pg_dump and pg_restore take it as -d.
    return [*args[1:-1], "--dbname", args[-1]], {**os.environ, **(env or {})}


def _run(command: list[str], env: dict, what: str) -> None:
    result = subprocess.run(  # noqa: S603 - our own arguments
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = "\n".join(result.stderr.strip().splitlines()[-8:])
        raise BackupError(
            _("%(what)s failed (exit code %(code)s):\n%(detail)s")
            % {"what": what, "code": result.returncode, "detail": detail}
        )


@contextlib.contextmanager
def snapshot(settings_dict: dict):
    """A read-only repeatable-read transaction on a connection of its own, and the name of
    its exported snapshot: ``pg_dump --snapshot`` sees exactly what this connection sees."""
    connection = open_connection(settings_dict)
    connection.ensure_connection()
    connection.set_autocommit(False)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            name = cursor.fetchone()[0]
        yield connection, name
    finally:
        connection.rollback()
        connection.close()


def dump(settings_dict: dict, connection, snapshot_name: str, target: Path) -> str:
    """Write the custom-format dump of the snapshot to ``target``; returns pg_dump's version."""
    path, version = tool("pg_dump", server_major(connection))
    args, env = _connection_args(settings_dict)
    command = [
        path,
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        f"--snapshot={snapshot_name}",
        f"--file={target}",
        *args,
    ]
    _run(command, env, "pg_dump")
    return version


def restore(settings_dict: dict, connection, source: Path, *, clean: bool) -> None:
    """Load the dump in a single transaction: on any error nothing is written. ``clean``
    drops the (empty) tables of a migrated target first, in the same transaction."""
    path, _version = tool("pg_restore", server_major(connection))
    args, env = _connection_args(settings_dict)
    command = [
        path,
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        *(["--clean", "--if-exists"] if clean else []),
        *args,
        str(source),
    ]
    _run(command, env, "pg_restore")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def drop_tables(connection, names: list[str]) -> None:
    """Empty the database again after a failed check (the restore had an empty target)."""
    if not names:
        return
    quoted = ", ".join(connection.ops.quote_name(name) for name in names)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {quoted} CASCADE")
