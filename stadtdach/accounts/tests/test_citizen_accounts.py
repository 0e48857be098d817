"""Citizen accounts: registration with e-mail confirmation, one log-in for everybody,
password reset, the own data as JSON, deleting the account."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from stadtdach.accounts.models import Consent
from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.personas import PASSWORD

SIGNUP = {
    "email": "neue.buergerin@example.org",
    "display_name": "Nele aus der Altstadt",
    "password1": "elbufer-boizenburg-2026",
    "password2": "elbufer-boizenburg-2026",
    "consent_privacy": "on",
    "consent_rules": "on",
}


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Mail is sent by background tasks after the transaction commits."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def _link(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def _register(client, run_tasks, **data):
    return run_tasks(lambda: client.post(reverse("account_signup"), {**SIGNUP, **data}))


def test_register_confirm_and_land_on_the_account_page(db, run_tasks):
    client = Client()
    mail.outbox.clear()
    response = _register(client, run_tasks)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email=SIGNUP["email"])
    assert user.display_name == SIGNUP["display_name"] and not user.is_sample
    assert user.role_codes == {"citizen"}
    assert {(c.key, c.version) for c in Consent.objects.filter(user=user)} == {
        ("privacy", 1),
        ("rules", 1),
    }
    assert [m.to for m in mail.outbox] == [[SIGNUP["email"]]]
    link = _link(mail.outbox[0])
    assert link.startswith("/konto/bestaetigen/")
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    # The same browser is logged in right away and lands on the account page.
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200 and page.wsgi_request.user == user


def test_no_log_in_before_the_address_is_confirmed(db, run_tasks):
    _register(Client(), run_tasks)
    mail.outbox.clear()
    client = Client()
    credentials = {"username": SIGNUP["email"], "password": SIGNUP["password1"]}
    response = run_tasks(lambda: client.post(reverse("accounts:login"), credentials))
    assert response.status_code == 400
    assert [e.code for e in response.context["form"].errors.as_data()["__all__"]] == ["unconfirmed"]
    assert len(mail.outbox) == 1  # a new link
    run_tasks(lambda: client.post(reverse("accounts:login"), credentials))
    assert len(mail.outbox) == 1  # ... but not one per attempt
    EmailAddress.objects.filter(email=SIGNUP["email"]).update(verified=True)
    response = client.post(reverse("accounts:login"), credentials)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")


def test_staff_log_in_on_the_same_page_with_their_user_name(db, personas):
    staff = personas.coordinator
    response = Client().post(
        reverse("accounts:login"), {"username": staff.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "communication:workspace"
    )
    by_mail = Client().post(
        reverse("accounts:login"), {"username": staff.email, "password": PASSWORD}
    )
    assert by_mail.status_code == 302
    nxt = Client().post(
        reverse("accounts:login") + "?next=/massnahmen/",
        {"username": staff.username, "password": PASSWORD, "next": "/massnahmen/"},
    )
    assert nxt["Location"] == "/massnahmen/"
    wrong = Client().post(reverse("accounts:login"), {"username": staff.username, "password": "x"})
    assert wrong.status_code == 400


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"display_name": "nele@example.org"}, "display_name", "email_like"),
        ({"display_name": "  "}, "display_name", "required"),
        ({"consent_privacy": ""}, "consent_privacy", "required"),
        ({"email": "keine-adresse"}, "email", "invalid"),
        ({"password2": "etwas-anderes-123"}, "password2", None),
        ({"password1": "x" * 300, "password2": "x" * 300}, "password1", "max_length"),
        ({"display_name": "Ne\x00le"}, "display_name", "null_characters_not_allowed"),
    ],
)
def test_bad_registrations_are_refused_with_a_reason(db, run_tasks, data, field, code):
    response = _register(Client(), run_tasks, **data)
    assert response.status_code == 200  # allauth re-renders the form
    errors = response.context["form"].errors.as_data()
    assert field in errors
    if code:
        assert code in [e.code for e in errors[field]]
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()


def test_the_honeypot_pretends_success_but_creates_nobody(db, run_tasks):
    mail.outbox.clear()
    response = _register(Client(), run_tasks, website="http://bot.example")
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()
    assert mail.outbox == []


def test_registering_twice_with_one_address_creates_one_account(db, run_tasks):
    _register(Client(), run_tasks)
    _register(Client(), run_tasks, display_name="Jemand anderes")
    assert get_user_model().objects.filter(email=SIGNUP["email"]).count() == 1


def test_registration_is_rate_limited_with_a_german_429(db, run_tasks):
    client = Client()
    statuses = [
        _register(client, run_tasks, email=f"person{n}@example.org").status_code for n in range(6)
    ]
    assert statuses[-1] == 429
    assert "429" not in statuses[:5]


def test_password_reset_by_mail(db, personas, run_tasks):
    citizen = personas.citizen
    mail.outbox.clear()
    client = Client()
    response = run_tasks(
        lambda: client.post(reverse("account_reset_password"), {"email": citizen.email})
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[citizen.email]]
    link = _link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    action = form_page.context["action_url"]
    new = "ein-neues-passwort-2026"
    done = client.post(action, {"password1": new, "password2": new})
    assert done.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password(new)
    # Unknown addresses get the same answer and no mail.
    mail.outbox.clear()
    unknown = run_tasks(
        lambda: Client().post(reverse("account_reset_password"), {"email": "nie@example.org"})
    )
    assert unknown.status_code == 302 and mail.outbox == []


def test_the_display_name_can_be_changed(db, personas, client_for):
    client = client_for("citizen")
    response = client.post(reverse("accounts:profile"), {"display_name": "Birgit B."})
    assert response.status_code == 302
    personas.citizen.refresh_from_db()
    assert personas.citizen.display_name == "Birgit B."
    assert AuditEntry.objects.filter(object_id=str(personas.citizen.pk), action="update").exists()
    bad = client.post(reverse("accounts:profile"), {"display_name": "b@example.org"})
    assert bad.status_code == 400


def test_staff_cannot_delete_their_own_account(db, client_for):
    client = client_for("coordinator")
    assert client.get(reverse("accounts:delete")).status_code == 403
    assert client.post(reverse("accounts:delete"), {"password": PASSWORD}).status_code == 403


def test_citizens_see_no_workspace_link_but_their_account(db, client_for):
    html = client_for("citizen").get("/").content.decode()
    assert reverse("accounts:profile") in html
    assert reverse("communication:workspace") not in html
    staff_html = client_for("coordinator").get("/").content.decode()
    assert reverse("communication:workspace") in staff_html
