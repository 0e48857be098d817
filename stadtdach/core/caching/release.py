"""The release fingerprint in every cache key: a new release (code, templates,
translations, static file names, settings) never serves pages of the old one.

``STADTDACH_RELEASE`` (the environment's RELEASE, e.g. a commit id) names it; without it
the fingerprint is a hash of the files that shape pages, computed once per process."""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings

_SUFFIXES = {".py", ".html", ".txt", ".mo", ".json", ".svg", ".css", ".js"}
_SKIP_DIRS = {"tests", "migrations", "__pycache__", "node_modules"}


def _files(root: Path):
    for path in sorted(root.rglob("*")):
        if path.suffix in _SUFFIXES and not _SKIP_DIRS & set(path.parts) and path.is_file():
            yield path


@lru_cache(maxsize=1)
def release() -> str:
    named = settings.STADTDACH_PAGE_CACHE.get("release")
    if named:
        return hashlib.sha256(str(named).encode()).hexdigest()[:12]
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in ("stadtdach", "templates", "config", "locale"):
        for path in _files(base / folder):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    # Our settings shape pages too (the map's tiles, the page size). Only plain values:
    # the repr of anything else may differ between processes.
    for name in sorted(dir(settings)):
        if name.startswith("STADTDACH_") or name in ("STATIC_URL", "MEDIA_URL", "TIME_ZONE"):
            digest.update(f"{name}={getattr(settings, name)!r}".encode())
    return digest.hexdigest()[:12]
