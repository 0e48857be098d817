"""Regressions the fuzz suite found in core, and the content check of uploads
(core/uploads.py) that the upload fuzzing relies on."""

import io
import zipfile

import pytest
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from stadtdach.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from stadtdach.core.testing import fuzz_uploads as files
from stadtdach.core.uploads import content_matches, extension_of


class _Choices(forms.Form):
    one = SafeModelChoiceField(queryset=ContentType.objects.all())
    many = SafeModelMultipleChoiceField(queryset=ContentType.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "9" * 30, "-9" * 20, "1\x00", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠"])
def test_choice_fields_refuse_keys_the_database_cannot_take(value):
    form = _Choices(data={"one": value, "many": [value]})
    assert not form.is_valid()
    assert {"one", "many"} <= set(form.errors)


@pytest.mark.parametrize("value", ["²", "\uff11", "9" * 40, "-1", "abc"])
def test_the_audit_log_ignores_odd_type_numbers(client_for, value):
    response = client_for("coordinator").get("/protokoll/", {"typ": value, "seite": value})
    assert response.status_code == 200


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, fmt)
    return buffer.getvalue()


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("a.pdf", files.PDF),
        ("a.docx", files.docx()),
        ("a.xlsx", files.xlsx()),
        ("a.odt", _odt()),
        ("a.png", files.png()),
        ("a.JPG", _image("JPEG")),
        ("a.webp", _image("WEBP")),
        ("a.csv", files.CSV),
        ("a.txt", "Grüße aus Boizenburg".encode("cp1252")),
    ],
)
def test_files_of_their_type_match(name, content):
    assert content_matches(_upload(name, content))


@pytest.mark.parametrize(
    "name, content",
    [
        ("a.pdf", files.EXE),
        ("a.pdf", files.HTML),
        ("a.pdf", b""),
        ("a.docx", files.xlsx()),  # an archive, but of another type
        ("a.odt", files.docx()),
        ("a.xlsx", b"PK\x03\x04 not really a zip"),
        ("a.png", files.PDF),
        ("a.png", files.png()[:40]),  # truncated
        ("a.png", files.bomb()),  # 100 million pixels in a few KB
        ("a.png", files.png_header_only(60_000, 60_000)),
        ("a.jpg", files.png()),  # a PNG named JPEG
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x13" * 99),
        ("a.svg", files.SVG),  # unknown types never match
        ("a.exe", files.EXE),
        ("a", files.PDF),
        ("a.csv", b"code;value\x00\n"),
    ],
)
def test_files_that_are_not_what_their_name_says_do_not_match(name, content):
    upload = _upload(name, content)
    assert not content_matches(upload)
    assert upload.tell() == 0  # the form can still store or read it


def test_the_extension_comes_from_the_last_part_of_the_name():
    assert extension_of("../a.tar/Bericht.PDF") == "pdf"
    assert extension_of("ohne") == extension_of("") == ""
    assert content_matches(_upload("bild", files.PDF), "pdf")
