"""Implementation, finance, monitoring and reports in a real Chromium: department staff
report progress by form and by file without JavaScript, a coordinator generates and
downloads the ISEK document and compares two revisions; every page passes axe-core and
shows no console error (so no Content-Security-Policy violation)."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from stadtdach.core.testing.browser import axe_violations, new_context

pytestmark = pytest.mark.browser

PASSWORD = "stadtdach-demo"


def log_in(page, server, username: str, next_path: str = "") -> None:
    page.goto(server.url + "/konto/anmelden/" + (f"?next={next_path}" if next_path else ""))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def problems_on(page) -> list[str]:
    return [f"{page.url}: {violation}" for violation in axe_violations(page)]


def watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    return errors


def test_department_staff_report_progress_without_javascript(browser, demo_server):
    from stadtdach.strategy.models import Measure

    measure = Measure.objects.get(code="STS-2")
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, demo_server, "verwaltung")
        page.goto(demo_server.url + f"/monitoring/massnahmen/{measure.pk}/")
        page.click(f"a[href='/monitoring/massnahmen/{measure.pk}/fortschritt/']")
        page.fill("#id_progress", "55")
        page.select_option("#id_status", "implementation")
        page.fill("#id_note", "Die Entsiegelung ist zur Hälfte geschafft.")
        page.click("form.form button[type=submit]")
        page.wait_for_url(f"**/monitoring/massnahmen/{measure.pk}/")
        assert "55 %" in page.inner_text(".facts")
        expect(page.locator("text=Die Entsiegelung ist zur Hälfte geschafft.")).to_have_count(1)
        # A wrong entry comes back with the error summary, without JavaScript.
        page.goto(demo_server.url + f"/monitoring/massnahmen/{measure.pk}/fortschritt/")
        page.fill("#id_progress", "150")
        page.click("form.form button[type=submit]")
        expect(page.locator(".error-summary")).to_have_count(1)
    finally:
        context.close()


def test_department_staff_report_many_measures_by_file(page, demo_server, tmp_path):
    errors = watch_console(page)
    log_in(page, demo_server, "verwaltung")
    page.goto(demo_server.url + "/monitoring/import/")
    problems = problems_on(page)
    with page.expect_download() as download_info:
        page.click("a[href$='art=fortschritt&format=xlsx']")
    template = tmp_path / "vorlage.xlsx"
    download_info.value.save_as(template)
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    assert sheet.max_row > 1  # the department's measures are listed
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=3, value=60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "fortschritt.xlsx",
                "mimeType": "application/octet-stream",
                "buffer": buffer.getvalue(),
            }
        ],
    )
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    if page.locator(".error-summary").count():  # say why the upload was refused
        raise AssertionError(page.inner_text(".error-summary"))
    page.wait_for_url("**/monitoring/import/*/")
    expect(page.locator(".message--success")).to_have_count(1)
    problems += problems_on(page)
    # A file with errors: every row listed, nothing imported.
    page.goto(demo_server.url + "/monitoring/import/")
    bad = b"Nr.;Fortschritt (%);Stand am\nSTS-1;viel;01.01.2026\nGIBT-ES-NICHT;10;\n"
    page.set_input_files(
        "#id_file", files=[{"name": "fehler.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/monitoring/import/*/")
    expect(page.locator(".error-summary tbody tr")).to_have_count(2)
    problems += problems_on(page)
    page.goto(demo_server.url + "/monitoring/aktualisierungen/")
    problems += problems_on(page)
    assert not problems, "\n".join(problems)
    assert not errors, errors


def test_coordinator_generates_and_downloads_the_isek_document(page, demo_server):
    errors = watch_console(page)
    page.set_default_timeout(180_000)  # the immediate task backend lays out the PDF in the request
    log_in(page, demo_server, "koordination")
    page.goto(demo_server.url + "/berichte/neu/isek-dokument/")
    problems = problems_on(page)
    page.uncheck("input[name=formats][value=docx]")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/berichte/*/")
    expect(page.locator("progress[value='100']")).to_have_count(1)
    problems += problems_on(page)
    with page.expect_download() as download_info:
        page.click("a[href$='/datei/']")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    # Publishing makes it downloadable for everyone.
    page.click("form[action$='/veroeffentlichen/'] button")
    expect(page.locator(".message--success")).to_have_count(1)
    assert not problems, "\n".join(problems)
    assert not errors, errors


def test_two_revisions_are_compared(page, demo_server):
    errors = watch_console(page)
    page.goto(demo_server.url + "/berichte/fortschreibungen/")
    options = page.locator("#id_a option")
    labels = [options.nth(i).inner_text() for i in range(options.count())]
    adopted = next(label for label in labels if "Beschluss 2022" in label)
    update = next(label for label in labels if "Fortschreibung 2025" in label)
    page.select_option("#id_a", label=adopted)
    page.select_option("#id_b", label=update)
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/vergleich/**")
    assert page.locator("#teil-measures ~ ul ins, .diff-list--added ins").count() >= 2
    assert page.locator(".diff ins").count() >= 1  # changed words marked
    expect(page.locator("#aenderungsprotokoll")).to_have_count(1)
    problems = problems_on(page)
    assert not problems, "\n".join(problems)
    assert not errors, errors


def test_chart_data_tables_are_reachable_by_keyboard(page, demo_server):
    page.goto(demo_server.url + "/monitoring/")
    summary = page.locator(".chart__data summary").first
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert summary.locator("xpath=..").get_attribute("open") is not None
    assert page.locator(".chart__data[open] table tbody tr").count() >= 3
