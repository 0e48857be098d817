"""Documents of events: only PDF and office files, recognised by their content (not by
the name or the type the browser claims), at most the upload limit."""

import zipfile
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

OOXML = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"),
}
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
EXTENSIONS = ("pdf", *OOXML, *ODF)
ACCEPT_ATTRIBUTE = ",".join(f".{e}" for e in EXTENSIONS)


@dataclass
class CheckedDocument:
    upload: object
    extension: str
    content_type: str
    size: int


def _refuse() -> forms.ValidationError:
    return forms.ValidationError(
        _("Only PDF and office documents (DOCX, XLSX, PPTX, ODT, ODS, ODP) are accepted."),
        code="unsupported_type",
    )


def check(upload) -> CheckedDocument:
    limit = settings.STADTDACH_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": round(limit / 1048576, 1)},
            code="too_large",
        )
    name = (upload.name or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        if not head.startswith(b"%PDF-"):
            raise _refuse()
        return CheckedDocument(upload, "pdf", "application/pdf", upload.size)
    if extension not in OOXML and extension not in ODF:
        raise _refuse()
    if not head.startswith(b"PK\x03\x04"):
        raise _refuse()
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if extension in OOXML:
                content_type, folder = OOXML[extension]
                if "[Content_Types].xml" not in names or not any(
                    n.startswith(folder) for n in names
                ):
                    raise _refuse()
            else:
                content_type = ODF[extension]
                if archive.read("mimetype").decode("ascii", "replace").strip() != content_type:
                    raise _refuse()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError) as error:
        raise _refuse() from error
    finally:
        upload.seek(0)
    return CheckedDocument(upload, extension, content_type, upload.size)


class DocumentField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        return check(upload)
