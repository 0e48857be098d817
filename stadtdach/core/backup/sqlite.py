"""SQLite: the online backup API (``sqlite3.Connection.backup``) in both directions; it
copies a consistent state while the site keeps running."""

import sqlite3
from pathlib import Path


def dump(connection, target: Path) -> None:
    """Copy the database of ``connection`` (a Django connection) into the file ``target``."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def restore(connection, source: Path) -> None:
    """Replace the whole content of the database of ``connection`` with the file ``source``
    (one step of the backup API: the target changes all at once)."""
    connection.ensure_connection()
    origin = sqlite3.connect(source)
    try:
        origin.backup(connection.connection)
    finally:
        origin.close()
