"""``backup_restore``: an archive back into an empty database and an empty media storage.

Everything that can refuse is checked before anything is written: the archive's
completeness and checksums, its format and database vendor, its schema (no migration
this code does not know), an empty target. The database is then written in one step
(PostgreSQL: one transaction; SQLite: one step of the backup API) and compared with
the manifest; the media files follow and are read back. If a comparison fails, the
database and the storage are emptied again."""

import dataclasses
import tempfile
from pathlib import Path

from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.utils.translation import gettext as _

from stadtdach.core.backup import archive, manifest, media, postgresql, sqlite
from stadtdach.core.backup.connections import open_connection, settings_for
from stadtdach.core.backup.errors import BackupError
from stadtdach.core.backup.progress import Progress
from stadtdach.core.backup.tables import differences, table_names, table_states, tables_with_data


@dataclasses.dataclass
class RestoreResult:
    tables: int
    rows: int
    media_files: int
    seconds: float
    missing_migrations: list[str]


def _listed(names: list[str]) -> str:
    return ", ".join(names[:5]) + (" …" if len(names) > 5 else "")


def backup_restore(
    *, path: Path, settings_dict: dict | None = None, storage=None, progress=None
) -> RestoreResult:
    """Restore the archive at ``path``; raises ``BackupError`` (with nothing changed) when
    the archive or the target is not fit."""
    settings_dict = settings_dict or settings_for()
    storage = storage or default_storage
    progress = progress or Progress()
    path = Path(path)
    target = open_connection(settings_dict)
    try:
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=path.parent) as work:
            return _restore(path, Path(work), target, settings_dict, storage, progress)
    except DatabaseError as error:
        raise BackupError(_("The database failed: %(error)s") % {"error": error}) from error
    finally:
        target.close()


def _restore(path, work, target, settings_dict, storage, progress) -> RestoreResult:
    progress.step(_("Reading and checking the archive %(path)s") % {"path": path})
    staging = work / "staging"
    staging.mkdir()
    content, staged = archive.read(path, staging, progress)
    existing = _check_target(content, target, storage)
    database = staged[content["database"]["file"]]
    if target.vendor == "sqlite":
        # The copy can be compared before the target is touched.
        progress.step(_("Comparing the archived database with the manifest"))
        copy = open_connection(settings_dict, name=str(database))
        try:
            _compare(content["tables"], table_states(copy, progress), changed=False)
        finally:
            copy.close()
        before = work / "before.sqlite3"
        sqlite.dump(target, before)
    progress.step(_("Restoring the database"))
    if target.vendor == "postgresql":
        postgresql.restore(settings_dict, target, database, clean=bool(existing))
    else:
        sqlite.restore(target, database)
    try:
        progress.step(_("Comparing the restored tables with the manifest"))
        _compare(content["tables"], table_states(target, progress), changed=True)
        files = _restore_media(content, staged, storage, progress)
    except BaseException:
        progress.step(_("Undoing the restore"))
        if target.vendor == "postgresql":
            postgresql.drop_tables(target, table_names(target))
        else:
            sqlite.restore(target, before)
        raise
    for cache in caches.all():
        cache.clear()  # pages and fragments of whatever ran before must not be served
    return RestoreResult(
        tables=len(content["tables"]),
        rows=sum(state["rows"] for state in content["tables"].values()),
        media_files=files,
        seconds=progress.elapsed(),
        missing_migrations=manifest.missing_migrations(content["migrations"]),
    )


def _check_target(content, target, storage) -> list[str]:
    """Refuse an archive that does not fit or a target that is not empty; returns the
    target's (empty) tables."""
    vendor = content["database"].get("vendor")
    if vendor != target.vendor:
        raise BackupError(
            _(
                "The archive holds a %(archive)s database, the target is %(target)s: "
                "restore it into a database of the same kind; nothing was changed."
            )
            % {"archive": vendor, "target": target.vendor}
        )
    unknown = manifest.unknown_migrations(content["migrations"])
    if unknown:
        raise BackupError(
            _(
                "The archive comes from a newer version of Stadtdach: this code does not know "
                "its migrations %(names)s. Update Stadtdach first; nothing was changed."
            )
            % {"names": _listed(unknown)}
        )
    with_data = tables_with_data(target)
    if with_data:
        raise BackupError(
            _(
                "The target database is not empty (data in %(names)s). Restore only into an "
                "empty database; nothing was changed."
            )
            % {"names": _listed(with_data)}
        )
    existing = table_names(target)
    foreign = sorted(set(existing) - set(content["tables"]))
    if foreign:
        raise BackupError(
            _(
                "The target database has tables that the archive does not know (%(names)s): "
                "restore into a new, empty database; nothing was changed."
            )
            % {"names": _listed(foreign)}
        )
    stored = media.walk(storage)
    if stored:
        raise BackupError(
            _(
                "The media storage is not empty (%(count)s files, e.g. %(names)s). Restore "
                "only into an empty storage; nothing was changed."
            )
            % {"count": len(stored), "names": _listed(stored)}
        )
    return existing


def _compare(expected: dict, actual: dict, *, changed: bool) -> None:
    different = differences(expected, actual)
    if different:
        what = _("the restore was undone") if changed else _("nothing was changed")
        raise BackupError(
            _("Rows or checksums differ from the manifest in %(names)s; %(what)s.")
            % {"names": _listed(different), "what": what}
        )


def _restore_media(content, staged, storage, progress) -> int:
    files = {name: entry for name, entry in content["files"].items() if name.startswith("media/")}
    progress.step(_("Restoring %(count)s media files") % {"count": len(files)})
    saved = []
    try:
        for number, (member, entry) in enumerate(sorted(files.items()), 1):
            name = member.removeprefix("media/")
            with open(staged[member], "rb") as file:
                stored_as = storage.save(name, File(file, name=name))
            saved.append(stored_as)
            if stored_as != name or media.digest(storage, name) != (entry["size"], entry["sha256"]):
                raise BackupError(
                    _(
                        "The media file %(name)s could not be stored unchanged; "
                        "the restore was undone."
                    )
                    % {"name": name}
                )
            progress.count(number, len(files), _("media files"))
    except BaseException:
        for name in saved:
            storage.delete(name)
        raise
    return len(files)
