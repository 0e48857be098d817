"""Whether an uploaded file is what its name says: PDF, office documents, images, text.

The name's extension picks the type; the content must then match it (a program or a web
page renamed to .pdf, a PDF renamed to .png, a truncated or bombing image are refused).
Only the first bytes, the archive's table of contents or the image header are read.
"""

import warnings
import zipfile

from PIL import Image, UnidentifiedImageError

# Far above any photo or scan, far below a decompression bomb.
MAX_IMAGE_PIXELS = 50_000_000

_OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
_IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "webp": "WEBP"}
# What Pillow raises for a file that is no readable image (with bomb warnings as errors).
UNREADABLE_IMAGE = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
    OSError,
    ValueError,
    SyntaxError,
)


def extension_of(name: str) -> str:
    name = (name or "").rsplit("/", 1)[-1].lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def content_matches(upload, extension: str | None = None) -> bool:
    """True when the content of ``upload`` is a readable file of its extension's type
    (or of ``extension``). Unknown extensions never match."""
    extension = extension or extension_of(upload.name)
    upload.seek(0)
    try:
        head = upload.read(8)
        upload.seek(0)
        if extension == "pdf":
            return head.startswith(b"%PDF-")
        if extension in _OOXML_FOLDERS or extension in _ODF_TYPES:
            return head.startswith(b"PK\x03\x04") and _archive_matches(upload, extension)
        if extension in _IMAGE_FORMATS:
            return _image_matches(upload, _IMAGE_FORMATS[extension])
        if extension in ("txt", "csv"):
            text = upload.read(1_000_000)
            return b"\x00" not in text and _is_utf8_or_latin(text)
        return False
    finally:
        upload.seek(0)


def _archive_matches(upload, extension: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if extension in _OOXML_FOLDERS:
                folder = _OOXML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
            return (
                archive.read("mimetype").decode("ascii", "replace").strip()
                == (_ODF_TYPES[extension])
            )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError):
        return False


def _image_matches(upload, expected_format: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format != expected_format:
                    return False
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    return False
                image.verify()
            if expected_format != "PNG":
                # verify() checks little of a JPEG or WebP: decode it (the size is capped).
                upload.seek(0)
                with Image.open(upload) as image:
                    image.load()
        return True
    except UNREADABLE_IMAGE:
        return False


def _is_utf8_or_latin(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # A cut-off last character of the sample is fine; Windows-1252 text too.
        return not any(byte < 9 or 13 < byte < 32 for byte in data)
    return True
