"""Every page of the demo site answers and is valid HTML, for visitors and for staff;
security headers are set on every answer."""

from django.test import Client

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.demo.tests.pages import public_paths, staff_paths


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
