"""Participation in a real Chromium: a citizen registers, confirms the e-mail address,
proposes an idea (with the map island), supports another idea, and later sees the status,
the answer and the measure it fed. Every participation page passes axe-core, also in
its error states; the idea form works without JavaScript; the moderation works in bulk."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from stadtdach.core.testing.browser import axe_violations, new_context

pytestmark = pytest.mark.browser

OPEN = "/beteiligung/verfahren/ideen-innenstadt-und-elbufer/"
CLOSED = "/beteiligung/verfahren/ideensammlung-isek-2022/"
PASSWORD = "elbufer-boizenburg-2026"
DEMO_PASSWORD = "stadtdach-demo"  # the published password of the demo accounts


@pytest.fixture
def local_tiles(settings):
    """Map tiles from this server (the test network reaches no tile server)."""
    settings.STADTDACH_MAP = {
        **settings.STADTDACH_MAP,
        "tile_url": "/static/vendor/leaflet/images/layers.png",
    }


class Checker:
    """Collects axe violations and console errors (a CSP violation shows up there)."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)

    def _console(self, message) -> None:
        # A form answered with 400 (or a closed process with 403) is reported by the
        # console too; that is the expected answer, checked where it happens.
        expected = message.text.startswith("Failed to load resource: the server responded")
        if message.type == "error" and not expected:
            self.problems.append(f"{self.page.url}: console: {message.text}")

    def axe(self, label: str = "") -> None:
        where = label or self.page.url
        self.problems += [f"{where}: {v}" for v in axe_violations(self.page)]

    def goto(self, url: str, *, status: int = 200) -> None:
        response = self.page.goto(url)
        if response.status != status:
            self.problems.append(f"{url}: HTTP {response.status}")
        self.axe()

    def done(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def _log_in(page, base, username, password=DEMO_PASSWORD):
    page.goto(base + "/konto/anmelden/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.form button[type=submit]")


def _confirmation_link(address: str) -> str:
    messages = [m for m in mail.outbox if address in m.to]
    assert messages, f"no mail to {address}"
    return re.search(r"https?://[^/\s]+(/konto/bestaetigen/\S+)", messages[-1].body).group(1)


def test_a_citizen_registers_contributes_supports_and_sees_what_became_of_it(
    browser, page, demo_server, local_tiles
):
    from stadtdach.participation.models import Contribution
    from stadtdach.strategy.models import Measure

    base = demo_server.url
    check = Checker(page)
    address = "nele.neu@example.org"

    # Register (with a mistake first), confirm the address from the mail.
    check.goto(base + "/beteiligung/")
    page.click("a[href='/konto/registrieren/']")
    page.fill("#id_email", address)
    page.fill("#id_display_name", "nele@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_consent_privacy")
    page.check("#id_consent_rules")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)  # "@" in the display name
    check.axe("sign-up with errors")
    page.fill("#id_display_name", "Nele aus der Altstadt")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/bestaetigen/")
    check.axe("verification sent")
    page.goto(base + _confirmation_link(address))
    check.axe("confirm e-mail")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/konto/")
    check.axe("account page")

    # Propose an idea with a place chosen on the map.
    page.goto(base + OPEN)
    check.axe("open process")
    page.click(f"a[href='{OPEN}ideen/neu/']")
    page.wait_for_url(f"**{OPEN}ideen/neu/")
    check.axe("idea form")
    page.fill("#id_title", "Kräutergarten hinter dem Rathaus")
    page.fill(
        "#id_text", "Auf der Wiese hinter dem Rathaus könnte ein Kräutergarten für alle wachsen."
    )
    page.select_option("#id_action_field", label="Stadtstruktur")
    page.click("[data-map-load]")
    page.wait_for_selector(".leaflet-container")
    page.click(".map-island__canvas", position={"x": 200, "y": 150})
    assert page.input_value("#id_latitude") and page.input_value("#id_longitude")
    check.axe("idea form with map")
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r".*/beteiligung/beitraege/\d+/$"))
    check.axe("own idea")
    idea = Contribution.objects.get(title="Kräutergarten hinter dem Rathaus")
    assert idea.place and idea.author.display_name == "Nele aus der Altstadt"

    # Support somebody else's idea, once.
    other = Contribution.objects.get(title="Wochenmarkt auch am Samstag")
    page.goto(base + other.get_absolute_url())
    before = page.inner_text(".support__count")
    page.click(".support button[type=submit]")
    page.wait_for_selector(".message--success")
    assert page.inner_text(".support__count") != before
    assert other.supports.filter(user=idea.author).count() == 1
    check.axe("supported idea")

    # The coordination answers and links the idea to a measure (in its own browser).
    coordinator = new_context(browser).new_page()
    mail.outbox.clear()
    _log_in(coordinator, base, "beteiligung")
    coordinator.goto(base + idea.get_absolute_url() + "antworten/")
    check.problems += [f"answer form: {v}" for v in axe_violations(coordinator)]
    coordinator.select_option("#id_status", "adopted")
    coordinator.fill("#id_status_reason", "Passt zur Begrünung der Innenstadt.")
    coordinator.fill("#id_answer", "Danke! Wir nehmen den Garten in die Maßnahme STS-2 auf.")
    measure = Measure.objects.get(code="STS-2")
    coordinator.select_option("#id_measures", value=str(measure.pk))
    coordinator.click("form.form button[type=submit]")
    coordinator.wait_for_url("**" + idea.get_absolute_url())
    coordinator.context.close()
    assert any(address in m.to for m in mail.outbox)  # the author is told

    # Later: the citizen sees the status, the answer and the measure it fed.
    page.goto(base + "/beteiligung/meine-beitraege/")
    check.axe("my contributions")
    mine = page.inner_text("main")
    assert "Danke! Wir nehmen den Garten" in mine and measure.title in mine
    page.click(f"main a[href='{idea.get_absolute_url()}']")
    page.wait_for_url("**" + idea.get_absolute_url())
    chain = page.inner_text(".feedback")
    assert "Passt zur Begrünung der Innenstadt." in chain and measure.title in chain
    page.click(f".feedback a[href='{measure.get_absolute_url()}']")
    page.wait_for_url("**" + measure.get_absolute_url())
    assert "Kräutergarten hinter dem Rathaus" in page.inner_text("#beitraege")
    check.axe("measure with its contributions")
    check.done()


def test_idea_form_without_javascript_uses_the_list_of_places(browser, demo_server):
    from stadtdach.participation.models import Contribution

    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server.url + OPEN + "ideen/neu/")
        assert not page.locator(".map-island").is_visible()  # the island needs JavaScript
        page.fill("#id_title", "Fahrradbügel am Fliesenmuseum")
        page.fill("#id_text", "Am Fliesenmuseum fehlen Fahrradbügel für Besucherinnen.")
        page.select_option("#id_named_place", label="Fliesenmuseum")
        page.click("form.form button[type=submit]")
        expect(page.locator(".message--success")).to_have_count(1)
        idea = Contribution.objects.get(title="Fahrradbügel am Fliesenmuseum")
        assert idea.named_place.name == "Fliesenmuseum" and idea.author_state == "anonymous"
        # A similar idea is shown before a new one is saved.
        page.goto(demo_server.url + OPEN + "ideen/neu/")
        page.fill("#id_title", "Mehr Sitzbänke mit Schatten am Elbufer")
        page.fill("#id_text", "Am Elbufer fehlen Sitzbänke mit Schatten für ältere Menschen.")
        page.click("form.form button[type=submit]")
        expect(page.locator(".similar")).to_have_count(1)
        assert not Contribution.objects.filter(title__startswith="Mehr Sitzbänke").exists()
    finally:
        context.close()


def test_every_participation_page_and_state_passes_axe(browser, page, demo_server, local_tiles):
    """Pages the citizen journey does not reach: error states, closed processes, the
    account pages, and the staff pages of the participation."""
    from stadtdach.participation.models import Contribution

    base = demo_server.url
    check = Checker(page)
    idea = Contribution.objects.filter(process__slug="ideensammlung-isek-2022").first()
    check.goto(base + CLOSED)
    check.goto(base + idea.get_absolute_url())
    check.goto(base + "/konto/registrieren/")
    check.goto(base + "/konto/passwort/vergessen/")
    check.goto(base + f"/beteiligung/melden/beitrag/{idea.pk}/")
    page.click("form.form button[type=submit]")  # no reason chosen
    expect(page.locator(".error-summary")).to_have_count(1)
    check.axe("report with errors")
    check.goto(base + OPEN + "ideen/neu/")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)
    check.axe("idea form with errors")
    page.goto(base + OPEN)
    page.click("[data-map-load]")
    page.wait_for_selector(".leaflet-marker-icon")
    check.axe("process with its map")
    _log_in(page, base, "buergerin")
    check.goto(base + CLOSED + "ideen/neu/", status=403)  # closed: a clear message
    check.goto(base + "/beteiligung/abonnements/")
    page.goto(base + OPEN)
    page.click("form.subscribe button")
    check.goto(base + "/beteiligung/abonnements/")
    check.goto(base + "/konto/loeschen/")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)
    check.axe("delete account with errors")
    from stadtdach.strategy.models import Measure

    check.goto(base + f"/beteiligung/massnahmen/{Measure.objects.first().pk}/kommentieren/")
    page.goto(base + "/konto/anmelden/")  # logged in: sent on
    page.context.clear_cookies()
    page.goto(base + "/konto/anmelden/")
    page.fill("#id_username", "buergerin")
    page.fill("#id_password", "falsch")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)
    check.axe("failed log-in")
    _log_in(page, base, "beteiligung")
    for path in (
        "/beteiligung/moderation/",
        "/beteiligung/verfahren/neu/",
        OPEN + "bearbeiten/",
        "/beteiligung/zielgruppen/",
        "/beteiligung/zielgruppen/neu/",
        idea.get_absolute_url() + "antworten/",
    ):
        check.goto(base + path)
    check.done()


def test_the_coordination_hides_several_reported_ideas_at_once(page, demo_server):
    from stadtdach.participation.models import Contribution, Report

    base = demo_server.url
    ideas = list(Contribution.objects.filter(process__slug="ideen-innenstadt-und-elbufer")[:2])
    for idea in ideas:
        Report.objects.create(contribution=idea, reason="personal_data")
    _log_in(page, base, "beteiligung")
    page.goto(base + "/beteiligung/moderation/")
    for idea in ideas:
        page.check(f"#c-{idea.pk}")
    page.select_option("#id_action", "hide")
    page.fill("#id_reason", "Enthielt Namen Dritter")
    page.click(".moderation-form button[type=submit]")
    page.wait_for_selector(".message--success")
    for idea in ideas:
        assert page.locator(f"#c-{idea.pk}").count() == 0  # no longer in the queue
    page.goto(base + ideas[0].get_absolute_url())
    assert "Enthielt Namen Dritter" in page.inner_text("main")
    assert axe_violations(page) == []
