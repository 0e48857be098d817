"""Whatever somebody types into a form or an address, the answer is a page with a reason,
never a server error, and nothing broken is saved."""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.test import Client

from stadtdach.demo.tests.pages import public_paths, staff_paths
from stadtdach.strategy.models import Measure

PAYLOADS = {
    "nul": "\x00",
    "nul inside": "Markt\x00platz",
    "huge": "x" * 200_000,
    "negative": "-1",
    "huge number": "9" * 40,
    "markup": "<script>alert(1)</script>",
    "json escape": '{"type": "Point", "coordinates": [1, 2], "x": "\\u0000"}',
    "unicode": "ŝ̷̛͍̏ 🏘️ \u202e",
}


@pytest.fixture
def coordinator(demo):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="koordination"))
    return client


def form_paths():
    return [
        p for p in staff_paths() if not p.endswith(("loeschen/", "protokoll/", "arbeitsbereich/"))
    ]


def test_staff_forms_answer_every_payload_without_a_server_error(coordinator):
    for path in form_paths():
        form = coordinator.get(path).context["form"]
        names = [
            name for name, field in form.fields.items() if not isinstance(field, forms.FileField)
        ]
        for label, value in PAYLOADS.items():
            data = dict.fromkeys(names, value)
            response = coordinator.post(path, data)
            assert response.status_code in (200, 302, 400), f"{path} {label}"
        assert coordinator.post(path, {}).status_code in (200, 302, 400), path
    assert not any("\x00" in (m.title + m.description) for m in Measure.objects.all())


def test_addresses_and_query_strings_never_cause_a_server_error(demo):
    client = Client(raise_request_exception=False)
    queries = [
        "?seite=-1",
        "?seite=99999",
        "?seite=abc",
        "?q=%00",
        "?q=" + "x" * 5000,
        "?handlungsfeld=%3Cscript%3E",
        "?thema=nicht-da&status=idea%00",
        "?prioritaet=" + "A" * 500,
        "?seite=1&seite=2",
        "?q=%F0%28%8C%28",
    ]
    for path in public_paths():
        if "?" in path:
            continue
        for query in queries:
            response = client.get(path + query)
            assert response.status_code in (200, 400), path + query
    for path in (
        "/massnahmen/0/",
        "/massnahmen/99999999999999999999/",
        "/konzepte/%00/",
        "/handlungsfelder/..%2F..%2Fetc/",
        "/massnahmen/1/ort.geojson?x=%00",
    ):
        assert client.get(path).status_code in (400, 404), path
