"""Generating documents: the ISEK document, the monitoring report and a committee report
as a tagged PDF with bookmarks and page numbers, and as DOCX with real headings."""

import io
import re

import pytest
from docx import Document as WordDocument

from stadtdach.reports.generation import generate
from stadtdach.reports.models import Report


def _report(world, kind, fmt, **extra):
    fields = extra.pop("action_fields", None)
    report = Report.objects.create(
        kind=kind, format=fmt, edition=world.edition, title=f"{kind} {fmt}", year=2025, **extra
    )
    if fields:
        report.action_fields.set(fields)
    return report


def _read(report) -> bytes:
    report.file.open("rb")
    try:
        return report.file.read()
    finally:
        report.file.close()


@pytest.mark.parametrize("kind", ["isek", "monitoring", "committee"])
def test_pdf(world, no_participation, kind):
    report = _report(world, kind, "pdf", committee="WTK", action_fields=world.fields[:1])
    report = generate(report.pk)
    assert report.status == Report.Status.DONE, report.error
    assert report.progress == 100 and report.size > 10_000
    content = _read(report)
    assert content.startswith(b"%PDF-")
    assert report.download_name.endswith(".pdf")


def test_the_pdf_is_tagged_with_bookmarks_and_page_numbers(world, no_participation):
    from stadtdach.reports.documents.pdf import html_of, render_pdf
    from stadtdach.reports.generation import build_document, context_for

    report = _report(world, "isek", "pdf")
    document = build_document(report, context_for(report))
    content = render_pdf(document, compress=False)
    assert b"/StructTreeRoot" in content  # tagged for screen readers
    assert b"/Outlines" in content  # bookmarks from the headings
    assert re.search(rb"/Lang\s*\(de", content)
    assert b"/H1" in content or b"/H2" in content  # headings tagged as headings
    html = html_of(document)
    assert 'class="toc"' in html and "target-counter" not in html  # the CSS does the numbers
    assert html.count('class="chapter ') == len(document.sections)


@pytest.mark.parametrize("kind", ["isek", "monitoring", "committee"])
def test_docx(world, no_participation, kind):
    report = generate(
        _report(world, kind, "docx", committee="WTK", action_fields=world.fields[:1]).pk
    )
    assert report.status == Report.Status.DONE, report.error
    document = WordDocument(io.BytesIO(_read(report)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) > 3
    assert document.core_properties.language == "de-DE"
    assert document.tables
    if kind != "isek":
        assert document.inline_shapes  # the charts
        descriptions = [s._inline.docPr.get("descr") for s in document.inline_shapes]
        assert all(descriptions)


def test_the_committee_report_names_only_its_action_fields(world, no_participation):
    report = generate(
        _report(world, "committee", "docx", committee="WTK", action_fields=world.fields[:1]).pk
    )
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(_read(report))).paragraphs)
    assert world.fields[0].name in text
    assert world.fields[1].name not in text


def test_a_failing_document_says_so(world, no_participation, monkeypatch):
    from stadtdach.reports import generation

    def broken(document):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(generation, "render_pdf", broken)
    report = generate(_report(world, "isek", "pdf").pk)
    assert report.status == Report.Status.FAILED and "kaputt" in report.error
    assert not report.file
