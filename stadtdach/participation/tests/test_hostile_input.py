"""Whatever a visitor or citizen sends to a public form of the participation or the
accounts, the answer is a page with a reason (or a redirect), never a server error, and
nothing broken is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stadtdach.participation.models import Comment, Contribution
from stadtdach.participation.tests.factories import build_participation, make_process

PAYLOADS = {
    "nul": "\x00",
    "nul inside": "Markt\x00platz am Elbufer mit Bänken",
    "huge": "x" * 200_000,
    "negative": "-1",
    "huge number": "9" * 40,
    "markup": "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "json escape": '{"type": "Point", "coordinates": [1, 2], "x": "\\u0000"}',
    "unicode": "ŝ̷̛͍̏ 🏘️ \u202e",
    "float": "1e309",
    "list": ["1", "2", "abc"],
}


@pytest.fixture
def world(db, personas):
    world = build_participation(contributions=3)
    world.open_process = make_process(world.phase, slug="fuer-alle", contributors="anonymous")
    world.idea = world.process.contributions.first()
    world.measure = world.world.goals[0].measures.first()
    return world


def _forms(world) -> list[tuple[str, list[str]]]:
    """(address, field names) of every public form."""
    idea_fields = [
        "title",
        "text",
        "action_field",
        "themes",
        "named_place",
        "latitude",
        "longitude",
        "target_group",
        "confirm_new",
        "image_1_description",
        "image_2_description",
        "form_token",
        "website",
    ]
    return [
        (reverse("participation:idea_add", args=[world.process.slug]), idea_fields),
        (reverse("participation:idea_add", args=[world.open_process.slug]), idea_fields),
        (
            reverse("participation:comment_add", args=[world.idea.pk]),
            ["text", "form_token", "website", "official"],
        ),
        (
            reverse("participation:report", args=["beitrag", world.idea.pk]),
            ["reason", "text", "form_token", "website"],
        ),
        (
            reverse("participation:measure_comment", args=[world.measure.pk]),
            ["text", "form_token", "website"],
        ),
        (
            reverse("participation:support", args=[world.idea.pk]),
            ["withdraw", "next"],
        ),
        (
            reverse("participation:subscribe"),
            ["kind", "target", "frequency", "next"],
        ),
        (reverse("participation:subscriptions"), ["subscription", "frequency", "remove"]),
        (reverse("accounts:profile"), ["display_name", "loaded_version"]),
        (reverse("accounts:login"), ["username", "password", "next"]),
        (
            reverse("account_signup"),
            [
                "email",
                "display_name",
                "password1",
                "password2",
                "consent_privacy",
                "consent_rules",
                "website",
            ],
        ),
        (reverse("account_reset_password"), ["email"]),
        (reverse("accounts:delete"), ["password", "confirm"]),
    ]


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
def test_public_forms_answer_every_payload_without_a_server_error(world, client_for, who):
    from django.core.cache import cache

    for path, names in _forms(world):
        for label, value in PAYLOADS.items():
            cache.clear()  # the rate limits would answer 429 long before the payloads end
            client = client_for(who)
            client.raise_request_exception = False
            response = client.post(path, dict.fromkeys(names, value))
            assert response.status_code in (200, 302, 400, 403, 404, 429), (
                f"{who} {path} {label}: {response.status_code}"
            )
        cache.clear()
        assert client_for(who).post(path, {}).status_code in (200, 302, 400, 403, 404), path
    # (LIKE with a NUL character matches anything on SQLite: check in Python.)
    assert not any("\x00" in c.title + c.text for c in Contribution.objects.all())
    assert not any("\x00" in c.text for c in Comment.objects.all())
    assert not any(len(c.text) > 5_000 for c in Contribution.objects.all())


def test_broken_uploads_and_odd_multipart(world, client_for):
    client = client_for("citizen")
    path = reverse("participation:idea_add", args=[world.process.slug])
    data = {
        "title": "Ein Kräutergarten am Rathaus",
        "text": "Hinter dem Rathaus könnte ein Kräutergarten für alle entstehen.",
    }
    for upload in (
        SimpleUploadedFile("x.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg"),
        SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"\xff" * 50, "image/png"),
        SimpleUploadedFile("\x00.png", b"GIF89a", "image/gif"),
        SimpleUploadedFile("../../etc/passwd", b"root:x:0:0", "text/plain"),
    ):
        response = client.post(path, {**data, "image_1": upload})
        assert response.status_code == 400
    assert not Contribution.objects.filter(title=data["title"]).exists()


def test_addresses_and_query_strings_never_cause_a_server_error(world):
    client = Client(raise_request_exception=False)
    paths = [
        reverse("participation:overview"),
        world.process.get_absolute_url(),
        world.idea.get_absolute_url(),
        reverse("participation:idea_geojson", args=[world.process.slug]),
        reverse("participation:target_groups"),
    ]
    queries = [
        "?seite=-1",
        "?seite=99999",
        "?seite=abc",
        "?phase=%00",
        "?zielgruppe=" + "x" * 5000,
        "?handlungsfeld=%3Cscript%3E&status=adopted%00",
        "?sortierung=support_count;drop",
        "?verfahren=../../",
        "?seite=1&seite=2",
        "?q=%F0%28%8C%28",
    ]
    for path in paths:
        for query in queries:
            assert client.get(path + query).status_code in (200, 400), path + query
    for path in (
        "/beteiligung/verfahren/gibt-es-nicht/",
        "/beteiligung/beitraege/0/",
        "/beteiligung/beitraege/99999999999999999999/",
        "/beteiligung/beitraege/99999999999999999999/antworten/",
        "/beteiligung/bilder/%00/",
        "/beteiligung/bilder/" + "a" * 500 + "/",
        "/beteiligung/massnahmen/99999999999999999999/kommentieren/",
        "/beteiligung/verfahren/gibt-es-nicht/ideen.geojson",
    ):
        assert client.get(path).status_code in (302, 400, 404), path
