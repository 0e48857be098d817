"""Backup and restore of the whole installation: database and media in one archive.

- ``create``: ``backup_create`` (``manage.py backup``)
- ``restore``: ``backup_restore`` (``manage.py restore``)
- ``archive``: the tar file, written whole or not at all, read with checksums
- ``manifest``: format, versions, migration state, table states, file checksums
- ``tables``: row counts and order-independent checksums of every table; what "empty" means
- ``media``: files through Django's storage API (file system or S3)
- ``postgresql``, ``sqlite``: the vendors' dump and load
See docs/backup.md.
"""

from stadtdach.core.backup.create import BackupResult, backup_create
from stadtdach.core.backup.errors import BackupError
from stadtdach.core.backup.manifest import FORMAT_VERSION
from stadtdach.core.backup.progress import Progress
from stadtdach.core.backup.restore import RestoreResult, backup_restore

__all__ = [
    "FORMAT_VERSION",
    "BackupError",
    "BackupResult",
    "Progress",
    "RestoreResult",
    "backup_create",
    "backup_restore",
]
