"""The tender specification: built from the selected action fields and themes, the planned
participation and the deliverables; exported as DOCX (in the request) and PDF (in the
background, with progress)."""

import io
import zipfile

import pytest
from django.urls import reverse

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.process import services
from stadtdach.process.models import SpecificationExport, SpecificationSection
from stadtdach.process.tests.factories import build_process_world


@pytest.fixture
def world(db):
    return build_process_world()


def test_build_generates_sections_and_keeps_the_manual_ones(world, personas):
    spec = world.specification
    count = services.specification_build(actor=personas.coordinator, specification=spec)
    sources = list(spec.sections.values_list("source", flat=True))
    assert sources[0] == "manual"
    assert set(sources[1:]) == {
        "action_fields",
        "themes",
        "participation",
        "deliverables",
        "schedule",
    }
    fields = spec.sections.get(source="action_fields").items.all()
    assert fields.count() == 4  # the world's four selected action fields
    deliverables = spec.sections.get(source="deliverables").items.all()
    assert any("Analysebericht" in item.text for item in deliverables)
    participation = spec.sections.get(source="participation").items.all()
    assert any("Entwurf" in item.text for item in participation)  # the draft stage
    assert count == sum(s.items.count() for s in spec.sections.exclude(source="manual"))
    # Rebuilding replaces the generated sections, not the manual one.
    services.specification_build(actor=personas.coordinator, specification=spec)
    assert SpecificationSection.objects.filter(specification=spec, source="manual").count() == 1
    assert SpecificationSection.objects.filter(specification=spec).count() == 6


def test_the_build_button_and_the_detail_page(world, client_for):
    client = client_for("coordinator")
    spec = world.specification
    response = client.post(reverse("process:specification_build", args=[spec.pk]))
    assert response.status_code == 302
    page = client.get(spec.get_absolute_url())
    assert page.status_code == 200
    assert_valid_html(page.content)
    assert "Prozessbegleitung" in page.content.decode()
    assert client.get(reverse("process:specification_build", args=[spec.pk])).status_code == 405


def test_docx_download_is_a_word_document_with_the_positions(world, client_for):
    response = client_for("coordinator").get(
        reverse("process:specification_docx", args=[world.specification.pk])
    )
    assert response.status_code == 200
    assert "wordprocessingml" in response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as docx:
        xml = docx.read("word/document.xml").decode()
    assert "LV Hauptprozess" in xml and "Prozessbegleitung" in xml and "1.1" in xml


def test_pdf_is_generated_in_the_background_and_downloaded(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    spec = world.specification
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("process:specification_export_request", args=[spec.pk]), {"format": "pdf"}
        )
    export = SpecificationExport.objects.get()
    assert response["Location"] == export.get_absolute_url()
    # The immediate task backend of the tests has run it already.
    assert (export.status, export.progress) == ("done", 100)
    status_page = client.get(export.get_absolute_url())
    assert status_page.status_code == 200
    assert_valid_html(status_page.content)
    partial = client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    assert b"dokument-status" in partial.content and b"<html" not in partial.content
    download = client.get(reverse("process:specification_export_file", args=[export.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_progress_is_shown_while_waiting_and_failures_are_reported(world, client_for):
    client = client_for("coordinator")
    waiting = SpecificationExport.objects.create(
        specification=world.specification, format="pdf", status="running", progress=40
    )
    html = client.get(waiting.get_absolute_url()).content.decode()
    assert 'value="40"' in html and "hx-trigger" in html
    assert (
        client.get(reverse("process:specification_export_file", args=[waiting.pk])).status_code
        == 404
    )
    failed = SpecificationExport.objects.create(
        specification=world.specification, format="pdf", status="failed", error="kaputt"
    )
    assert "kaputt" in client.get(failed.get_absolute_url()).content.decode()


def test_a_bad_format_is_refused(world, client_for):
    response = client_for("coordinator").post(
        reverse("process:specification_export_request", args=[world.specification.pk]),
        {"format": "exe"},
    )
    assert response.status_code == 302
    assert not SpecificationExport.objects.exists()
