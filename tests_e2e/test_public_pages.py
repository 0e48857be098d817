"""Every public page in a real Chromium: zero axe-core violations (WCAG 2.1 A/AA), also
on a 320 px wide screen where nothing may scroll sideways; no console errors (so no
Content-Security-Policy violation), reachable by keyboard, and usable without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from stadtdach.core.testing.browser import axe_violations, new_context
from stadtdach.demo.tests.pages import (
    governance_internal_paths,
    participation_formats_internal_paths,
    participation_internal_paths,
    public_paths,
    staff_paths,
)

pytestmark = pytest.mark.browser


def check_page(page, url: str, problems: list[str]) -> None:
    """Open a page and add every problem found to ``problems``: a wrong status, axe
    violations, and console errors (a blocked inline script or style shows up there)."""
    errors: list[str] = []

    def on_console(message):
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    response = page.goto(url)
    expected = 404 if "gibt-es-nicht" in url else 200
    if response.status != expected:
        problems.append(f"{url}: HTTP {response.status}")
    problems.extend(f"{url}: {violation}" for violation in axe_violations(page))
    problems.extend(narrow_screen_problems(page, url))
    # The 404 page's own status is reported by the console too; that one is expected.
    problems.extend(
        f"{url}: console: {error}" for error in errors if expected != 404 or "404" not in error
    )
    page.remove_listener("console", on_console)


NARROW = {"width": 320, "height": 800}  # WCAG 1.4.10: content reflows at 320 CSS pixels


def narrow_screen_problems(page, url: str) -> list[str]:
    """The page on a 320 px wide screen: it must not scroll sideways (wide tables scroll
    inside themselves) and must still pass axe (a scrolling table must be focusable)."""
    wide = page.viewport_size
    page.set_viewport_size(NARROW)
    try:
        problems = []
        if page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        ):
            problems.append(f"{url}: the page scrolls sideways at 320 px (WCAG 1.4.10)")
        problems.extend(f"{url} at 320 px: {v}" for v in axe_violations(page))
        return problems
    finally:
        page.set_viewport_size(wide)


# The pages are checked in slices, so that parallel test processes share the work.
SLICES = 4


@pytest.mark.parametrize("part", range(SLICES))
def test_every_public_page_passes_axe(page, demo_server, part):
    problems: list[str] = []
    for path in [*public_paths(), "/seite-gibt-es-nicht/"][part::SLICES]:
        check_page(page, demo_server.url + path, problems)
    assert not problems, "\n".join(problems)


def internal_paths() -> list[str]:
    """Staff forms and the internal pages without forms, as a coordinator sees them."""
    return [
        *staff_paths(),
        *participation_internal_paths(),
        *participation_formats_internal_paths(),
        *governance_internal_paths(),
    ]


@pytest.mark.parametrize("part", range(SLICES))
def test_every_staff_form_and_internal_page_passes_axe(page, demo_server, part):
    page.goto(demo_server.url + "/konto/anmelden/")
    page.fill("#id_username", "koordination")
    page.fill("#id_password", "stadtdach-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/arbeitsbereich/")
    problems: list[str] = []
    for path in internal_paths()[part::SLICES]:
        check_page(page, demo_server.url + path, problems)
    assert not problems, "\n".join(problems)


def test_main_navigation_is_reachable_by_keyboard(page, demo_server):
    page.goto(demo_server.url + "/")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.textContent.trim()")
    assert first in ("Zum Inhalt springen", "Skip to content")
    nav_links = page.locator("nav.main-nav a")
    wanted = {nav_links.nth(i).get_attribute("href") for i in range(nav_links.count())}
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href')")
        if href in wanted:
            reached.add(href)
            # the focused link is visibly marked
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none"
    assert reached == wanted
    # The skip link moves the focus to the content.
    page.goto(demo_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_filters_language_switch_and_forms_work_without_javascript(browser, demo_server):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server.url + "/massnahmen/")
        page.select_option("#filter-status", "completed")
        page.click(".filters button[type=submit]")
        expect(page).to_have_url(re.compile("status=completed"))
        rows = page.locator("#ergebnisse tbody tr")
        assert rows.count() >= 1
        statuses = page.locator("#ergebnisse tbody .status").all_inner_texts()
        assert len(set(statuses)) == 1
        page.click("a[hreflang=en]")
        expect(page).to_have_url(re.compile("/en/massnahmen/.*status=completed"))
        assert page.locator("html").get_attribute("lang") == "en"
        page.goto(demo_server.url + "/barrierefreiheit/")
        page.fill("#id_message", "Die Tabelle der Konzepte ist am Handy schwer lesbar.")
        page.click("form.form button[type=submit]")
        expect(page.locator(".message--success")).to_have_count(1)
    finally:
        context.close()


def test_coordinator_changes_a_measure_and_finds_it_in_the_audit_log(page, demo_server):
    from stadtdach.strategy.models import Measure

    measure = Measure.objects.get(code="VER-2")
    page.goto(demo_server.url + "/konto/anmelden/?next=" + measure.get_absolute_url())
    page.fill("#id_username", "koordination")
    page.fill("#id_password", "stadtdach-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**" + measure.get_absolute_url())
    page.click(f"a[href='{measure.get_absolute_url()}bearbeiten/']")
    problems: list[str] = []
    problems += axe_violations(page)
    page.fill("#id_title", "")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)  # an empty title is refused
    problems += axe_violations(page)
    page.fill("#id_title", "Mobilitätsstation am Bahnhof mit Fahrradparkhaus")
    page.select_option("#id_status", "preparation")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**" + measure.get_absolute_url())
    assert "Fahrradparkhaus" in page.inner_text("h1")
    page.goto(demo_server.url + "/protokoll/")
    log = page.inner_text("main")
    assert "Fahrradparkhaus" in log and "Koordination" in log
    problems += axe_violations(page)
    page.goto(demo_server.url + measure.get_absolute_url() + "bewertungen/")
    problems += axe_violations(page)
    page.goto(demo_server.url + "/arbeitsbereich/")
    problems += axe_violations(page)
    assert not problems, "\n".join(problems)


def test_anonymous_visitors_reach_no_edit_form(page, demo_server):
    from stadtdach.strategy.models import Measure

    measure = Measure.objects.first()
    for path in (
        f"/massnahmen/{measure.pk}/bearbeiten/",
        "/massnahmen/neu/",
        "/handlungsfelder/wohnen/bearbeiten/",
        "/protokoll/",
        "/arbeitsbereich/",
    ):
        page.goto(demo_server.url + path)
        assert "/konto/anmelden/" in page.url, path
        expect(page.locator("form #id_password")).to_have_count(1)


def test_filters_update_the_results_in_place_with_javascript(page, demo_server):
    page.goto(demo_server.url + "/massnahmen/")
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(lambda r: "status=completed" in r.url):
        page.select_option("#filter-status", "completed")
    page.wait_for_function("document.querySelector('.result-count').textContent.includes('2')")
    assert page.evaluate("window.stillTheSamePage") is True  # htmx swapped, no reload
    assert "status=completed" in page.url  # the address can be bookmarked and shared
    assert set(page.locator("#ergebnisse tbody .status").all_inner_texts()) == {"abgeschlossen"}
