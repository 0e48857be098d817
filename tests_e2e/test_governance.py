"""Process and governance in a real Chromium (axe on their pages: test_public_pages.py):
the timeline drawn as an image with its table, the coordinators' way
through the process (dashboard → work package acceptance → specification PDF with
progress), the steering group's workspace, and filters that work without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from stadtdach.core.testing.browser import axe_violations, new_context

pytestmark = pytest.mark.browser


def log_in(page, server, username: str) -> None:
    page.goto(server.url + "/konto/anmelden/")
    page.fill("#id_username", username)
    page.fill("#id_password", "stadtdach-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/arbeitsbereich/")


def test_the_timeline_is_an_image_with_a_text_alternative(page, demo_server):
    page.goto(demo_server.url + "/prozess/zeitplan/")
    svg = page.locator("svg.timeline__svg")
    assert svg.get_attribute("role") == "img"
    title = page.locator("#zeitstrahl-titel").text_content()
    assert "ISEK 2022" in title
    assert page.get_by_role("img", name=title).count() == 1  # the accessible name
    box = svg.bounding_box()
    assert box["width"] > 600 and box["height"] > 150  # drawn, and drawn at page width
    page.click("a[href='#zeitplan-tabelle']")
    assert page.url.endswith("#zeitplan-tabelle")
    # The demo's process ran from 2020: the window of those years lists its dates.
    page.goto(demo_server.url + "/prozess/zeitplan/?von=2020#zeitplan-tabelle")
    assert page.locator("#zeitplan-tabelle + p + .table-scroll tbody tr").count() > 20


def test_coordinator_sees_what_is_late_accepts_a_package_and_gets_the_pdf(page, demo_server):
    from stadtdach.process.models import WorkPackage

    log_in(page, demo_server, "koordination")
    page.goto(demo_server.url + "/prozess/steuerung/")
    late = page.locator("section[aria-labelledby=verspaetet]").inner_text()
    assert "Daten der Fachbereiche" in late
    package = WorkPackage.objects.get(code="AP 6")
    assert page.locator(f"a[href='{package.get_absolute_url()}']").count() >= 1
    page.goto(demo_server.url + package.get_absolute_url())
    page.click(f"a[href='{package.get_absolute_url()}abnahme/']")
    page.check("input[name=verdict][value=accepted]")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**" + package.get_absolute_url())
    package.refresh_from_db()
    assert package.status == "accepted"
    page.goto(demo_server.url + "/prozess/leistungsverzeichnisse/")
    page.click("ul.card-list a >> nth=0")
    page.click("form[action$='/dokument/'] button[type=submit]")
    page.wait_for_selector("a[href$='/datei/']", timeout=30_000)  # htmx polls the progress
    with page.expect_download() as download:
        page.click("a[href$='/datei/']")
    assert download.value.suggested_filename.endswith(".pdf")


def test_the_steering_group_works_in_its_workspace(page, demo_server):
    log_in(page, demo_server, "steuerung")
    page.goto(demo_server.url + "/gremien/steuerungsgruppe/arbeitsbereich/")
    assert "Steuerungsgruppe" in page.locator("h1").inner_text()
    page.click("a[href$='/steuerungsgruppe/ergebnisse/neu/']")
    page.select_option("#id_kind", "priority")
    page.fill("#id_title", "Radverkehr im Entwurf stärken")
    page.fill("#id_rank", "4")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/arbeitsbereich/#ergebnisse")
    assert "Radverkehr im Entwurf stärken" in page.inner_text("#ergebnisse ~ ul")
    problems = axe_violations(page)
    response = page.goto(demo_server.url + "/gremien/stadtvertretung/arbeitsbereich/")
    assert response.status == 403  # not a member of the council
    assert not problems, "\n".join(problems)


def test_meeting_and_paper_filters_work_without_javascript(browser, demo_server):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server.url + "/gremien/sitzungen/")
        page.select_option("#filter-body", "ausschuss-wtk")
        page.select_option("#filter-when", "vergangen")
        page.click(".filters button[type=submit]")
        expect(page).to_have_url(re.compile("gremium=ausschuss-wtk"))
        assert "08.12.2020" in page.inner_text("main")  # the WTK meeting of the document
        page.goto(demo_server.url + "/gremien/vorlagen/")
        page.select_option("#filter-kind", "report")
        page.click(".filters button[type=submit]")
        expect(page).to_have_url(re.compile("art=report"))
        assert "Bericht zum Prozess ISEK 2022" in page.inner_text("main")
    finally:
        context.close()
