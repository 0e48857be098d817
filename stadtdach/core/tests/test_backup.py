"""Backup and restore round trips: identical tables and media files, and a working site.

Both run on the database of the test run (SQLite or PostgreSQL, DATABASE_URL) and on the
file system as media storage."""

import uuid

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from stadtdach.core.backup import backup_create, backup_restore, testing
from stadtdach.core.backup.connections import open_connection
from stadtdach.core.backup.media import digest, walk
from stadtdach.core.backup.tables import table_names, table_states
from stadtdach.core.backup.testing import file_system_storage, require_tools
from stadtdach.core.testing import s3_server as local_s3

pytestmark = pytest.mark.django_db(transaction=True)
_scratch_postgresql = testing._scratch_postgresql
scratch_database = testing.scratch_database
s3_server = local_s3.s3_server


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # the messages are matched in English
        yield


def media_state() -> dict:
    return {name: digest(default_storage, name) for name in walk(default_storage)}


def test_round_trip_into_the_emptied_database_gives_identical_data_and_a_working_site(
    settings, tmp_path, client
):
    require_tools(connection.vendor)
    file_system_storage(settings, tmp_path / "media-before")
    call_command("load_boizenburg_demo", verbosity=0)
    # A file no FileField refers to: only the walk through the storage finds it.
    default_storage.save("unreferenced/note.txt", ContentFile(b"kept as well\n"))
    tables, files = table_states(connection), media_state()
    measure = apps.get_model("strategy", "Measure").objects.order_by("pk").first()
    assert len(files) >= 4
    assert sum(state["rows"] for state in tables.values()) > 1000

    archive = tmp_path / "backup.tar"
    call_command("backup", output=archive, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)  # migrated and empty again
    file_system_storage(settings, tmp_path / "media-after")
    assert media_state() == {}
    call_command("restore", str(archive), verbosity=0)
    connection.close()  # the tables were replaced under this connection

    assert table_states(connection) == tables
    assert media_state() == files
    for address in ("/", "/massnahmen/", measure.get_absolute_url(), "/gremien/"):
        response = client.get(address)
        assert response.status_code == 200, address
    assert measure.title in client.get("/massnahmen/").content.decode()


def test_round_trip_of_a_compressed_archive_into_a_new_database(
    settings, tmp_path, scratch_database
):
    require_tools(connection.vendor)
    file_system_storage(settings, tmp_path / "media-before")
    user = apps.get_model("accounts", "User").objects.create_user("ruth", password="x" * 12)
    for number in range(3):
        default_storage.save(
            f"reports/2026/bericht-{number}.pdf", ContentFile(bytes([number]) * 5000)
        )
    tables, files = table_states(connection), media_state()

    archive = tmp_path / "backup.tar.gz"
    created = backup_create(output=archive)
    assert created.media_files == 3
    assert created.rows == sum(state["rows"] for state in tables.values())
    assert not archive.with_name("backup.tar.gz.partial").exists()

    file_system_storage(settings, tmp_path / "media-after")
    restored = backup_restore(path=archive, settings_dict=scratch_database)
    copy = open_connection(scratch_database)
    try:
        assert table_states(copy) == tables
        with copy.cursor() as cursor:
            cursor.execute("SELECT username FROM accounts_user WHERE id = %s", [user.pk])
            assert cursor.fetchone() == ("ruth",)
    finally:
        copy.close()
    assert restored.media_files == 3
    assert restored.missing_migrations == []
    assert media_state() == files


def test_round_trip_of_media_in_s3(s3_server, settings, tmp_path, scratch_database):
    # Through django-storages against a real local S3 server, as in production.
    require_tools(connection.vendor)
    prefix = f"backup-{uuid.uuid4().hex[:8]}"
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.options(prefix=f"{prefix}-a")}
    names = ["reports/2026/bericht.pdf", "Straße/Ölmühle (Entwurf) ½ – final.docx", "a b+c.txt"]
    for number, name in enumerate(names):
        default_storage.save(name, ContentFile(f"{number} {name}".encode() * 100))
    files = media_state()
    assert sorted(files) == sorted(names)
    archive = tmp_path / "backup.tar"
    backup_create(output=archive)

    settings.STORAGES = {**settings.STORAGES, "default": s3_server.options(prefix=f"{prefix}-b")}
    assert media_state() == {}
    assert backup_restore(path=archive, settings_dict=scratch_database).media_files == 3
    assert media_state() == files


def test_backup_lists_every_table_and_file_in_its_manifest(settings, tmp_path):
    import json
    import tarfile

    file_system_storage(settings, tmp_path / "media")
    require_tools(connection.vendor)
    default_storage.save("a/b/c.txt", ContentFile(b"abc"))
    archive = tmp_path / "backup.tar"
    backup_create(output=archive)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert names[-1] == "manifest.json"
    assert (
        set(manifest["files"])
        == set(names[:-1])
        == {manifest["database"]["file"], "media/a/b/c.txt"}
    )
    assert manifest["files"]["media/a/b/c.txt"]["size"] == 3
    assert set(manifest["tables"]) == set(table_names(connection))
    assert manifest["database"]["vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["core"]
    assert manifest["stadtdach"]["version"]
