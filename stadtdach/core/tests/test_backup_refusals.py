"""What restore refuses, and that a refusal changes nothing: neither the target database
nor the media storage. Also what "empty" means for a target."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from stadtdach.core.backup import BackupError, backup_create, backup_restore, testing
from stadtdach.core.backup.connections import open_connection
from stadtdach.core.backup.create import DATABASE_FILES
from stadtdach.core.backup.media import walk
from stadtdach.core.backup.tables import table_names, table_states, tables_with_data
from stadtdach.core.backup.testing import file_system_storage, require_tools, rewrite, truncate

# Most tests only restore into the scratch database: the test database need not be
# transactional for them (on PostgreSQL each transactional test costs seconds).
pytestmark = pytest.mark.django_db
_scratch_postgresql = testing._scratch_postgresql
scratch_database = testing.scratch_database
DATABASE = DATABASE_FILES[connection.vendor]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # the messages are matched in English
        yield


@pytest.fixture(scope="module")
def _archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """One small archive for the module (one user, two media files), made from committed
    data that is removed again afterwards."""
    require_tools(connection.vendor)
    folder = tmp_path_factory.mktemp("backup-source")
    storage = FileSystemStorage(location=folder / "media")
    storage.save("governance/documents/2026/protokoll.txt", ContentFile(b"Protokoll\n" * 50))
    storage.save("participation/events/1/foto.jpg", ContentFile(b"\xff\xd8" + b"x" * 4000))
    with django_db_blocker.unblock():
        user = apps.get_model("accounts", "User").objects.create_user("ruth", password="x" * 12)
        try:
            backup_create(output=folder / "backup.tar", storage=storage)
        finally:
            user.delete()
    return folder / "backup.tar"


@pytest.fixture
def archive(_archive, settings, tmp_path):
    """The module's archive; the default storage is an empty folder to restore into."""
    file_system_storage(settings, tmp_path / "media-target")
    return _archive


def refused(path, target, match: str) -> None:
    with pytest.raises(BackupError, match=match):
        backup_restore(path=path, settings_dict=target)


def assert_untouched(target) -> None:
    """The scratch database still has no tables and the media storage no files."""
    copy = open_connection(target)
    try:
        assert table_names(copy) == []
    finally:
        copy.close()
    assert walk(default_storage) == []


def test_a_freshly_migrated_database_counts_as_empty():
    # The test database is migrated and holds only what migrate wrote: if this fails, a
    # migration fills another table; add it to tables.MIGRATION_FILLED.
    assert tables_with_data(connection) == []


def test_an_archive_of_a_newer_schema_is_refused(archive, tmp_path, scratch_database):
    newer = tmp_path / "newer.tar"
    rewrite(archive, newer, manifest=lambda m: m["migrations"]["core"].append("9999_future"))
    refused(newer, scratch_database, "newer version of Stadtdach.*core.9999_future")
    assert_untouched(scratch_database)


@pytest.mark.parametrize(
    "where", ["manifest.json", "media/participation/events/1/foto.jpg", "database", "start"]
)
def test_a_truncated_archive_is_refused(archive, tmp_path, scratch_database, where):
    cut = tmp_path / "cut.tar"
    truncate(archive, cut, DATABASE if where == "database" else where)
    refused(cut, scratch_database, "truncated|no manifest")
    assert_untouched(scratch_database)


def test_a_tampered_database_part_is_refused(archive, tmp_path, scratch_database):
    changed = tmp_path / "changed.tar"
    database = DATABASE

    def flip(data: bytes) -> bytes:
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]

    rewrite(archive, changed, member=(database, flip))
    refused(changed, scratch_database, f"does not match its manifest.*{database}")
    assert_untouched(scratch_database)


def test_a_tampered_media_file_is_refused(archive, tmp_path, scratch_database):
    changed = tmp_path / "changed.tar"
    name = "media/governance/documents/2026/protokoll.txt"
    rewrite(
        archive, changed, member=(name, lambda data: data.replace(b"Protokoll", b"Protokol!", 1))
    )
    refused(changed, scratch_database, f"does not match its manifest.*{name}")
    assert_untouched(scratch_database)


def test_a_manifest_with_changed_counts_is_refused_and_leaves_the_target_empty(
    archive, tmp_path, scratch_database
):
    # The files match, the manifest lies about a table: found when comparing the tables
    # (SQLite: before the target is touched; PostgreSQL: after, and the restore is undone).
    lying = tmp_path / "lying.tar"
    rewrite(archive, lying, manifest=lambda m: m["tables"]["accounts_user"].update(rows=2))
    refused(lying, scratch_database, "differ from the manifest in accounts_user")
    assert_untouched(scratch_database)


@pytest.mark.django_db(transaction=True)
def test_a_non_empty_database_is_refused_and_keeps_its_data(archive):
    apps.get_model("accounts", "User").objects.create_user("ruth", password="x" * 12)
    before = table_states(connection)
    target = testing.settings_for()
    with pytest.raises(BackupError, match=r"not empty.*accounts_user"):
        backup_restore(path=archive, settings_dict=target)
    assert table_states(connection) == before
    assert walk(default_storage) == []


def test_a_non_empty_media_storage_is_refused(archive, scratch_database):
    default_storage.save("left-over.txt", ContentFile(b"from before"))
    refused(archive, scratch_database, "media storage is not empty.*left-over.txt")
    copy = open_connection(scratch_database)
    try:
        assert table_names(copy) == []
    finally:
        copy.close()
    assert walk(default_storage) == ["left-over.txt"]


def test_an_archive_of_the_other_database_vendor_is_refused(archive, tmp_path, scratch_database):
    other = tmp_path / "other.tar"
    vendor = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    rewrite(archive, other, manifest=lambda m: m["database"].update(vendor=vendor))
    refused(other, scratch_database, f"holds a {vendor} database")
    assert_untouched(scratch_database)


def test_something_else_is_refused(tmp_path, scratch_database):
    (tmp_path / "notes.tar").write_bytes(b"not a tar file at all" * 100)
    refused(tmp_path / "notes.tar", scratch_database, "truncated or damaged")
    refused(tmp_path / "absent.tar", scratch_database, "does not exist")


@pytest.mark.django_db(transaction=True)
def test_the_command_reports_a_refusal_as_an_error(archive):
    apps.get_model("accounts", "User").objects.create_user("ruth", password="x" * 12)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), verbosity=0)


def test_backup_does_not_overwrite_an_archive(archive):
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", output=archive, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_keep_deletes_only_older_archives_after_a_backup(archive, tmp_path):
    import os

    folder = tmp_path / "nightly"
    folder.mkdir()
    for day in range(1, 4):
        old = folder / f"stadtdach-{connection.vendor}-2026120{day}-020000.tar"
        old.write_bytes(b"old")
        os.utime(old, (1_700_000_000 + day, 1_700_000_000 + day))
    (folder / "notes.txt").write_text("not an archive")
    call_command("backup", output=folder / "stadtdach-new.tar", keep=2, verbosity=0)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["notes.txt", f"stadtdach-{connection.vendor}-20261203-020000.tar", "stadtdach-new.tar"]
    )
    with pytest.raises(CommandError, match="--keep"):
        call_command("backup", output=folder / "stadtdach-x.tar", keep=0, verbosity=0)
