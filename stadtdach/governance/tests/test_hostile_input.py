"""Regressions found by the fuzz suite (stadtdach/core/tests/fuzz/): digits that int()
refuses and date-times at the ends of the calendar answer 400 in OParl, not 500; a file
whose content is not what its name says is refused and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.fuzz_uploads import EXE, HTML, PDF, docx
from stadtdach.governance.models import Document
from stadtdach.governance.tests.factories import build_gov_world

BASE = "/oparl/v1/"


@pytest.fixture
def world(db, personas):
    return build_gov_world(personas)


@pytest.mark.parametrize(
    "query",
    [
        "page=²",  # str.isdigit() is true, int() raises
        "elementsPerPage=%D9%A1%D9%A2",  # Arabic-Indic digits
        "modified_since=0001-01-01T00:00:00%2B14:00",  # before year 1 in UTC
        "created_until=9999-12-31T23:59:59-12:00",  # after year 9999 in UTC
    ],
)
def test_oparl_refuses_odd_digits_and_moments_off_the_calendar(world, query):
    response = Client().get(f"{BASE}body/{world.authority.pk}/meetings?{query}")
    assert response.status_code == 400
    assert response.json()["type"].endswith("/Error")


@pytest.mark.parametrize(
    "name, content",
    [
        ("programm.pdf", EXE),
        ("seite.pdf", HTML),
        ("bild.png", PDF),
        ("text.docx", PDF),
        ("dokument.pdf", docx()),
    ],
)
def test_a_document_whose_content_is_not_its_type_is_refused(world, client_for, name, content):
    member = client_for("steering_member")
    url = reverse("governance:document_add", args=["gremium", world.steering.pk])
    form = member.get(url).context["form"]
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    data = {"name": "X", "role": "working", "file": upload}
    data["form_token"] = form["form_token"].value()
    before = Document.objects.count()
    response = member.post(url, data)
    assert response.status_code == 400
    assert "Erlaubte Dateitypen" in " ".join(response.context["form"].errors["file"])
    assert Document.objects.count() == before
