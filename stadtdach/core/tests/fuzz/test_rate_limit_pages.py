"""Every rate limit answers with the German 429 page: ours (core.ratelimit.limit_posts, on
every view that carries it, found in the URLconf) and each of django-allauth's on the
pages we mount (allauth renders ``handler429`` of config/urls.py)."""

import re

import pytest
from allauth.core.internal.ratelimit import respond_429
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from stadtdach.core import ratelimit
from stadtdach.core.testing.personas import PASSWORD

GERMAN_TITLE = "Zu viele Anfragen"
pytestmark = pytest.mark.xdist_group("fuzz-rate-limits")


def _walk(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _scope(callback) -> str | None:
    scope = getattr(callback, "rate_limit_scope", None)
    view_class = getattr(callback, "view_class", None)
    if scope is None and view_class is not None:
        scope = getattr(view_class.dispatch, "rate_limit_scope", None)
    return scope


def _example_path(route: str) -> str:
    """An address for a route: converters filled with a value of their kind (the
    limiter answers before the view looks anything up)."""
    path = route.lstrip("^").rstrip("$")
    path = re.sub(r"<int:\w+>", "1", path)
    path = re.sub(r"<(?:slug|str|path):\w+>|<\w+>", "x", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", path)
    return "/" + path.replace("\\", "")


def limited_views() -> list[tuple[str, str]]:
    seen, views = set(), []
    for route, entry in _walk(get_resolver().url_patterns):
        scope = _scope(entry.callback)
        path = _example_path(route).replace("/en/", "/")
        if scope and path not in seen:
            seen.add(path)
            views.append((scope, path))
    return views


def assert_german_429(response):
    assert response.status_code == 429
    text = response.content.decode()
    assert GERMAN_TITLE in text, text[:500]
    assert "Bitte warten Sie" in text


def test_the_urlconf_has_our_limited_views():
    scopes = {scope for scope, _ in limited_views()}
    assert {"login", "signup", "password-reset", "account-delete"} <= scopes, scopes


@pytest.mark.parametrize("scope, path", limited_views(), ids=lambda value: str(value))
def test_our_limiter_renders_the_429_page(scope, path, client_for, monkeypatch):
    monkeypatch.setattr(ratelimit, "hit", lambda *args, **kwargs: False)
    response = client_for("citizen").post(path, {})
    assert_german_429(response)
    assert int(response["Retry-After"]) > 0


# allauth's limits on the pages mounted in accounts/allauth_urls.py: (URL name, action,
# address, who posts, data). Login and the e-mail page are ours (or not offered); the
# confirmation link and the pages without a form have no limit of allauth's.
ALLAUTH_LIMITS = [
    ("account_signup", "signup", "/konto/registrieren/", None, {"email": "a@example.org"}),
    (
        "account_reset_password",
        "reset_password",
        "/konto/passwort/vergessen/",
        None,
        {"email": "a@example.org"},
    ),
    (
        "account_reset_password_from_key",
        "reset_password_from_key",
        "/konto/passwort/neu/1-abc/",
        None,
        {"password1": "x", "password2": "x"},
    ),
    (
        "account_change_password",
        "change_password",
        "/konto/passwort/aendern/",
        "citizen",
        {"oldpassword": PASSWORD, "password1": "x", "password2": "x"},
    ),
    ("account_set_password", "change_password", "/konto/passwort/setzen/", "nopassword", {}),
    ("account_reauthenticate", "reauthenticate", "/konto/bestaetigung/", "citizen", {}),
]
WITHOUT_ALLAUTH_LIMIT = {
    "account_login",  # our LoginView with our limiter (tested above)
    "account_logout",
    "account_email",  # not offered: leads to the account page
    "account_email_verification_sent",
    "account_confirm_email",  # allauth limits the mails, not the page
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_inactive",
}


def test_every_mounted_allauth_page_is_in_the_table():
    names = {
        entry.name
        for route, entry in _walk(get_resolver().url_patterns)
        if (entry.name or "").startswith("account_") and "technik/" not in route
    }
    assert names == {row[0] for row in ALLAUTH_LIMITS} | WITHOUT_ALLAUTH_LIMIT


@pytest.mark.parametrize("name, action, path, who, data", ALLAUTH_LIMITS, ids=lambda v: str(v))
def test_allauth_limiter_renders_the_429_page(
    name, action, path, who, data, settings, personas
):  # fmt: skip
    per = "user" if who else "ip"
    settings.ACCOUNT_RATE_LIMITS = {action: f"0/m/{per}"}
    client = Client()
    if who == "nopassword":
        user = personas.citizen
        user.set_unusable_password()
        user.save()
        client.force_login(user)
    elif who:
        client.force_login(personas[who])
    assert_german_429(client.post(path, data))


def test_allauth_429_without_a_page_of_its_own(rf: RequestFactory, personas):
    """Any other limit of allauth's (the e-mail page, should it be offered) renders the
    same page through handler429."""
    request = rf.post("/konto/adressen/")
    request.user = personas.citizen
    request.session = {}
    assert_german_429(respond_429(request))
