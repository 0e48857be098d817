"""Media files read and written only through Django's storage API, so that the same code
backs up a file system (``FileSystemStorage``) and an S3 bucket (django-storages)."""

import hashlib
import posixpath

from django.apps import apps
from django.db import models
from django.utils.functional import LazyObject, empty

CHUNK = 1 << 20


def resolved(storage):
    """The storage behind ``default_storage`` (a lazy object) or the storage itself."""
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        return storage._wrapped
    return storage


def storage_name(storage) -> str:
    kind = type(resolved(storage))
    return f"{kind.__module__}.{kind.__qualname__}"


def walk(storage, path: str = "") -> list[str]:
    """Every file name below ``path``, found by ``storage.listdir`` (an absent folder of
    the file system counts as empty)."""
    try:
        folders, files = storage.listdir(path)
    except FileNotFoundError:
        return []
    names = [posixpath.join(path, name) if path else name for name in files]
    for folder in folders:
        names += walk(storage, posixpath.join(path, folder) if path else folder)
    return names


def referenced(connection, storage) -> set[str]:
    """File names that the FileFields of all models (on ``storage``) point at, read
    through ``connection`` (the backup's snapshot)."""
    names: set[str] = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            if resolved(field.storage) is not resolved(storage):
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            column = connection.ops.quote_name(field.column)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT DISTINCT {column} FROM {table} "  # noqa: S608 - quoted names
                    f"WHERE {column} IS NOT NULL AND {column} <> ''"
                )
                names.update(row[0] for row in cursor.fetchall())
    return names


def files_to_back_up(connection, storage) -> tuple[list[str], list[str]]:
    """(files to archive, referenced files that the storage lacks). The walk finds every
    stored file; the FileFields add those a storage without folders may not list."""
    found = set(walk(storage))
    missing = []
    for name in referenced(connection, storage) - found:
        if storage.exists(name):
            found.add(name)
        else:
            missing.append(name)
    return sorted(found), sorted(missing)


class HashingReader:
    """A file wrapper that hashes and counts what is read through it."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def digest(storage, name: str) -> tuple[int, str]:
    """(size, sha256) of a stored file, read through the storage."""
    with storage.open(name, "rb") as file:
        reader = HashingReader(file)
        while reader.read(CHUNK):
            pass
    return reader.size, reader.sha256.hexdigest()
