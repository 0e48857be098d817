"""Fixtures of the fuzz suite: the visitors (the demo's users, one per role), their
crawls (once per module and test process), and rate limits switched off."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from stadtdach.core import ratelimit
from stadtdach.core.testing.fuzz_crawl import Discovery, crawl
from stadtdach.core.testing.personas import PASSWORD, PERSONAS

# From the least to the most rights. Each role's crawl and fuzzing run in one test process.
ROLES = (
    "anonymous",
    "citizen",
    "council_member",
    "steering_member",
    "department_staff",
    "consultant",
    "participation_coordinator",
    "coordinator",
)
ROLE_CODES = {persona.name: persona.role for persona in PERSONAS}
START = ("/", "/arbeitsbereich/", "/konto/")
NEW_PASSWORD = "Fz-Neues-Passwort-2024!"
PASSWORDS = {"password": PASSWORD, "oldpassword": PASSWORD, "*": NEW_PASSWORD}


@pytest.fixture
def no_rate_limits(settings, monkeypatch):
    """Rate limits off: the suite sends thousands of posts from one address."""
    settings.ACCOUNT_RATE_LIMITS = False
    monkeypatch.setattr(ratelimit, "hit", lambda *args, **kwargs: True)


def demo_user(role: str):
    """The demo's user of a role (it has the demo's memberships and department), with the
    persona password so that password fields can be filled in."""
    user = (
        get_user_model()
        .objects.filter(groups__name=ROLE_CODES[role], username__in=DEMO_USERNAMES)
        .order_by("pk")
        .first()
    )
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


DEMO_USERNAMES = (
    "koordination",
    "beteiligung",
    "beratung",
    "steuerung",
    "verwaltung",
    "stadtvertretung",
    "buergerin",
)


@pytest.fixture
def visitor(demo, no_rate_limits):
    """``visitor("citizen")``: a test client of that role (re-raising server errors, so a
    failure shows its exception); ``visitor(user)`` for any user."""

    def make(role_or_user) -> Client:
        client = Client(raise_request_exception=True)
        if role_or_user == "anonymous":
            return client
        user = demo_user(role_or_user) if isinstance(role_or_user, str) else role_or_user
        client.force_login(user)
        return client

    return make


@pytest.fixture(scope="module")
def _crawls():
    return {}


@pytest.fixture
def discover(_crawls, visitor):
    """``discover("citizen")``: what the crawl of that role found (crawled once per module:
    the demo stays loaded for the module, and each test's changes are rolled back)."""

    def run(role: str) -> Discovery:
        if role not in _crawls:
            _crawls[role] = crawl(visitor(role), role, start=START)
        return _crawls[role]

    return run
