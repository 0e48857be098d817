"""A document as PDF: the blocks rendered to HTML and laid out by WeasyPrint, tagged for
accessibility (PDF/UA-1: structure tree, language, title), with bookmarks from the
headings, a table of contents with page numbers, and page numbers in the footer."""

import functools
import logging
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from stadtdach.reports.blocks import Document

CSS_FILE = Path(__file__).with_name("print.css")
logger = logging.getLogger(__name__)


def html_of(document: Document) -> str:
    # Documents are written in German, the town's language, whatever the requester's.
    with translation.override("de"):
        return render_to_string("reports/document.html", {"document": document})


def _no_fetching(url: str, *args, **kwargs):
    """Documents are self-contained (inline SVG); nothing is fetched from outside."""
    raise ValueError(f"Documents do not load resources: {url}")


def _cache_page_references() -> None:
    """pydyf builds the tuple of all page references anew on every access, and
    WeasyPrint's tagging reads it once per tagged box: for a 50-page document with 16,000
    tagged boxes that is 800,000 references built, a tenth of the PDF writing. Kept per
    page count: pydyf only ever appends pages (``add_page``), so the tuple for a given
    count never changes. Same output, byte for byte (``test_pdf_layout``)."""
    import pydyf

    if getattr(pydyf.PDF, "_stadtdach_cached_references", False):
        return
    build = pydyf.PDF.page_references.fget

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        cached = pdf.__dict__.get("_page_references")
        if cached is None or cached[0] != count:
            cached = pdf.__dict__["_page_references"] = (count, build(pdf))
        return cached[1]

    pydyf.PDF._stadtdach_plain_references = pydyf.PDF.page_references
    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._stadtdach_cached_references = True


# Rules of WeasyPrint's user-agent stylesheet that give every element of the document
# six pseudo-elements (a marker, footnote and note calls and markers): each of them gets
# computed styles of its own, 46,000 for the 300-measure document, a fifth of the layout
# time. The documents have no footnotes and no notes, and only list items have markers.
_LEAN_UA_RULES = {
    "::marker {": "li::marker {",
    "::footnote-call {": None,
    "::footnote-marker {": None,
    "::note-call {": None,
    "::note-marker {": None,
    "::note-callback {": None,
}


def lean_ua_css() -> str:
    """WeasyPrint's own HTML user-agent stylesheet without the rules above (changed or
    dropped line by line). Raises when one of them is no longer there, so that an
    upgrade of WeasyPrint that changes the file is noticed (``test_pdf_layout``)."""
    from weasyprint import html

    return _lean(html.UA)


@functools.cache
def _stylesheets():
    """The lean user-agent stylesheet and print.css, parsed once per process (the worker
    makes many documents; WeasyPrint keeps its own user-agent stylesheet the same way)."""
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle

    # Its @counter-style rules are WeasyPrint's own, already known to every document.
    user_agent = CSS(string=lean_ua_css(), counter_style=CounterStyle())
    return user_agent, CSS(filename=str(CSS_FILE))


def _lean(css: str) -> str:
    lines, found = [], set()
    for line in css.splitlines(keepends=True):
        rule = next((r for r in _LEAN_UA_RULES if line.startswith(r)), None)
        if rule is None:
            lines.append(line)
            continue
        found.add(rule)
        if _LEAN_UA_RULES[rule] is not None:
            lines.append(_LEAN_UA_RULES[rule] + line[len(rule) :])
    missing = set(_LEAN_UA_RULES) - found
    if missing:
        raise LookupError(f"WeasyPrint's user-agent stylesheet changed: {sorted(missing)}")
    return "".join(lines)


@functools.cache
def _lean_html():
    """WeasyPrint's HTML with the lean user-agent stylesheet. ``_ua_stylesheets`` is the
    method WeasyPrint itself overrides for forms; documents have no forms."""
    from weasyprint import HTML

    class LeanHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            return [_stylesheets()[0]]

    return LeanHTML


def _options(compress: bool) -> dict:
    return {
        "pdf_variant": "pdf/ua-1",
        "pdf_tags": True,
        "custom_metadata": True,
        "uncompressed_pdf": not compress,
    }


def layout_pdf(document: Document, *, compress: bool = True, lean: bool = True):
    """The laid-out pages (a WeasyPrint document): styles, boxes, line and page breaks."""
    from weasyprint import HTML

    _cache_page_references()
    html = (_lean_html() if lean else HTML)(
        string=html_of(document), base_url=str(CSS_FILE.parent), url_fetcher=_no_fetching
    )
    return html.render(stylesheets=[_stylesheets()[1]], **_options(compress))


def write_pdf(pages, *, compress: bool = True) -> bytes:
    """The PDF of laid-out pages: drawing, the structure tree (tags), the file."""
    return pages.write_pdf(**_options(compress))


def render_pdf(document: Document, *, compress: bool = True) -> bytes:
    return write_pdf(layout_pdf(document, compress=compress), compress=compress)
