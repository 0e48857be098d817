"""Separate database connections for backup and restore.

The backup reads from a connection of its own (its snapshot must not depend on the
caller's transaction); the restore writes to the database of ``settings_dict``, which
tests point at a scratch database."""

import copy
import uuid

from django.db import connections
from django.db.utils import load_backend


def settings_for(alias: str = "default") -> dict:
    return copy.deepcopy(connections[alias].settings_dict)


def open_connection(settings_dict: dict, *, name: str | None = None):
    """A new, unregistered Django connection (``DatabaseWrapper``) to the database of
    ``settings_dict``, or to the SQLite file ``name`` with the same settings."""
    settings_dict = copy.deepcopy(settings_dict)
    if name is not None:
        settings_dict["NAME"] = name
        # No WAL set-up on a file that goes into an archive or is read once.
        settings_dict["OPTIONS"] = {}
    backend = load_backend(settings_dict["ENGINE"])
    return backend.DatabaseWrapper(settings_dict, alias=f"backup-{uuid.uuid4().hex[:8]}")
