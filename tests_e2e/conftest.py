"""End-to-end fixtures: a page in a fresh browser context, and a live server with the demo."""

import pytest
from django.core.management import call_command

from stadtdach.core.testing.browser import new_context


@pytest.fixture
def page(browser):
    """A Playwright ``Page`` in its own context (no cookies shared between tests), de-DE,
    with the site's Content-Security-Policy enforced."""
    context = new_context(browser)
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def demo_server(live_server):
    """The live server with the Boizenburg demo loaded; returns the server (``.url``).

    The live server needs a transactional database, emptied after each test; the root
    conftest gives such tests serialized rollback, which restores the migrations' data
    (roles, groups) before the demo is loaded again.
    """
    call_command("load_boizenburg_demo")
    return live_server
