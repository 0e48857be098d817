"""Event photos and documents in S3-compatible storage (a local moto server): uploaded
through the real forms, stored as private objects below the prefix, read back only
through the views that check who may see the event."""

import io
import urllib.error
import urllib.request

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from stadtdach.core.testing import s3_server as local_s3
from stadtdach.participation.offline_events.models import EventDocument, EventPhoto
from stadtdach.participation.tests.factories import build_formats

s3_server = local_s3.s3_server
s3_media = local_s3.s3_media


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (20, 120, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile("Foto vom Markt (1).png", buffer.getvalue(), "image/png")


def _unsigned_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - loopback
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_event_files_go_to_the_bucket_and_stay_private(db, s3_media, client_for):
    world = build_formats()
    staff = client_for("participation_coordinator")
    response = staff.post(
        reverse("participation:event_photo_add", args=[world.event.pk]),
        {"image": _png(), "description": "Gruppenarbeit"},
    )
    assert response.status_code == 302
    pdf = SimpleUploadedFile("Einladung Bürgerforum März.pdf", b"%PDF-1.4\n%%EOF\n")
    response = staff.post(
        reverse("participation:event_document_add", args=[world.event.pk]),
        {"file": pdf, "title": "Einladung zum Bürgerforum"},
    )
    assert response.status_code == 302
    photo, document = EventPhoto.objects.get(), EventDocument.objects.get()
    assert s3_media.keys() == sorted([photo.file.name, document.file.name])

    served = client_for("anonymous").get(photo.get_absolute_url())
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    body = b"".join(served.streaming_content)
    assert body == s3_media.read(photo.file.name) and body[:2] == b"\xff\xd8"
    served = client_for("citizen").get(document.get_absolute_url())
    assert served.status_code == 200 and "attachment" in served["Content-Disposition"]
    assert b"".join(served.streaming_content) == b"%PDF-1.4\n%%EOF\n"
    assert served["Content-Length"] == str(len(b"%PDF-1.4\n%%EOF\n"))

    # The bucket itself answers no one without a signature.
    for stored in (photo.file.name, document.file.name):
        key = f"{s3_media.prefix}/{stored}"
        assert _unsigned_status(f"{s3_media.endpoint_url}/{s3_media.bucket}/{key}") == 403

    # An internal process: only its members get the files, others a 404.
    world.process.audience = "internal"
    world.process.save()
    for persona in ("anonymous", "citizen"):
        assert client_for(persona).get(photo.get_absolute_url()).status_code == 404
        assert client_for(persona).get(document.get_absolute_url()).status_code == 404
    assert client_for("steering_member").get(photo.get_absolute_url()).status_code == 200


def test_a_file_missing_from_the_bucket_is_a_404(db, s3_media, client_for):
    world = build_formats()
    staff = client_for("participation_coordinator")
    staff.post(
        reverse("participation:event_photo_add", args=[world.event.pk]),
        {"image": _png(), "description": "Gruppenarbeit"},
    )
    photo = EventPhoto.objects.get()
    s3_media.client().delete_object(
        Bucket=s3_media.bucket, Key=f"{s3_media.prefix}/{photo.file.name}"
    )
    assert client_for("anonymous").get(photo.get_absolute_url()).status_code == 404


def test_an_upload_while_the_storage_is_down_is_a_503_and_writes_nothing(
    db, s3_server, settings, client_for
):
    world = build_formats()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_server.options(endpoint_url="http://127.0.0.1:9"),
    }
    response = client_for("participation_coordinator").post(
        reverse("participation:event_photo_add", args=[world.event.pk]),
        {"image": _png(), "description": "Gruppenarbeit"},
    )
    assert response.status_code == 503 and response["Retry-After"]
    assert "Datei vorübergehend nicht verfügbar" in response.content.decode()
    assert not EventPhoto.objects.exists()
