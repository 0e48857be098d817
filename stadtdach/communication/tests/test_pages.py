import datetime
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from stadtdach.communication.models import AccessibilityFeedback
from stadtdach.core.models import Municipality
from stadtdach.core.testing.html import assert_valid_html
from stadtdach.process.models import Milestone, Phase
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db):
    world = build_world(measures=5)
    Municipality.objects.create(
        name="Boizenburg/Elbe",
        official_name="Stadt Boizenburg/Elbe",
        accessibility_contact_email="barrierefrei@example.org",
    )
    today = datetime.date.today()
    Phase.objects.create(
        edition=world.edition,
        name="Vorprozess",
        slug="vor",
        order=1,
        start=today - datetime.timedelta(days=400),
        end=today - datetime.timedelta(days=200),
    )
    Phase.objects.create(
        edition=world.edition,
        name="Hauptprozess",
        slug="haupt",
        order=2,
        start=today - datetime.timedelta(days=199),
    )
    Milestone.objects.create(
        edition=world.edition,
        name="Leitbild beschlossen",
        date=today + datetime.timedelta(days=30),
        is_important=True,
    )
    return world


def test_start_page_shows_phase_milestone_and_house(world, client):
    html = client.get(reverse("communication:home")).content.decode()
    assert "Hauptprozess" in html and "Leitbild beschlossen" in html
    for field in world.fields:
        assert field.get_absolute_url() in html
    for theme in world.themes:
        assert theme.get_absolute_url() in html
    assert reverse("strategy:vision") in html
    assert reverse("strategy:foundation_detail", args=["monitoring"]) in html


@pytest.mark.parametrize(
    "name", ["home", "easy_language", "accessibility", "imprint", "privacy", "search"]
)
def test_own_pages_are_valid_html(world, client, name):
    response = client.get(reverse(f"communication:{name}"))
    assert response.status_code == 200
    assert_valid_html(response.content)


def test_english_switch_keeps_the_page(world, client):
    html = client.get(reverse("strategy:measure_list") + "?status=planned").content.decode()
    assert 'href="/en/massnahmen/?status=planned"' in html
    english = client.get("/en/massnahmen/?status=planned")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()


def feedback(**overrides):
    data = {
        "message": "Der Kontrast der Tabelle ist zu schwach.",
        "page": "/konzepte/",
        "name": "",
        "email": "",
        "website": "",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_accessibility_feedback_is_stored_and_mailed(
    world, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("communication:accessibility"), feedback())
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["barrierefrei@example.org"]
    assert "Kontrast" in mail.outbox[0].body


def test_feedback_honeypot_and_bad_input_are_refused(world, client):
    url = reverse("communication:accessibility")
    assert client.post(url, feedback(website="http://spam.example")).status_code == 400
    assert client.post(url, feedback(message="kurz")).status_code == 400
    assert client.post(url, feedback(message="x\x00" * 10)).status_code == 400
    assert client.post(url, feedback(email="keine-adresse")).status_code == 400
    assert AccessibilityFeedback.objects.count() == 0


def test_feedback_is_rate_limited_with_a_german_429(world, client, settings):
    settings.STADTDACH_RATE_LIMIT = {"requests": 2, "seconds": 600}
    from django.core.cache import cache

    cache.clear()
    url = reverse("communication:accessibility")
    for _ in range(2):
        client.post(url, feedback())
    response = client.post(url, feedback())
    assert response.status_code == 429
    assert "Retry-After" in response
    assert "zu oft" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 2


def test_search_finds_measures_and_refuses_bad_terms(world, client):
    html = client.get(reverse("communication:search") + "?q=Radweg").content.decode()
    assert "Maßnahme 0 Radweg" in html
    assert client.get(reverse("communication:search") + "?q=x").status_code == 200
    assert client.get(reverse("communication:search") + "?q=%00").status_code == 400
    long = client.get(reverse("communication:search") + "?q=" + "a" * 5000)
    assert long.status_code == 200
    assert "höchstens 100 Zeichen" in long.content.decode()


def test_german_content_is_marked_on_english_pages(world, client):
    url = world.fields[0].get_absolute_url()  # reversed in German, before /en/ is visited
    english = client.get("/en" + url).content.decode()
    assert f'<h1><span lang="de">{world.fields[0].name}</span></h1>' in english
    german = client.get(url).content.decode()
    assert f"<h1>{world.fields[0].name}</h1>" in german
