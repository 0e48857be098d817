"""Helpers for the backup tests: a scratch database to restore into, media folders, and
ways to damage an archive."""

import io
import json
import shutil
import tarfile
import uuid
from pathlib import Path

import pytest

from stadtdach.core.backup.connections import open_connection, settings_for
from stadtdach.core.backup.manifest import NAME
from stadtdach.core.testing.services import skip_or_fail


def require_tools(vendor: str) -> None:
    if vendor == "postgresql":
        for tool in ("pg_dump", "pg_restore"):
            if shutil.which(tool) is None:
                skip_or_fail(f"{tool} is not on the PATH (Debian: postgresql-client)")


@pytest.fixture(scope="session")
def _scratch_postgresql(django_db_setup, django_db_blocker):
    """One PostgreSQL database of a unique name per test process, dropped at the end
    (dropping one costs a checkpoint: seconds on a busy machine)."""
    with django_db_blocker.unblock():
        settings_dict = settings_for()
        if settings_dict["ENGINE"] != "django.db.backends.postgresql":
            yield None
            return
        name = f"{settings_dict['NAME']}_scratch_{uuid.uuid4().hex[:8]}"
        server = open_connection({**settings_dict, "NAME": "postgres"})
        try:
            with server.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
            yield {**settings_dict, "NAME": name}
        finally:
            with server.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.close()


@pytest.fixture
def scratch_database(_scratch_postgresql, tmp_path, django_db_blocker):
    """Settings of a database without tables to restore into (PostgreSQL: the process's
    scratch database, emptied after each test; SQLite: a new file)."""
    if _scratch_postgresql is None:
        yield {**settings_for(), "NAME": str(tmp_path / "scratch.sqlite3")}
        return
    yield _scratch_postgresql
    with django_db_blocker.unblock():
        connection = open_connection(_scratch_postgresql)
        try:
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        finally:
            connection.close()


def file_system_storage(settings, location: Path) -> None:
    """Point the default storage at ``location`` (the settings fixture resets it)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    settings.MEDIA_ROOT = location


def rewrite(source: Path, target: Path, *, manifest=None, member=None) -> None:
    """Copy an archive, changing its manifest (``manifest(dict)``) or one member's bytes
    (``member = (name, change(bytes) -> bytes)``) on the way."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for info in old:
            data = old.extractfile(info).read()
            if info.name == NAME and manifest is not None:
                content = json.loads(data)
                manifest(content)
                data = json.dumps(content).encode()
            if member is not None and info.name == member[0]:
                data = member[1](data)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))


def truncate(source: Path, target: Path, where: str) -> None:
    """Copy the archive cut off in the middle of its member ``where`` (a name, or "start"
    for its first 100 bytes)."""
    data = source.read_bytes()
    if where == "start":
        target.write_bytes(data[:100])
        return
    with tarfile.open(source) as tar:
        member = tar.getmember(where)
    target.write_bytes(data[: member.offset_data + member.size // 2])
