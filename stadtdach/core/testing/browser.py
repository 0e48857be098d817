"""Drive Debian's Chromium through Playwright and check pages with axe-core.

Playwright never downloads a browser here: it starts the system's /usr/bin/chromium.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# As root in a container Chromium needs --no-sandbox; the rest stop it from calling home,
# which a closed network answers with a storm of refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def chromium_unavailable() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (make test installs the development dependencies)"
    return None


@contextmanager
def launch_chromium(*, headless: bool = True) -> Iterator:
    """A Playwright ``Browser`` running /usr/bin/chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=headless
        )
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser, **options):
    """A fresh browser context (own cookies and storage), German by default.

    The page's Content-Security-Policy stays in force, so an inline script or style that
    slipped into a template is blocked here as it would be for visitors. axe needs no
    bypass: Playwright's ``evaluate`` runs through the DevTools protocol, which CSP does
    not govern. Pass ``bypass_csp=True`` for a page that must run injected script tags.
    """
    return browser.new_context(**{"bypass_csp": False, "locale": "de-DE", **options})


def _describe(violation: dict) -> str:
    nodes = violation.get("nodes", [])
    lines = [
        f"{violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']} "
        f"[{len(nodes)} element(s)] {violation.get('helpUrl', '')}".rstrip()
    ]
    for node in nodes[:5]:
        target = ", ".join(str(t) for t in node.get("target", []))
        snippet = " ".join(node.get("html", "").split())[:160]
        lines.append(f"    at {target}: {snippet}")
    if len(nodes) > 5:
        lines.append(f"    ... and {len(nodes) - 5} more")
    return "\n".join(lines)


def axe_violations(page, *, tags: tuple[str, ...] = WCAG_TAGS, context=None) -> list[str]:
    """Run axe-core (WCAG 2.1 A and AA rules by default) on the page; one text per violation."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    return [_describe(violation) for violation in results.response["violations"]]


def assert_no_axe_violations(page, **kwargs) -> None:
    """Fail with a readable list when axe finds WCAG violations on the page."""
    violations = axe_violations(page, **kwargs)
    if violations:
        raise AssertionError(
            f"{len(violations)} accessibility violation(s) on {page.url}:\n" + "\n".join(violations)
        )
