"""Proves the browser harness: Chromium starts, reaches the live server, and axe runs."""

import json

import pytest

from stadtdach.core.testing.browser import axe_violations

pytestmark = pytest.mark.browser


def test_health_check_through_the_browser(page, live_server):
    response = page.goto(f"{live_server.url}/healthz")

    assert response.status == 200
    assert json.loads(page.inner_text("body")) == {"status": "ok", "database": "ok"}


def test_admin_login_page_loads_and_axe_runs(page, live_server):
    response = page.goto(f"{live_server.url}/technik/login/")

    assert response.status == 200
    assert page.locator("input[name=username]").count() == 1
    violations = axe_violations(page)
    assert isinstance(violations, list)
    assert all(isinstance(violation, str) for violation in violations)
