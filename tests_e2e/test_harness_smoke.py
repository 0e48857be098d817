"""Proves the browser harness: Chromium starts, reaches the live server, and axe runs."""

import json

import pytest
from playwright.sync_api import expect

from stadtdach.core.testing.browser import axe_violations

pytestmark = pytest.mark.browser


def test_health_check_through_the_browser(page, live_server):
    response = page.goto(f"{live_server.url}/healthz")

    assert response.status == 200
    assert json.loads(page.inner_text("body")) == {"status": "ok", "database": "ok"}


def test_admin_login_page_loads_and_axe_runs(page, live_server):
    response = page.goto(f"{live_server.url}/technik/login/")

    assert response.status == 200
    expect(page.locator("input[name=username]")).to_have_count(1)
    violations = axe_violations(page)
    assert isinstance(violations, list)
    assert all(isinstance(violation, str) for violation in violations)


@pytest.mark.parametrize("run", [1, 2])  # twice: the second starts from a flushed database
def test_demo_server_has_the_demo_and_a_login_works(page, demo_server, run):
    from stadtdach.demo.users import DEMO_USERS

    admin = next(user for user in DEMO_USERS if user.get("superuser"))
    page.goto(f"{demo_server.url}/technik/login/")
    page.fill("input[name=username]", admin["username"])
    page.fill("input[name=password]", admin["password"])
    page.click("[type=submit]")

    page.wait_for_url(f"{demo_server.url}/technik/")
    expect(page.locator("#user-tools")).to_have_count(1)
