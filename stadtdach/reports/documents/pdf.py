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


def render_pdf(document: Document, *, compress: bool = True) -> bytes:
    from weasyprint import CSS, HTML

    html = HTML(string=html_of(document), base_url=str(CSS_FILE.parent), url_fetcher=_no_fetching)
    return html.write_pdf(
        stylesheets=[CSS(filename=str(CSS_FILE))],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        custom_metadata=True,
        uncompressed_pdf=not compress,
    )
