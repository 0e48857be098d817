"""Every page of the demo site answers and is valid HTML, for visitors and for staff;
security headers are set on every answer."""

import pytest
from django.core.management import call_command
from django.test import Client

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.strategy.models import ActionField, Concept, CrossCuttingTheme, Goal, Measure


@pytest.fixture
def demo(db):
    call_command("load_boizenburg_demo")


def public_paths():
    measure = Measure.objects.get(code="STS-1")
    return [
        "/",
        "/leitbild/",
        "/ausgaben/",
        "/ausgaben/isek-2022/",
        "/ausgaben/isek-2002-2017/",
        "/handlungsfelder/",
        *[f.get_absolute_url() for f in ActionField.objects.all()],
        "/querschnittsthemen/",
        *[t.get_absolute_url() for t in CrossCuttingTheme.objects.all()],
        "/konzepte/",
        *[c.get_absolute_url() for c in Concept.objects.all()],
        "/bewertung-und-erwartungen/",
        "/massnahmen/",
        "/massnahmen/?thema=klimafit",
        *[m.get_absolute_url() for m in Measure.objects.all()],
        "/sockel/qualitaetsmanagement/",
        "/sockel/kommunikation/",
        "/sockel/haushalt/",
        "/sockel/monitoring/",
        "/beispiele/",
        "/prozess/",
        "/leichte-sprache/",
        "/barrierefreiheit/",
        "/impressum/",
        "/datenschutz/",
        "/suche/?q=Rad",
        "/konto/anmelden/",
        "/en/",
        "/en/prozess/",
        measure.get_absolute_url() + "ort.geojson",
    ]


def staff_paths():
    measure = Measure.objects.get(code="STS-1")
    goal = Goal.objects.first()
    return [
        "/arbeitsbereich/",
        "/protokoll/",
        "/massnahmen/neu/",
        f"/massnahmen/{measure.pk}/bearbeiten/",
        f"/massnahmen/{measure.pk}/bewertungen/",
        f"/massnahmen/{measure.pk}/loeschen/",
        "/handlungsfelder/neu/",
        "/handlungsfelder/wohnen/bearbeiten/",
        "/handlungsfelder/wohnen/auswahl/",
        "/handlungsfelder/wohnen/bewertungen/",
        "/handlungsfelder/wohnen/ziele/neu/",
        "/handlungsfelder/wohnen/swot/neu/",
        f"/ziele/{goal.pk}/bearbeiten/",
        "/querschnittsthemen/neu/",
        "/querschnittsthemen/klimafit/bearbeiten/",
        "/konzepte/neu/",
        "/konzepte/vep/bearbeiten/",
        "/leitbild/bearbeiten/",
        "/leitbild/leitsaetze/neu/",
        "/bewertung-und-erwartungen/befunde/neu/",
        "/bewertung-und-erwartungen/erwartungen/neu/",
    ]


def test_public_pages_answer_with_valid_html_and_security_headers(demo):
    client = Client()
    for path in public_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Content-Type-Options"] == "nosniff"
        if response["Content-Type"].startswith("text/html"):
            assert "script-src 'self'" in response["Content-Security-Policy"], path
            assert "'unsafe-inline'" not in response["Content-Security-Policy"]
            assert response["X-Frame-Options"] == "DENY"
            assert_valid_html(response.content)


def test_staff_pages_answer_with_valid_html(demo):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="koordination"))
    for path in staff_paths() + [p for p in public_paths() if p != "/konto/anmelden/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        if response["Content-Type"].startswith("text/html"):
            assert_valid_html(response.content)


def test_no_page_has_inline_script_or_style(demo):
    client = Client()
    for path in public_paths():
        html = client.get(path).content.decode()
        assert " style=" not in html, path
        assert "<script>" not in html and "<style" not in html, path
