"""The limits on the two-factor pages answer with the German 429 page: ours on every page
that checks a code (per address), allauth's on the confirmation pages (per account).
allauth's limit on wrong codes per account is a form error (test_mfa.py)."""

import pytest
from django.test import Client

from stadtdach.accounts.tests.mfa_helpers import enrol
from stadtdach.core import ratelimit
from stadtdach.core.tests.fuzz.test_rate_limit_pages import assert_german_429, limited_views

pytestmark = pytest.mark.django_db

MFA_SCOPES = {
    "mfa-authenticate": "/konto/zwei-faktor/anmelden/",
    "mfa-reauthenticate": "/konto/zwei-faktor/bestaetigen/",
    "mfa-activate": "/konto/zwei-faktor/app/einrichten/",
    "mfa-reauthenticate-key": "/konto/zwei-faktor/sicherheitsschluessel/bestaetigen/",
}


def test_the_code_pages_carry_our_limit():
    assert set(MFA_SCOPES.items()) <= set(limited_views())


@pytest.mark.parametrize("scope, path", MFA_SCOPES.items())
def test_our_limit_on_the_code_pages(scope, path, personas, monkeypatch):
    enrol(personas.coordinator)
    client = Client()
    client.force_login(personas.coordinator)
    monkeypatch.setattr(ratelimit, "hit", lambda *args, **kwargs: False)
    response = client.post(path, {"code": "123456"})
    assert_german_429(response)
    assert int(response["Retry-After"]) > 0


def test_the_limit_counts_per_address(settings, personas):
    """Twenty code posts from one address in five minutes, then the 429 page."""
    client = Client()
    client.force_login(personas.citizen)
    for _ in range(20):
        assert client.post("/konto/zwei-faktor/app/einrichten/", {}).status_code != 429
    assert_german_429(client.post("/konto/zwei-faktor/app/einrichten/", {}))


def test_allauth_limit_on_the_confirmation_page(settings, personas):
    settings.ACCOUNT_RATE_LIMITS = {"reauthenticate": "0/m/user"}
    user = personas.consultant
    enrol(user)
    client = Client()
    client.force_login(user)
    assert_german_429(client.post("/konto/zwei-faktor/bestaetigen/", {"code": "123456"}))
