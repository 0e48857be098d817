"""The formats of part 2 in a real Chromium: a citizen comments on a paragraph of the
vision, answers the survey and spreads dot-vote points, without JavaScript (every form
is plain HTML), and a member of the steering group rates the options of the internal
consensus finding. Every state of the journey passes axe-core (the formats' pages as
such are checked in test_public_pages.py)."""

import pytest
from playwright.sync_api import expect

from stadtdach.core.testing.browser import axe_violations, new_context

pytestmark = pytest.mark.browser

PROCESS = "/beteiligung/verfahren/leitbild-im-dialog/"


class Checker:
    """Collects axe violations, unexpected statuses and console errors (a CSP violation
    shows up there; a 400 or 403 answer is expected where the test checks it)."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)

    def _console(self, message) -> None:
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


def _log_in(page, base, username):
    page.goto(base + "/konto/anmelden/")
    page.fill("#id_username", username)
    page.fill("#id_password", "stadtdach-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def _journey(page, base, check=None) -> None:
    """buergerin comments on the first paragraph of the vision, answers the survey and
    spreads ten points, each after a mistake first; ``check`` runs axe on every state."""
    from stadtdach.participation.models import Contribution
    from stadtdach.participation.prioritisation.models import DotBallot, Prioritisation
    from stadtdach.participation.surveys.models import Question, Survey, SurveyResponse

    def axe(label):
        if check is not None:
            check.axe(label)

    _log_in(page, base, "buergerin")
    page.goto(base + PROCESS)
    axe("process")

    # Comment on the first paragraph of the vision (too short first).
    page.click(".draft-list a.button")
    page.wait_for_selector(".draft-paragraph__actions")
    axe("draft")
    page.click(".draft-paragraph__actions a >> nth=0")
    page.wait_for_selector("#id_text")
    axe("paragraph")
    page.fill("#id_text", "x")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)
    axe("comment with an error")
    page.fill("#id_text", "Bitte die Ortsteile ausdrücklich nennen, nicht nur die Altstadt.")
    page.click("form.form button[type=submit]")
    expect(page.locator(".message--success")).to_have_count(1)
    assert "Bitte die Ortsteile ausdrücklich nennen" in page.inner_text(".comment-list")
    axe("paragraph with the new comment")
    comment = Contribution.objects.get(text__startswith="Bitte die Ortsteile ausdrücklich")
    assert comment.format == "drafts" and comment.author.username == "buergerin"

    # Answer the survey (the required question left out first).
    survey = Survey.objects.get(title__startswith="Umfrage")
    questions = {q.kind: q for q in survey.questions.all()}
    page.goto(base + survey.get_absolute_url())
    axe("survey")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)
    axe("survey with an error")
    page.check(f"#id_frage_{questions[Question.Kind.SINGLE].pk}_0")
    page.check(f"#id_frage_{questions[Question.Kind.MULTIPLE].pk}_1")
    page.check(f"#id_frage_{questions[Question.Kind.SCALE].pk}_3")
    page.fill(f"#id_frage_{questions[Question.Kind.TEXT].pk}", "Mehr Grün und Wasser.")
    page.click("form.form button[type=submit]")
    assert page.locator(".chart svg").count() >= 3  # the results, drawn on the server
    axe("survey results")
    assert SurveyResponse.objects.filter(survey=survey, user__username="buergerin").exists()

    # Spread ten points (too many first).
    item = Prioritisation.objects.get(title__startswith="Punktabfrage")
    options = list(item.options.all())
    page.goto(base + item.get_absolute_url())
    axe("prioritisation")
    for option, points in zip(options, ("5", "5", "3"), strict=False):
        page.fill(f"#id_punkte_{option.pk}", points)
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)
    axe("prioritisation with an error")
    page.fill(f"#id_punkte_{options[2].pk}", "0")
    page.click("form.form button[type=submit]")
    expect(page.locator("#ergebnis .chart svg")).to_have_count(1)  # chart, table and ranking
    axe("prioritisation result")
    assert DotBallot.objects.filter(prioritisation=item, user__username="buergerin").exists()

    page.goto(base + PROCESS)
    section = page.inner_text("section:has(#format-prioritisation)")
    assert "You have voted" in section or "abgestimmt" in section
    axe("process after taking part")


def test_a_citizen_comments_answers_and_votes_without_javascript(browser, demo_server):
    context = new_context(browser, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        _journey(page, demo_server.url)  # axe needs JavaScript: the next test runs it
    finally:
        context.close()


def test_the_citizens_journey_passes_axe(page, demo_server):
    check = Checker(page)
    _journey(page, demo_server.url, check)
    check.done()


def test_the_steering_group_rates_the_options(page, demo_server):
    from stadtdach.participation.consensus.models import ConsensusFinding, ResistanceBallot

    base = demo_server.url
    check = Checker(page)
    finding = ConsensusFinding.objects.get(title="Schwerpunkt der Fortschreibung")
    check.goto(base + finding.get_absolute_url(), status=404)  # internal
    _log_in(page, base, "steuerung")
    check.goto(base + finding.get_absolute_url())
    options = list(finding.options.all())
    page.check(f"#id_widerstand_{options[0].pk}_2")
    page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_have_count(1)  # every option needs a resistance
    check.axe("ballot with errors")
    for option, value in zip(options, (2, 5, 8, 9), strict=True):
        page.check(f"#id_widerstand_{option.pk}_{value}")
    page.click("form.form button[type=submit]")
    expect(page.locator(".consensus-passive")).to_have_count(1)  # the passive solution is ranked
    check.axe("consensus result")
    assert ResistanceBallot.objects.filter(finding=finding, user__username="steuerung").exists()
    check.done()
