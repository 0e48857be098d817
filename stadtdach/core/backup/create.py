"""``backup_create``: one archive with the database, the media files and the manifest."""

import concurrent.futures
import contextlib
import dataclasses
import datetime
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.utils.translation import gettext as _

from stadtdach.core.backup import manifest, media, postgresql, sqlite
from stadtdach.core.backup.archive import Writer
from stadtdach.core.backup.connections import open_connection, settings_for
from stadtdach.core.backup.errors import BackupError
from stadtdach.core.backup.progress import Progress
from stadtdach.core.backup.tables import METHODS, table_states

DATABASE_FILES = {"postgresql": "database/postgresql.dump", "sqlite": "database/sqlite3.db"}


@dataclasses.dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    tables: int
    rows: int
    media_files: int
    missing_media: list[str]


def default_path(vendor: str) -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"stadtdach-{vendor}-{stamp}.tar"


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` archives of this command (``stadtdach-*.tar*``)
    in ``folder``; returns what was deleted."""
    archives = sorted(
        (path for path in folder.glob("stadtdach-*.tar*") if not path.name.endswith(".partial")),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for path in archives[keep:]:
        path.unlink()
    return archives[keep:]


def backup_create(
    *, output: Path | None = None, settings_dict: dict | None = None, storage=None, progress=None
) -> BackupResult:
    """Write the archive to ``output`` (default: ``var/backups/``). The database part and
    the manifest's counts come from one consistent state; nothing is written to the
    database or the storage."""
    settings_dict = settings_dict or settings_for()
    storage = storage or default_storage
    progress = progress or Progress()
    vendor = open_connection(settings_dict).vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(
            _("Backups support PostgreSQL and SQLite, not %(vendor)s.") % {"vendor": vendor}
        )
    output = Path(output) if output else default_path(vendor)
    if output.exists():
        raise BackupError(_("%(path)s exists already; choose another name.") % {"path": output})
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=output.parent) as work:
            return _create(output, Path(work), settings_dict, vendor, storage, progress)
    except DatabaseError as error:
        raise BackupError(
            _("The database could not be read: %(error)s") % {"error": error}
        ) from error


def _create(output, work, settings_dict, vendor, storage, progress) -> BackupResult:
    dump_path = work / "database"
    with _database_state(settings_dict, vendor, dump_path, progress) as (connection, database):
        progress.step(_("Counting the rows and computing the checksums of every table"))
        tables = table_states(connection, progress)
        migrations = manifest.applied_migrations(connection)
        names, missing = media.files_to_back_up(connection, storage)
        database.update(_finish_dump(database))
    writer = Writer(output)
    try:
        progress.step(_("Writing the archive %(path)s") % {"path": output})
        writer.add_path(DATABASE_FILES[vendor], dump_path)
        total = 0
        for number, name in enumerate(names, 1):
            with storage.open(name, "rb") as file:
                writer.add(f"media/{name}", file, storage.size(name))
            total += writer.files[f"media/{name}"]["size"]
            progress.count(number, len(names), _("media files"))
        writer.finish(
            manifest.build(
                vendor=vendor,
                database=database,
                migrations=migrations,
                tables=tables,
                media={
                    "storage": media.storage_name(storage),
                    "files": len(names),
                    "bytes": total,
                    "missing": missing,
                },
                files=writer.files,
            )
        )
    except BaseException:
        writer.abort()
        raise
    for name in missing:
        progress.step(
            _("Warning: the database refers to a missing media file %(name)s") % {"name": name}
        )
    return BackupResult(
        path=output,
        size=output.stat().st_size,
        seconds=progress.elapsed(),
        tables=len(tables),
        rows=sum(state["rows"] for state in tables.values()),
        media_files=len(names),
        missing_media=missing,
    )


@contextlib.contextmanager
def _database_state(settings_dict, vendor, dump_path, progress):
    """(connection to read the manifest's data from, database facts): for PostgreSQL the
    snapshot that pg_dump dumps (pg_dump runs beside the checksums), for SQLite the copy."""
    if vendor == "postgresql":
        with postgresql.snapshot(settings_dict) as (connection, snapshot):
            progress.step(_("Dumping the database with pg_dump"))
            executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
            future = executor.submit(
                postgresql.dump, settings_dict, connection, snapshot, dump_path
            )
            facts = {
                "server_version": connection.pg_version,
                "checksum_method": METHODS[vendor],
                "file": DATABASE_FILES[vendor],
                "_future": future,
            }
            try:
                yield connection, facts
            finally:
                executor.shutdown(wait=True)
        return
    progress.step(_("Copying the database with SQLite's backup API"))
    source = open_connection(settings_dict)
    try:
        sqlite.dump(source, dump_path)
    finally:
        source.close()
    connection = open_connection(settings_dict, name=str(dump_path))
    try:
        yield connection, {"checksum_method": METHODS[vendor], "file": DATABASE_FILES[vendor]}
    finally:
        connection.close()


def _finish_dump(database: dict) -> dict:
    future = database.pop("_future", None)
    return {"dump_tool": future.result()} if future is not None else {}
