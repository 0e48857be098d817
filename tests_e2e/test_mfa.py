"""Two-factor log-in in a real Chromium: a coordinator is led to set up an authenticator
app, logs out, logs in with password and code, then with a recovery code; axe-core finds
no violations on the two-factor pages (docs/accounts.md)."""

import pytest

from stadtdach.accounts.tests.mfa_helpers import totp_code
from stadtdach.core.testing.browser import assert_no_axe_violations
from stadtdach.core.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.browser


def _password(page, server, username: str) -> None:
    page.goto(server.url + "/konto/anmelden/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")


def _log_out(page) -> None:
    page.click("form[action$='/konto/abmelden/'] button")
    page.wait_for_url("**/")


def test_coordinator_enrols_logs_in_with_code_and_with_recovery_code(page, live_server, settings):
    settings.STADTDACH_STAFF_MFA_REQUIRED = True
    make_user("e2e-koordination", roles=("coordination_admin",), first_name="Kim", last_name="Koch")

    # Password alone: led from the workspace to the two-factor page.
    _password(page, live_server, "e2e-koordination")
    page.wait_for_url("**/konto/zwei-faktor/?next=*")
    assert page.locator("#second-factor-required").is_visible()
    assert_no_axe_violations(page)

    # Set up: allauth asks for the password once more, then shows QR code and key.
    page.click("a[href$='/konto/zwei-faktor/app/einrichten/']")
    page.wait_for_url("**/konto/bestaetigung/*")
    assert_no_axe_violations(page)
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/zwei-faktor/app/einrichten/")
    assert page.locator("img[src^='data:image/svg+xml']").get_attribute("alt")
    secret = page.locator("#totp-secret").inner_text().strip()
    assert len(secret) >= 16
    # A wrong code: the error is announced and linked to the field.
    page.fill("#id_code", "000000")
    page.click("form.form button[type=submit]")
    assert page.locator("#error-summary a[href='#id_code']").count() == 1
    assert_no_axe_violations(page)
    page.fill("#id_code", totp_code(secret))
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/zwei-faktor/wiederherstellungscodes/")
    codes = [code.strip() for code in page.locator("#recovery-codes code").all_inner_texts()]
    assert len(codes) == 10
    assert_no_axe_violations(page)
    page.goto(live_server.url + "/konto/zwei-faktor/")
    assert_no_axe_violations(page)
    page.goto(live_server.url + "/arbeitsbereich/")
    assert page.url.endswith("/arbeitsbereich/")

    # Log out, log in with password and the app's code.
    _log_out(page)
    _password(page, live_server, "e2e-koordination")
    page.wait_for_url("**/konto/zwei-faktor/anmelden/")
    assert_no_axe_violations(page)
    page.fill("#id_code", totp_code(secret, 1))
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/arbeitsbereich/")

    # And with a recovery code, as after losing the phone.
    _log_out(page)
    _password(page, live_server, "e2e-koordination")
    page.wait_for_url("**/konto/zwei-faktor/anmelden/")
    page.fill("#id_code", codes[0])
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/arbeitsbereich/")
    page.goto(live_server.url + "/konto/zwei-faktor/")
    assert "9" in page.locator("#codes-title + p").inner_text()


def test_a_citizen_sets_up_the_app_and_removes_it_again(page, live_server):
    """Optional for citizens: enrolment from the account's two-factor page and removal,
    each after confirming the password; both are in the audit log."""
    from stadtdach.core.models import AuditEntry

    user = make_user("e2e-buergerin", first_name="Bea", last_name="Bürger")
    _password(page, live_server, "e2e-buergerin")
    page.wait_for_url("**/")
    page.goto(live_server.url + "/konto/zwei-faktor/")
    assert page.locator("#second-factor-required").count() == 0
    page.click("a[href$='/konto/zwei-faktor/app/einrichten/']")
    page.wait_for_url("**/konto/bestaetigung/*")
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/zwei-faktor/app/einrichten/")
    secret = page.locator("#totp-secret").inner_text().strip()
    page.fill("#id_code", totp_code(secret))
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/zwei-faktor/wiederherstellungscodes/")

    page.goto(live_server.url + "/konto/zwei-faktor/")
    page.click("a[href$='/konto/zwei-faktor/app/entfernen/']")
    if "/konto/bestaetigung/" in page.url:
        page.fill("#id_password", PASSWORD)
        page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/zwei-faktor/app/entfernen/")
    assert_no_axe_violations(page)
    page.click("form[action$='/konto/zwei-faktor/app/entfernen/'] button[type=submit]")
    page.wait_for_url("**/konto/zwei-faktor/")
    assert page.locator("a[href$='/konto/zwei-faktor/app/einrichten/']").is_visible()
    actions = list(AuditEntry.objects.filter(actor=user).values_list("action", flat=True))
    assert "create" in actions and "delete" in actions
