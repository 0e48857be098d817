"""Who must use a second factor, and which pages they reach before (accounts/middleware.py):
every role that sees or changes non-public data, on every kind of staff page; council
members and citizens not."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from stadtdach.accounts.tests.mfa_helpers import enrol, password_login, totp_code
from stadtdach.core.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db

REQUIRED = (
    "coordinator",
    "participation_coordinator",
    "consultant",
    "steering_member",
    "department_staff",
)
NOT_REQUIRED = ("council_member", "citizen")
# One page of each kind: the workspace, an internal process page, moderation, the audit
# log, the admin, a public page (staff see it with their edit links), a staff form (POST),
# a private download.
STAFF_PAGES = (
    ("get", "/arbeitsbereich/"),
    ("get", "/prozess/steuerung/"),
    ("get", "/beteiligung/moderation/"),
    ("get", "/protokoll/"),
    ("get", "/technik/"),
    ("get", "/"),
    ("get", "/massnahmen/"),
    ("post", "/leitbild/bearbeiten/"),
    ("get", "/berichte/"),
)
# Reachable before the second factor: the account, log-out, the two-factor pages, health.
OPEN_PAGES = ("/konto/", "/konto/zwei-faktor/", "/konto/meine-daten.json", "/healthz")


@pytest.fixture(autouse=True)
def mfa_required(settings):
    settings.STADTDACH_STAFF_MFA_REQUIRED = True


@pytest.fixture
def technical_admin():
    return get_user_model().objects.create_superuser("persona-technik", "t@example.org", PASSWORD)


@pytest.mark.parametrize("persona", REQUIRED)
@pytest.mark.parametrize("method, path", STAFF_PAGES, ids=lambda v: str(v))
def test_staff_without_factor_are_led_to_set_one_up(persona, method, path, client_for):
    response = getattr(client_for(persona), method)(path)
    assert response.status_code == 302, path
    assert response["Location"].startswith("/konto/zwei-faktor/?next=")


@pytest.mark.parametrize("method, path", STAFF_PAGES, ids=lambda v: str(v))
def test_technical_administrator_too(method, path, technical_admin, client_for):
    response = getattr(client_for(technical_admin), method)(path)
    assert response["Location"].startswith("/konto/zwei-faktor/?next=")


@pytest.mark.parametrize("persona", REQUIRED)
def test_the_account_pages_stay_open(persona, client_for):
    client = client_for(persona)
    for path in OPEN_PAGES:
        assert client.get(path).status_code == 200, path
    response = client.post("/konto/abmelden/")
    assert response.status_code == 302
    assert not response["Location"].startswith("/konto/zwei-faktor/")


@pytest.mark.parametrize("persona", NOT_REQUIRED)
def test_council_and_citizens_need_no_second_factor(persona, client_for):
    client = client_for(persona)
    assert client.get("/").status_code == 200
    assert client.get("/konto/").status_code == 200
    response = client.get("/arbeitsbereich/")
    assert response.status_code in (200, 403)  # their own rights decide, not the factor
    page = client.get("/konto/zwei-faktor/")
    assert 'id="second-factor-required"' not in page.content.decode()


def test_a_citizen_may_enrol_and_then_must_use_it(personas):
    citizen = personas.citizen
    secret, _ = enrol(citizen)
    client, response = password_login(citizen)
    assert response["Location"] == "/konto/zwei-faktor/anmelden/"
    assert (
        client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)}).status_code == 302
    )
    assert client.get("/konto/").status_code == 200


@pytest.mark.parametrize("persona", REQUIRED)
def test_staff_who_passed_the_factor_reach_the_staff_pages(persona, personas):
    user = personas[persona]
    secret, _ = enrol(user)
    client, _ = password_login(user)
    client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    assert client.get("/arbeitsbereich/").status_code == 200
    assert client.get("/").status_code == 200


def test_nothing_is_blocked_when_the_setting_is_off(settings, client_for):
    settings.STADTDACH_STAFF_MFA_REQUIRED = False
    client = client_for("coordinator")
    assert client.get("/arbeitsbereich/").status_code == 200
    assert client.get("/protokoll/").status_code == 200


def test_an_anonymous_visitor_is_not_affected():
    client = Client()
    assert client.get("/").status_code == 200
    assert client.get("/arbeitsbereich/")["Location"].startswith("/konto/anmelden/")
