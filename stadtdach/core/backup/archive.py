"""The archive: one tar file (compressed when its name ends in .gz or .xz) with the
database, the media files and the manifest last, and every member's sha256 in it.

It is written to ``<name>.partial`` and renamed only when complete, so an archive under
its final name is always whole. Reading never extracts by member name: each member is
streamed into a numbered file of a staging folder and hashed on the way."""

import contextlib
import json
import lzma
import os
import posixpath
import tarfile
import time
import zlib
from pathlib import Path

from django.utils.translation import gettext as _

from stadtdach.core.backup import manifest as manifest_module
from stadtdach.core.backup.errors import BackupError
from stadtdach.core.backup.media import CHUNK, HashingReader

MANIFEST_LIMIT = 256 * 1024 * 1024  # bytes; a larger "manifest" is not one of ours


def write_mode(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".tar.gz", ".tgz")):
        return "w:gz"
    if name.endswith((".tar.xz", ".txz")):
        return "w:xz"
    return "w"


class Writer:
    def __init__(self, path: Path):
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.files: dict[str, dict] = {}
        self.tar = tarfile.open(self.partial, write_mode(path))  # noqa: SIM115 - closed in finish/abort

    def add(self, name: str, file, size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(time.time()), 0o600
        reader = HashingReader(file)
        self.tar.addfile(info, reader)
        self.files[name] = {"size": reader.size, "sha256": reader.sha256.hexdigest()}

    def add_path(self, name: str, path: Path) -> None:
        with open(path, "rb") as file:
            self.add(name, file, os.path.getsize(path))

    def finish(self, manifest: dict) -> None:
        data = json.dumps(manifest, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(manifest_module.NAME)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
        self.tar.addfile(info, _BytesReader(data))
        self.tar.close()
        with open(self.partial, "rb") as file:
            os.fsync(file.fileno())
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        with contextlib.suppress(OSError, tarfile.TarError):
            self.tar.close()
        self.partial.unlink(missing_ok=True)


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.offset + size
        chunk, self.offset = self.data[self.offset : end], min(end, len(self.data))
        return chunk


def _safe_name(name: str) -> bool:
    clean = posixpath.normpath(name)
    return clean == name and not name.startswith("/") and ".." not in name.split("/")


def read(path: Path, staging: Path, progress=None) -> tuple[dict, dict[str, Path]]:
    """The manifest and the staged file of every member, after checking that the archive
    is complete and that every member's size and sha256 match the manifest."""
    staged: dict[str, Path] = {}
    manifest = None
    try:
        with tarfile.open(path, "r:*") as tar:
            for number, member in enumerate(tar):
                if not member.isfile() or not _safe_name(member.name) or member.name in staged:
                    raise BackupError(
                        _(
                            "The archive holds an unexpected entry %(name)s: "
                            "it is not a Stadtdach backup."
                        )
                        % {"name": member.name}
                    )
                source = tar.extractfile(member)
                if member.name == manifest_module.NAME:
                    if member.size > MANIFEST_LIMIT:
                        raise BackupError(_("The archive's manifest is too large."))
                    manifest = json.loads(source.read())
                    continue
                target = staging / f"{number:08d}"
                reader = HashingReader(source)
                with open(target, "wb") as file:
                    while data := reader.read(CHUNK):
                        file.write(data)
                if reader.size != member.size:
                    raise BackupError(_("The archive is truncated."))
                staged[member.name] = (target, reader.size, reader.sha256.hexdigest())
                if progress is not None:
                    progress.count(len(staged), None, _("files read"))
    except FileNotFoundError as error:
        raise BackupError(_("The archive %(path)s does not exist.") % {"path": path}) from error
    except (tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, OSError) as error:
        raise BackupError(
            _("The archive is truncated or damaged (%(error)s); nothing was changed.")
            % {"error": error}
        ) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(_("The archive's manifest is not valid JSON.")) from error
    return _checked(manifest, staged)


def _checked(manifest, staged) -> tuple[dict, dict[str, Path]]:
    if manifest is None:
        raise BackupError(
            _(
                "The archive has no manifest: it is truncated or not a Stadtdach "
                "backup; nothing was changed."
            )
        )
    if not isinstance(manifest, dict) or manifest.get("format") != manifest_module.FORMAT:
        raise BackupError(_("The archive is not a Stadtdach backup."))
    if manifest.get("format_version") != manifest_module.FORMAT_VERSION:
        raise BackupError(
            _("The archive has format version %(found)s; this Stadtdach reads version %(known)s.")
            % {"found": manifest.get("format_version"), "known": manifest_module.FORMAT_VERSION}
        )
    expected = manifest.get("files") or {}
    problems = sorted(set(expected) ^ set(staged))
    problems += [
        name
        for name in sorted(set(expected) & set(staged))
        if [expected[name].get("size"), expected[name].get("sha256")] != list(staged[name][1:])
    ]
    if problems:
        raise BackupError(
            _(
                "The archive does not match its manifest (missing, extra or changed: "
                "%(names)s): it is damaged or was altered; nothing was changed."
            )
            % {"names": ", ".join(problems[:5]) + (" …" if len(problems) > 5 else "")}
        )
    return manifest, {name: entry[0] for name, entry in staged.items()}
