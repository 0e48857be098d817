"""Fixtures every test can use: the persona cast, logged-in clients, the browser.

Services a test needs but this machine lacks (Chromium, PostgreSQL) make the test skip
with the reason locally; in CI (CI=true) they make it fail, so nothing passes unseen.
"""

import os

import pytest
from django.test import Client

from stadtdach.core.testing.browser import chromium_unavailable, launch_chromium
from stadtdach.core.testing.personas import Cast

# Test modules import these from stadtdach.core.testing.services: "conftest" is ambiguous
# (tests_e2e has its own), so importing it by name finds whichever was loaded first.
from stadtdach.core.testing.services import in_ci, skip_or_fail  # noqa: F401


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: needs PostgreSQL; skipped in the SQLite run of make test"
    )


def _is_transactional(item) -> bool:
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in names
        or "live_server" in names
        or bool(marker and marker.kwargs.get("transaction"))
    )


def pytest_collection_modifyitems(items):
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is None:
            continue
        if "browser" in names or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
            # One test process drives the browser tests one after another (make test runs
            # pytest-xdist with --dist loadgroup): two browsers and live servers at once
            # on a small machine made uploads time out.
            item.add_marker(pytest.mark.xdist_group("browser"))
        # A transactional test empties the database afterwards, and with it what the
        # migrations created (the roles' groups). Serialized rollback puts that data back.
        # It must hold for every transactional test: a plain flush re-creates content
        # types with new ids, which the next restore would then collide with.
        if _is_transactional(item) and "django_db_serialized_rollback" not in names:
            names.append("django_db_serialized_rollback")
            # pytest-django reads serialized_rollback from a django_db marker, not from
            # the fixture names, when deciding which databases to serialize at set-up.
            marker = item.get_closest_marker("django_db")
            if marker and not marker.kwargs.get("serialized_rollback"):
                item.add_marker(
                    pytest.mark.django_db(
                        *marker.args, **{**marker.kwargs, "serialized_rollback": True}
                    ),
                    append=False,
                )


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgresql"):
        from django.db import connection

        # Not skip_or_fail: the SQLite run skips these, the PostgreSQL run (which CI must
        # reach, see the Makefile) runs them.
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL: runs in the PostgreSQL run of make test")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches: rate limits, stored pages and other values of
    earlier tests in the same process (the live server's too) must not leak into it."""
    from django.core.cache import caches

    from stadtdach.core.caching import local

    for cache in caches.all():
        cache.clear()
    local.entries.clear()


@pytest.fixture(autouse=True)
def _settings_restored():
    """No test leaves changed settings behind. ``@override_settings`` on a test that also
    uses pytest-django's ``settings`` fixture restores them in the wrong order and leaks
    the override into every later test of the process (the live server's too): change
    settings through the ``settings`` fixture only."""
    from django.conf import settings

    before = settings._wrapped
    yield
    if settings._wrapped is not before:
        settings._wrapped = before
        pytest.fail("the test left changed settings behind; use the settings fixture")


@pytest.fixture
def personas(db) -> Cast:
    """The persona cast; each persona is created on first use (``personas.coordinator``)."""
    return Cast()


@pytest.fixture
def client_for(personas):
    """``client_for("citizen")`` or ``client_for(user)``: a test client logged in as them
    (``"anonymous"`` or None gives a client without a session)."""

    def make(persona) -> Client:
        user = personas[persona] if isinstance(persona, str) else persona
        client = Client()
        if user is not None and user.is_authenticated:
            client.force_login(user)
        return client

    return make


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """Load the Boizenburg demo once per test module, inside a transaction that is rolled
    back after the module: loading takes seconds, and many tests only read it."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        # It stands for the committed demo, like a test case's own transaction: the page
        # cache treats writes inside it as committed (core/caching/tracking.py).
        outer._from_testcase = True
        outer.__enter__()
        try:
            call_command("load_boizenburg_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_for_module, db):
    """The Boizenburg demo, loaded; each test's changes are rolled back after it."""


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (Playwright ``Browser``); tests open their own context."""
    reason = chromium_unavailable()
    if reason:
        skip_or_fail(f"browser unavailable: {reason}")
    # Playwright's sync API keeps an asyncio loop running in this thread, which makes
    # Django refuse ORM calls from the test ("async context"). The tests are synchronous,
    # so the check is switched off for the rest of the run once the browser is up.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections

    # Once Playwright runs, Django hands this thread new connection objects (they live in
    # context-local storage, and Playwright's greenlets change the context). Those lack
    # the snapshot of the migrated data that transactional tests restore: carry it over.
    snapshots = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    with launch_chromium() as running:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        yield running
