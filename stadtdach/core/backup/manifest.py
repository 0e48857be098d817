"""The manifest (``manifest.json``, the archive's last member): what the archive holds and
how to check it."""

import datetime
import subprocess
import tomllib

from django.conf import settings
from django.db.migrations.loader import MigrationLoader

FORMAT = "stadtdach-backup"
FORMAT_VERSION = 1
NAME = "manifest.json"


def software() -> dict:
    """Stadtdach's version (pyproject.toml) and git revision, where known."""
    info = {"version": "", "git_revision": ""}
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as file:
            info["version"] = tomllib.load(file)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    try:
        result = subprocess.run(  # noqa: S603 - fixed command
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
        info["git_revision"] = result.stdout.strip() if result.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        pass
    if not info["git_revision"]:
        info["git_revision"] = getattr(settings, "STADTDACH_PAGE_CACHE", {}).get("release") or ""
    return info


def applied_migrations(connection) -> dict[str, list[str]]:
    """Applied migrations per app, as the database's ``django_migrations`` records them."""
    # Raw SQL: the recorder's ORM query needs a registered connection alias.
    applied: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        if "django_migrations" not in connection.introspection.table_names(cursor):
            return {}
        cursor.execute("SELECT app, name FROM django_migrations")
        for app, name in cursor.fetchall():
            applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def unknown_migrations(applied: dict[str, list[str]]) -> list[str]:
    """Migrations of the archive that this code does not have (a newer schema)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in applied.items()
        for name in names
        if (app, name) not in known
    ]


def missing_migrations(applied: dict[str, list[str]]) -> list[str]:
    """Migrations of this code that the archive lacks (``migrate`` applies them later)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    have = {(app, name) for app, names in applied.items() for name in names}
    return sorted(f"{app}.{name}" for app, name in loader.graph.nodes if (app, name) not in have)


def build(*, vendor: str, database: dict, migrations: dict, tables: dict, media: dict, files: dict):
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "stadtdach": software(),
        "database": {"vendor": vendor, **database},
        "migrations": migrations,
        "tables": tables,
        "media": media,
        "files": files,
    }
