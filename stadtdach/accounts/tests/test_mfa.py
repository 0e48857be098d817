"""Two-factor log-in (django-allauth MFA): enrolment, log-in with the code, recovery
codes, removal, each audited; rate limits; hostile input (docs/accounts.md)."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import translation

from stadtdach.accounts.tests.mfa_helpers import confirm_password, enrol, password_login, totp_code
from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.html import assert_valid_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_required(settings):
    settings.STADTDACH_STAFF_MFA_REQUIRED = True


def german(msgid: str) -> str:
    """The German text of a msgid (English until the catalogue has it)."""
    with translation.override("de"):
        return translation.gettext(msgid)


INCORRECT = "Falscher Code."  # allauth's own German


def _entries(user):
    kind = ContentType.objects.get_for_model(Authenticator)
    return list(AuditEntry.objects.filter(actor=user, content_type=kind).order_by("id"))


# allauth sends the signals of set-up and new codes when the transaction commits.
@pytest.mark.django_db(transaction=True)
def test_coordinator_without_factor_enrols_totp(personas):
    user = personas.coordinator
    client, response = password_login(user)
    assert response.status_code == 302
    # Led to set one up: every staff page leads to the two-factor page.
    response = client.get("/arbeitsbereich/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/zwei-faktor/?next=")
    page = client.get("/konto/zwei-faktor/")
    assert 'id="second-factor-required"' in page.content.decode()
    assert_valid_html(page.content)

    # allauth asks for the password again before the settings change.
    asked = client.get("/konto/zwei-faktor/app/einrichten/")
    assert asked["Location"].startswith("/konto/bestaetigung/?next=")
    confirm_password(client)
    page = client.get("/konto/zwei-faktor/app/einrichten/")
    assert page.status_code == 200
    html = page.content.decode()
    assert_valid_html(page.content)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', html).group(1)
    assert 'src="data:image/svg+xml;base64,' in html
    assert 'autocomplete="one-time-code"' in html

    wrong = client.post("/konto/zwei-faktor/app/einrichten/", {"code": "000000"})
    assert wrong.status_code == 200
    assert INCORRECT in wrong.content.decode()
    assert 'href="#id_code"' in wrong.content.decode()  # the error links to its field
    assert not Authenticator.objects.filter(user=user).exists()

    done = client.post("/konto/zwei-faktor/app/einrichten/", {"code": totp_code(secret)})
    assert done.status_code == 302
    assert done["Location"] == "/konto/zwei-faktor/wiederherstellungscodes/"
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {"totp", "recovery_codes"}
    codes_page = client.get(done["Location"])
    assert codes_page.content.decode().count("<li><code>") == 10

    entries = _entries(user)
    assert [(e.action, e.changes["type"][1]) for e in entries] == [
        ("create", "totp"),
        ("create", "recovery_codes"),
    ]
    assert all(secret not in str(e.changes) + e.object_repr for e in entries)
    # Setting it up proved the factor: the staff pages open in this session.
    assert client.get("/arbeitsbereich/").status_code == 200


def test_log_in_with_password_and_code(personas):
    user = personas.consultant
    secret, _codes = enrol(user)
    client, response = password_login(user, next="/prozess/steuerung/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/zwei-faktor/anmelden/"
    # Not logged in before the code: the workspace asks for the log-in.
    assert client.get("/arbeitsbereich/")["Location"].startswith("/konto/anmelden/")

    page = client.get("/konto/zwei-faktor/anmelden/")
    assert page.status_code == 200
    assert_valid_html(page.content)
    wrong = client.post("/konto/zwei-faktor/anmelden/", {"code": "123456"})
    assert wrong.status_code == 200
    assert INCORRECT in wrong.content.decode()

    ok = client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    assert ok.status_code == 302
    assert ok["Location"] == "/prozess/steuerung/"
    assert client.get("/arbeitsbereich/").status_code == 200
    (used,) = [e for e in _entries(user) if e.action == "update"]
    assert used.changes == {"used_for": [None, "login"]}


def test_a_code_works_once(personas):
    user = personas.steering_member
    secret, _codes = enrol(user)
    code = totp_code(secret)
    client, _ = password_login(user)
    assert client.post("/konto/zwei-faktor/anmelden/", {"code": code}).status_code == 302
    other, _ = password_login(user)
    replay = other.post("/konto/zwei-faktor/anmelden/", {"code": code})
    assert replay.status_code == 200  # refused: the code was used a moment ago


def test_log_in_with_a_recovery_code(personas):
    user = personas.department_staff
    _secret, codes = enrol(user)
    client, _ = password_login(user)
    ok = client.post("/konto/zwei-faktor/anmelden/", {"code": codes[0]})
    assert ok.status_code == 302
    assert client.get("/arbeitsbereich/").status_code == 200
    used = [e for e in _entries(user) if e.action == "update"][-1]
    assert used.changes["unused_recovery_codes"] == [10, 9]
    assert used.changes["used_for"] == [None, "login"]
    # The same recovery code does not open the account a second time.
    again, _ = password_login(user)
    assert again.post("/konto/zwei-faktor/anmelden/", {"code": codes[0]}).status_code == 200
    assert again.post("/konto/zwei-faktor/anmelden/", {"code": codes[1]}).status_code == 302


def test_staff_cannot_remove_the_last_factor_but_citizens_can(personas):
    staff = personas.coordinator
    secret, _ = enrol(staff)
    client, _ = password_login(staff)
    client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    confirm_password(client)
    refused = client.post("/konto/zwei-faktor/app/entfernen/")
    assert refused.status_code == 200
    assert Authenticator.objects.filter(user=staff, type="totp").exists()

    citizen = personas.citizen
    secret, _ = enrol(citizen)
    client, _ = password_login(citizen)
    client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    confirm_password(client)
    removed = client.post("/konto/zwei-faktor/app/entfernen/")
    assert removed.status_code == 302
    assert not Authenticator.objects.filter(user=citizen).exists()
    deleted = [(e.changes["type"][0]) for e in _entries(citizen) if e.action == "delete"]
    assert deleted == ["totp", "recovery_codes"]


@pytest.mark.django_db(transaction=True)
def test_new_recovery_codes_are_audited(personas):
    user = personas.citizen
    secret, old_codes = enrol(user)
    client, _ = password_login(user)
    client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    confirm_password(client)
    response = client.post("/konto/zwei-faktor/wiederherstellungscodes/neu/")
    assert response.status_code == 302
    new_codes = Authenticator.objects.get(user=user, type="recovery_codes").wrap()
    assert set(new_codes.get_unused_codes()).isdisjoint(old_codes)
    assert _entries(user)[-1].changes == {"codes": ["old", "new"]}


def test_a_session_without_the_factor_is_asked_for_it(personas, client_for):
    """A staff session from before (or through the admin's log-in) must confirm the
    factor before the staff pages open."""
    user = personas.participation_coordinator
    secret, _ = enrol(user)
    client = client_for(user)
    response = client.get("/beteiligung/moderation/")
    assert response.status_code == 302
    assert (
        response["Location"]
        == "/konto/zwei-faktor/bestaetigen/?next=%2Fbeteiligung%2Fmoderation%2F"
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_valid_html(page.content)
    ok = client.post(
        "/konto/zwei-faktor/bestaetigen/",
        {"code": totp_code(secret), "next": "/beteiligung/moderation/"},
    )
    assert ok.status_code == 302
    assert ok["Location"] == "/beteiligung/moderation/"
    assert client.get("/beteiligung/moderation/").status_code == 200
    used = [e for e in _entries(user) if e.action == "update"][-1]
    assert used.changes == {"used_for": [None, "confirmation"]}


def test_failed_codes_are_limited_per_account(personas):
    """allauth's limit: after five wrong codes even the right one is refused for a while."""
    user = personas.coordinator
    secret, _ = enrol(user)
    client, _ = password_login(user)
    for _ in range(5):
        assert client.post("/konto/zwei-faktor/anmelden/", {"code": "000000"}).status_code == 200
    limited = client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    assert limited.status_code == 200
    assert (
        german("Too many attempts in a short time. Please wait a few minutes and try again.")
        in limited.content.decode()
    )
    assert client.get("/arbeitsbereich/")["Location"].startswith("/konto/anmelden/")


HOSTILE_CODES = [
    "",
    " ",
    "x" * 10_000,
    "\uff11\uff12\uff13\uff14\uff15\uff16",  # full-width digits
    "12 34 56",
    "<script>",
    "' OR 1=1 --",
    "\u202e",
]


@pytest.mark.parametrize("code", HOSTILE_CODES, ids=range(len(HOSTILE_CODES)))
def test_hostile_codes_get_a_form_error(code, personas):
    user = personas.coordinator
    enrol(user)
    client, _ = password_login(user)
    client.raise_request_exception = True
    for path in ("/konto/zwei-faktor/anmelden/",):
        response = client.post(path, {"code": code})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("</header>")[-1]
        assert not AuditEntry.objects.filter(action="update", actor=user).exists()


def test_hostile_input_on_enrolment_and_key_pages(personas):
    user = personas.citizen
    client, _ = password_login(user)
    confirm_password(client)
    client.raise_request_exception = True
    for data in ({"code": "x" * 10_000}, {"code": "\x00"}, {}):
        assert client.post("/konto/zwei-faktor/app/einrichten/", data).status_code == 200
    for data in (
        {"name": "x" * 10_000, "credential": "{}"},
        {"credential": "not json"},
        {"credential": '{"id": 1, "response": []}'},
    ):
        response = client.post("/konto/zwei-faktor/sicherheitsschluessel/hinzufuegen/", data)
        assert response.status_code < 500
    assert not Authenticator.objects.filter(user=user).exists()
    assert (
        client.post("/konto/zwei-faktor/sicherheitsschluessel/99999999999/entfernen/").status_code
        == 404
    )


def test_staff_login_without_factor_when_not_required(settings, personas):
    settings.STADTDACH_STAFF_MFA_REQUIRED = False
    client, response = password_login(personas.coordinator)
    assert response["Location"] == "/arbeitsbereich/"
    assert client.get("/arbeitsbereich/").status_code == 200
    page = Client().get("/konto/anmelden/")
    assert 'id="second-factor-note"' in page.content.decode()


FORGED_CREDENTIALS = [
    "{}",
    "not json",
    '{"id": 1, "response": []}',
    '{"id": "x", "rawId": 5}',
    "[]",
]


@pytest.mark.parametrize("credential", FORGED_CREDENTIALS, ids=range(len(FORGED_CREDENTIALS)))
def test_forged_security_key_answers_are_refused(credential, personas):
    user = personas.coordinator
    enrol(user)
    client, _ = password_login(user)
    client.raise_request_exception = True
    response = client.post("/konto/zwei-faktor/anmelden/", {"credential": credential})
    assert response.status_code == 200
    assert client.get("/arbeitsbereich/")["Location"].startswith("/konto/anmelden/")
    # The confirmation page of a logged-in user, too.
    staff = Client(raise_request_exception=True)
    staff.force_login(user)
    response = staff.post(
        "/konto/zwei-faktor/sicherheitsschluessel/bestaetigen/", {"credential": credential}
    )
    assert response.status_code < 500


def test_the_other_two_factor_pages_render(personas):
    user = personas.citizen
    secret, _ = enrol(user)
    client, _ = password_login(user)
    client.post("/konto/zwei-faktor/anmelden/", {"code": totp_code(secret)})
    confirm_password(client)
    for path in (
        "/konto/zwei-faktor/",
        "/konto/zwei-faktor/app/entfernen/",
        "/konto/zwei-faktor/wiederherstellungscodes/",
        "/konto/zwei-faktor/wiederherstellungscodes/neu/",
        "/konto/zwei-faktor/sicherheitsschluessel/",
        "/konto/zwei-faktor/sicherheitsschluessel/hinzufuegen/",
        "/konto/zwei-faktor/bestaetigen/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_valid_html(response.content)
    add = client.get("/konto/zwei-faktor/sicherheitsschluessel/hinzufuegen/").content.decode()
    assert "/static/mfa/js/webauthn.js" in add
    assert "<script>" not in add  # no inline script (CSP)
    download = client.get("/konto/zwei-faktor/wiederherstellungscodes/herunterladen/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
