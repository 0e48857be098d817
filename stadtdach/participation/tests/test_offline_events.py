"""Offline events: the staff record the event, attendance by target group, photos
(re-encoded) and documents (checked), and the results as offline contributions that are
evaluated and answered with the online ones; visitors read it all."""

import io
import uuid
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.models import Channel, Contribution, TargetGroup, Visibility
from stadtdach.participation.offline_events.models import (
    Attendance,
    EventDocument,
    EventPhoto,
    OfflineEvent,
)
from stadtdach.participation.tests.factories import add_event_results, build_formats

RESULTS = """Mehr Bänke am Markt
Die Gruppe wünscht sich Sitzgelegenheiten im Schatten.

Radweg zum Bahnhof

  Spielplatz im Stadtpark
Barrierefrei, mit Schatten."""


@pytest.fixture
def world(db):
    return build_formats()


@pytest.fixture
def staff(client_for):
    return client_for("participation_coordinator")


def _png(size=(60, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def _docx() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile("protokoll.docx", buffer.getvalue())


def test_the_coordination_records_an_event(world, personas, staff):
    response = staff.post(
        reverse("participation:event_add", args=[world.process.slug]),
        {
            "kind": "town_walk",
            "title": "Stadtspaziergang Altstadt",
            "starts_at": "2025-05-10T10:00",
            "ends_at": "2025-05-10T12:00",
            "place": "Treffpunkt Marktplatz",
            "named_place": world.base.places[0].pk,
            "description": "Wir gehen durch die Altstadt.",
            "form_token": str(uuid.uuid4()),
        },
    )
    event = OfflineEvent.objects.get(title="Stadtspaziergang Altstadt")
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.process == world.process and event.named_place == world.base.places[0]
    entry = AuditEntry.objects.get(object_repr=event.title)
    assert entry.actor == personas.participation_coordinator


@pytest.mark.parametrize(
    "changes",
    [
        {"ends_at": "2025-05-10T09:00"},
        {"starts_at": "kein Datum"},
        {"kind": "party"},
        {"named_place": "999999"},
        {"title": "\x00"},
        {"description": "x" * 30_000},
    ],
    ids=["end before start", "bad date", "bad kind", "unknown place", "nul", "huge"],
)
def test_bad_events_get_a_form_error(world, staff, changes):
    data = {
        "kind": "workshop",
        "title": "Werkstatt",
        "starts_at": "2025-05-10T10:00",
        "place": "Rathaus",
        "form_token": str(uuid.uuid4()),
    }
    response = staff.post(
        reverse("participation:event_add", args=[world.process.slug]), {**data, **changes}
    )
    assert response.status_code == 400 and response.context["form"].errors
    assert OfflineEvent.objects.count() == 1


def test_attendance_by_target_group(world, staff, client_for):
    event = world.event
    groups = list(TargetGroup.objects.all()[:2])
    url = reverse("participation:event_attendance", args=[event.pk])
    data = {f"gruppe_{groups[0].pk}": 12, f"gruppe_{groups[1].pk}": 5, "other": 3}
    assert staff.post(url, data).status_code == 302
    assert dict(Attendance.objects.values_list("target_group_id", "count")) == {
        groups[0].pk: 12,
        groups[1].pk: 5,
    }
    page = client_for("anonymous").get(event.get_absolute_url())
    assert page.context["total"] == 20
    # 0 removes a group; bad numbers are refused.
    assert staff.post(url, {**data, f"gruppe_{groups[1].pk}": 0}).status_code == 302
    assert Attendance.objects.count() == 1
    for bad in ("-1", "9" * 40, "\x00", "1e309"):
        response = staff.post(url, {**data, "other": bad})
        assert response.status_code == 400, bad
    process_page = client_for("anonymous").get(world.process.get_absolute_url()).content.decode()
    assert "15" in process_page.split('id="format-offline"')[1]


def test_results_become_offline_contributions(world, personas, staff, client_for):
    world.process.moderation = "pre"  # offline results are published at once anyway
    world.process.ends_at = world.process.starts_at.replace(year=2020)
    world.process.starts_at = world.process.starts_at.replace(year=2019)
    world.process.save()  # and recorded after the window closed
    field = world.base.world.fields[0]
    group = TargetGroup.objects.first()
    token = str(uuid.uuid4())
    data = {
        "results": RESULTS,
        "target_group": group.pk,
        "action_field": field.pk,
        "themes": [world.base.world.themes[0].pk],
        "form_token": token,
    }
    url = reverse("participation:event_results_add", args=[world.event.pk])
    response = staff.post(url, data)
    assert response.status_code == 302
    results = list(Contribution.objects.filter(offline_result__event=world.event).order_by("pk"))
    assert [(r.title, r.text) for r in results] == [
        ("Mehr Bänke am Markt", "Die Gruppe wünscht sich Sitzgelegenheiten im Schatten."),
        ("Radweg zum Bahnhof", "Radweg zum Bahnhof"),
        ("Spielplatz im Stadtpark", "Barrierefrei, mit Schatten."),
    ]
    for result in results:
        assert result.channel == Channel.OFFLINE and result.format == "offline"
        assert result.recorded_by == personas.participation_coordinator
        assert result.visibility == Visibility.PUBLISHED and result.action_field == field
        assert result.target_group == group and list(result.themes.all())
    assert staff.post(url, data).status_code == 302  # sent twice: saved once
    assert Contribution.objects.filter(offline_result__event=world.event).count() == 3
    page = client_for("anonymous").get(results[0].get_absolute_url()).content.decode()
    assert world.event.title in page  # the contribution names its event
    event_page = client_for("anonymous").get(world.event.get_absolute_url()).content.decode()
    assert "Spielplatz im Stadtpark" in event_page
    # Answered like every contribution.
    response = staff.post(
        reverse("participation:answer", args=[results[0].pk]),
        {"status": "in_review", "answer": "Wir prüfen Standorte."},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "data",
    [
        {"results": ""},
        {"results": "\n\n  \n"},
        {"results": "x" * 30_000},
        {"results": "a\x00b"},
        {"results": "Gut", "action_field": "999999"},
        {"results": "Gut", "themes": ["abc"]},
    ],
    ids=["empty", "blank", "huge", "nul", "unknown field", "bad theme"],
)
def test_bad_results_get_a_form_error(world, staff, data):
    url = reverse("participation:event_results_add", args=[world.event.pk])
    response = staff.post(url, {"form_token": str(uuid.uuid4()), **data})
    assert response.status_code == 400 and response.context["form"].errors
    assert not Contribution.objects.filter(format="offline").exists()


def test_photos_are_re_encoded(world, staff, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("participation:event_photo_add", args=[world.event.pk])
    response = staff.post(url, {"image": _png(), "description": "Gruppenarbeit an Tischen"})
    assert response.status_code == 302
    photo = EventPhoto.objects.get()
    assert photo.file.name.endswith(".jpg") and (photo.width, photo.height) == (60, 40)
    served = client_for("anonymous").get(photo.get_absolute_url())
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content)[:2] == b"\xff\xd8"
    html = client_for("anonymous").get(world.event.get_absolute_url()).content.decode()
    assert 'alt="Gruppenarbeit an Tischen"' in html


@pytest.mark.parametrize(
    ("upload", "description"),
    [
        (SimpleUploadedFile("foto.png", b"kein Bild", content_type="image/png"), "x"),
        (SimpleUploadedFile("foto.gif", b"GIF89a" + b"\x00" * 20, content_type="image/gif"), "x"),
        (None, "Ohne Bild"),
        ("png", ""),
    ],
    ids=["broken", "gif", "missing", "no description"],
)
def test_bad_photos_get_a_form_error(world, staff, settings, tmp_path, upload, description):
    settings.MEDIA_ROOT = tmp_path
    data = {"description": description}
    if upload == "png":
        data["image"] = _png()
    elif upload is not None:
        data["image"] = upload
    url = reverse("participation:event_photo_add", args=[world.event.pk])
    response = staff.post(url, data)
    assert response.status_code == 400 and response.context["form"].errors
    assert not EventPhoto.objects.exists()


def test_too_large_uploads_are_refused(world, staff, settings, tmp_path):
    settings.STADTDACH_MAX_UPLOAD_BYTES = 1000
    settings.MEDIA_ROOT = tmp_path
    big = SimpleUploadedFile("gross.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    response = staff.post(
        reverse("participation:event_document_add", args=[world.event.pk]),
        {"file": big, "title": "Groß"},
    )
    assert response.status_code == 400 and "file" in response.context["form"].errors
    response = staff.post(
        reverse("participation:event_photo_add", args=[world.event.pk]),
        {"image": _png((400, 400)), "description": "Groß"},
    )
    assert response.status_code == 400 and "image" in response.context["form"].errors


def test_documents_are_checked_by_their_content(world, staff, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("participation:event_document_add", args=[world.event.pk])
    pdf = SimpleUploadedFile("einladung.pdf", b"%PDF-1.4\n%%EOF\n", content_type="text/plain")
    assert staff.post(url, {"file": pdf, "title": "Einladung"}).status_code == 302
    assert staff.post(url, {"file": _docx(), "title": "Protokoll"}).status_code == 302
    documents = list(EventDocument.objects.order_by("pk"))
    assert [(d.extension, d.content_type) for d in documents] == [
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ]
    served = client_for("anonymous").get(documents[0].get_absolute_url())
    assert served.status_code == 200 and "attachment" in served["Content-Disposition"]
    assert "einladung.pdf" in served["Content-Disposition"]
    for bad in (
        SimpleUploadedFile("virus.exe", b"MZ\x90\x00"),
        SimpleUploadedFile("falsch.pdf", b"<html>"),
        SimpleUploadedFile("kaputt.docx", b"PK\x03\x04kaputt"),
        SimpleUploadedFile("leer.odt", b"PK\x03\x04"),
    ):
        response = staff.post(url, {"file": bad, "title": "Schlecht"})
        assert response.status_code == 400 and "file" in response.context["form"].errors
    assert EventDocument.objects.count() == 2


def test_files_of_internal_events_stay_internal(world, staff, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    staff.post(
        reverse("participation:event_photo_add", args=[world.event.pk]),
        {"image": _png(), "description": "Sitzung"},
    )
    photo = EventPhoto.objects.get()
    world.process.audience = "internal"
    world.process.save()
    for persona in ("anonymous", "citizen"):
        assert client_for(persona).get(photo.get_absolute_url()).status_code == 404
        assert client_for(persona).get(world.event.get_absolute_url()).status_code == 404
    assert client_for("steering_member").get(photo.get_absolute_url()).status_code == 200
    assert client_for("anonymous").get("/beteiligung/veranstaltungen/fotos/x/").status_code == 404


def test_hidden_results_show_their_reason_only(world, client_for):
    result = add_event_results(world.event, 1)[0]
    Contribution.objects.filter(pk=result.pk).update(
        visibility=Visibility.HIDDEN, hidden_reason="Persönliche Daten"
    )
    html = client_for("anonymous").get(world.event.get_absolute_url()).content.decode()
    assert "Persönliche Daten" in html and result.text not in html


@pytest.mark.parametrize("persona", ["anonymous", "participation_coordinator"])
def test_the_pages_do_not_grow_with_the_results(world, client_for, persona):
    client = client_for(persona)
    add_event_results(world.event, 10)
    urls = [world.event.get_absolute_url(), world.process.get_absolute_url()]
    if persona != "anonymous":
        urls.append(reverse("participation:event_manage", args=[world.process.slug]))
    for url in urls:
        client.get(url)
    few = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    add_event_results(world.event, 1000)
    many = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert few == many
    assert few[urls[0]] <= (7 if persona == "anonymous" else 12)
