"""Hostile files for the fuzz suite: broken and bombing images, files whose content is
not what their name or type claims, files over the size limit, and names with path parts
and odd characters.

``UploadFuzzer.fuzz_form`` sends each of them in one file field of a discovered form, the
other fields valid (the valid data includes a fitting file for every other file field).
A bad file must be refused with a German error at its field and nothing stored: no
written row and no new file in the storage. A good file with an odd name may be accepted,
but the stored name must be harmless.
"""

import functools
import io
import struct
import zlib
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from stadtdach.core.testing.fuzz import Fuzzer, field_id
from stadtdach.core.testing.fuzz_crawl import Field, Form

# Upload limit during the test: small, so that "too large" costs no real megabytes.
TEST_LIMIT = 64 * 1024


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(width: int = 8, height: int = 8, *, bit_depth: int = 8, color: int = 2) -> bytes:
    """A PNG of zeros (black); large sizes make a decompression bomb (it compresses well)."""
    channels = {0: 1, 2: 3}[color]
    row = b"\x00" + b"\x00" * ((width * channels * bit_depth + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, color, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", body)
        + _chunk(b"IEND", b"")
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims huge dimensions and carries almost no data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b""))


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@functools.cache
def bomb() -> bytes:
    """10,000 x 10,000 pixels (100 million, 300 MB as RGB) in about 12 KB."""
    return png(10_000, 10_000, bit_depth=1, color=0)


@functools.cache
def docx() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@functools.cache
def xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["code", "value"])
    book.save(buffer)
    return buffer.getvalue()


CSV = b"code;value\nX-1;1\n"
EXE = b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode."
HTML = b"<html><script>alert(1)</script><fz-probe></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@dataclass(frozen=True)
class HostileFile:
    label: str
    name: str
    content: bytes
    content_type: str
    # "refuse": must be refused; "name": good content, odd name (may be accepted).
    expect: str = "refuse"


def valid_file(field: Field) -> HostileFile:
    """A file the field should take, chosen by what its ``accept`` attribute names."""
    accept = field.accept.lower()
    if "image" in accept or ".png" in accept or ".jpg" in accept:
        return HostileFile("PNG image", "bild.png", png(), "image/png", "valid")
    if ".csv" in accept:
        return HostileFile("CSV table", "werte.csv", CSV, "text/csv", "valid")
    return HostileFile("PDF document", "dokument.pdf", PDF, "application/pdf", "valid")


def hostile_files(field: Field) -> list[HostileFile]:
    good = valid_file(field)
    big = good.content + b"\x00" * (TEST_LIMIT + 1 - len(good.content))
    files = [
        HostileFile("empty file", good.name, b"", good.content_type),
        HostileFile("truncated PNG", "kaputt.png", png()[:40], "image/png"),
        HostileFile("corrupt JPEG", "kaputt.jpg", b"\xff\xd8\xff\xe0" + b"\x13" * 99, "image/jpeg"),
        HostileFile(
            "decompression bomb (10,000 x 10,000 px in a few KB)",
            "bombe.png",
            bomb(),
            "image/png",
        ),
        HostileFile(
            "huge dimensions in the header",
            "riesig.png",
            png_header_only(60_000, 60_000),
            "image/png",
        ),
        HostileFile("PDF named as an image", "bild.png", PDF, "image/png"),
        HostileFile("office file named as PDF", "dokument.pdf", docx(), "application/pdf"),
        HostileFile("program named as PDF", "dokument.pdf", EXE, "application/pdf"),
        HostileFile("HTML named as PDF", "dokument.pdf", HTML, "application/pdf"),
        HostileFile("SVG with script", "bild.svg", SVG, "image/svg+xml"),
        HostileFile("over the size limit", good.name, big, good.content_type),
        HostileFile("ZIP named as spreadsheet", "tabelle.xlsx", docx(), "application/vnd.ms-excel"),
        HostileFile("CSV named as image", "bild.png", CSV, "image/png"),
    ]
    if good.name.endswith(".csv"):
        # A table import takes tables: a real spreadsheet is good, the rest is not.
        files.append(HostileFile("spreadsheet", "werte.xlsx", xlsx(), "application/zip", "name"))
    stem, suffix = good.name.rsplit(".", 1)
    files += [
        HostileFile(f"path in the name ({name!r})", name, good.content, good.content_type, "name")
        for name in (
            f"../../../etc/{stem}.{suffix}",
            f"..\\..\\windows\\{stem}.{suffix}",
            f"/tmp/{stem}.{suffix}",  # noqa: S108 - a hostile name, not a file we write
            f"<fz-probe>{stem}.{suffix}",
            f"{stem}\u202egnp.{suffix}",
            f"{'x' * 300}.{suffix}",
            f"CON.{suffix}",
            f".{suffix}",
            f"{stem}.{suffix}.exe",
            f"{stem} 🏘️ ä\r\nBcc: x.{suffix}",
        )
    ]
    return files


def stored_files() -> set[str]:
    """Every file in the default storage (the in-memory storage of the tests)."""
    found: set[str] = set()
    pending = [""]
    while pending:
        folder = pending.pop()
        try:
            folders, files = default_storage.listdir(folder)
        except (FileNotFoundError, NotADirectoryError):
            continue
        found.update(f"{folder}/{name}".lstrip("/") for name in files)
        pending.extend(f"{folder}/{name}".lstrip("/") for name in folders)
    return found


def harmful_name(name: str) -> str:
    """Why a stored file name is not harmless, or ''."""
    parts = name.split("/")
    if ".." in parts or "\\" in name or name.startswith("/"):
        return "a path outside its folder"
    if any(ord(c) < 32 or c in "\u202e\u202d\u2066\u2067\u2068\u2069<>\"'" for c in name):
        return "control, direction or markup characters"
    if len(parts[-1]) > 200:
        return "a name over 200 characters"
    return ""


class UploadFuzzer(Fuzzer):
    def file_fields(self, form: Form) -> list[Field]:
        return [f for f in form.fields if f.kind == "file"]

    def _files(self, form: Form, *, replace: Field | None = None, with_file=None) -> dict:
        files = {}
        for field in self.file_fields(form):
            chosen = with_file if field is replace else valid_file(field)
            files[field.name] = SimpleUploadedFile(
                chosen.name, chosen.content, content_type=chosen.content_type
            )
        return files

    def fuzz_uploads(self, client, form: Form) -> None:
        data, _ = self.baseline(client, form)
        what = form.describe()
        valid = {**data, **self._files(form)}
        accepted = self.send(client, "POST", form.action, valid)
        self.check(accepted, what, "valid files")
        for field in self.file_fields(form):
            for hostile in hostile_files(field):
                case = f"{field.name} = {hostile.label}"
                before = stored_files()
                sent = {**data, **self._files(form, replace=field, with_file=hostile)}
                outcome = self.send(client, "POST", form.action, sent)
                new_files = stored_files() - before
                self.check(outcome, what, case, field=field, baseline=accepted)
                rejected = outcome.status >= 400 or field_id(field) in outcome.errors
                if hostile.expect == "refuse" and not rejected:
                    self.fail(what, case, f"accepted ({outcome.status}); it must be refused")
                    continue
                shown = field_id(field) in outcome.errors
                if hostile.expect == "refuse" and outcome.status in (200, 400) and not shown:
                    self.fail(what, case, "refused without an error at the file field")
                if rejected and new_files:
                    self.fail(what, case, f"stored {sorted(new_files)[:3]} although refused")
                for name in new_files:
                    if harmful_name(name):
                        self.fail(what, case, f"stored as {name[:80]!r}: {harmful_name(name)}")
