"""Regression found by the fuzz suite (stadtdach/core/tests/fuzz/): a concept's document
must be what its name says; a program or web page renamed to .pdf is refused, nothing
changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stadtdach.core.testing.fuzz_uploads import EXE, HTML, PDF
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db):
    return build_world(measures=1)


@pytest.mark.parametrize(
    "name, content, accepted",
    [("konzept.pdf", EXE, False), ("konzept.pdf", HTML, False), ("konzept.pdf", PDF, True)],
)
def test_a_concept_document_must_match_its_type(world, client_for, name, content, accepted):
    coordinator = client_for("coordinator")
    concept = world.concepts[0]
    url = reverse("strategy:concept_edit", args=[concept.slug])
    version = coordinator.get(url).context["form"]["loaded_version"].value()
    data = {"name": concept.name, "slug": concept.slug, "order": 1, "loaded_version": version}
    document = SimpleUploadedFile(name, content, "application/pdf")
    response = coordinator.post(url, {**data, "document": document})
    concept.refresh_from_db()
    if accepted:
        assert response.status_code == 302 and concept.document
        return
    assert response.status_code == 400
    assert "Erlaubte Dateitypen" in " ".join(response.context["form"].errors["document"])
    assert not concept.document
