"""A document as PDF: the blocks rendered to HTML and laid out by WeasyPrint, tagged for
accessibility (PDF/UA-1: structure tree, language, title), with bookmarks from the
headings, a table of contents with page numbers, and page numbers in the footer."""

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


def _options(compress: bool) -> dict:
    return {
        "pdf_variant": "pdf/ua-1",
        "pdf_tags": True,
        "custom_metadata": True,
        "uncompressed_pdf": not compress,
    }


def layout_pdf(document: Document, *, compress: bool = True):
    """The laid-out pages (a WeasyPrint document): styles, boxes, line and page breaks."""
    from weasyprint import CSS, HTML

    _cache_page_references()
    html = HTML(string=html_of(document), base_url=str(CSS_FILE.parent), url_fetcher=_no_fetching)
    return html.render(stylesheets=[CSS(filename=str(CSS_FILE))], **_options(compress))


def write_pdf(pages, *, compress: bool = True) -> bytes:
    """The PDF of laid-out pages: drawing, the structure tree (tags), the file."""
    return pages.write_pdf(**_options(compress))


def render_pdf(document: Document, *, compress: bool = True) -> bytes:
    return write_pdf(layout_pdf(document, compress=compress), compress=compress)
