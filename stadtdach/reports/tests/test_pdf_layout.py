"""What the laid-out ISEK document shows: every chapter and measure, numbers that fit
their fixed columns, a tagged table structure, and the same PDF with the cached page
references of pydyf as without them."""

import datetime
import re
from decimal import Decimal

import pytest
from weasyprint.formatting_structure import boxes

from stadtdach.finance import selectors as finance_selectors
from stadtdach.reports.blocks import Table
from stadtdach.reports.documents import pdf
from stadtdach.reports.generation import build_document, context_for
from stadtdach.reports.models import Report
from stadtdach.strategy.models import Measure


@pytest.fixture
def document(world, no_participation):
    # The widest number a fixed column has to hold.
    first = Measure.objects.filter(edition=world.edition).order_by("pk").first()
    Measure.objects.filter(pk=first.pk).update(estimated_cost=Decimal("12500000"))
    report = Report.objects.create(
        kind="isek", format="pdf", edition=world.edition, title="ISEK 2022"
    )
    return build_document(report, context_for(report))


def _texts(page) -> str:
    return " ".join(b.text for b in page._page_box.descendants() if isinstance(b, boxes.TextBox))


def test_every_chapter_and_measure_is_in_the_pdf(world, document):
    pages = pdf.layout_pdf(document).pages
    text = " ".join(_texts(page) for page in pages)
    for _key, title, _blocks in document.sections:
        assert title in text
    financed = {r.measure.code for r in finance_selectors.cost_overview(world.edition).rows}
    assert financed
    for measure in Measure.objects.filter(edition=world.edition):
        # In its action field, and in the cost and financing overview if it has money.
        assert text.count(measure.code) >= 1 + (measure.code in financed), measure.code
    assert "12.500.000,00" in text
    assert f"Seite {len(pages)} von {len(pages)}" in _texts(pages[-1])


def test_the_long_tables_have_column_widths(document):
    tables = [b for _k, _t, blocks in document.sections for b in blocks if isinstance(b, Table)]
    with_widths = [t for t in tables if t.widths]
    assert len(with_widths) >= len(tables) - 3  # the matrix and the small lists measure
    html = pdf.html_of(document)
    assert html.count("<colgroup>") == len(with_widths)
    assert html.count('class="small fixed') + html.count('class=" fixed') == len(with_widths)


def test_no_cell_of_a_fixed_table_overflows_its_column(document):
    overflowing = []
    for page in pdf.layout_pdf(document).pages:
        for table in page._page_box.descendants():
            if not isinstance(table, boxes.TableBox) or table.style["table_layout"] != "fixed":
                continue
            for cell in table.descendants():
                if not isinstance(cell, boxes.TableCellBox):
                    continue
                right = cell.content_box_x() + cell.width + 0.5
                for line in cell.descendants():
                    if isinstance(line, boxes.LineBox):
                        for child in line.children:
                            if child.position_x + child.margin_width() > right:
                                overflowing.append(_texts_of(child))
    assert not overflowing


def _texts_of(box) -> str:
    if isinstance(box, boxes.TextBox):
        return box.text
    return "".join(_texts_of(child) for child in getattr(box, "children", []))


def test_the_tables_are_tagged(document):
    content = pdf.render_pdf(document, compress=False)
    assert b"/StructTreeRoot" in content
    for tag in (b"/Table", b"/TR", b"/TH", b"/TD", b"/Caption", b"/H2", b"/H3"):
        assert re.search(rb"/S\s*" + re.escape(tag) + rb"\b", content), tag
    cells = len(re.findall(rb"/S\s*/TD\b", content))
    measures = Measure.objects.count()
    assert cells > 9 * measures  # 7 cells per measure in its field, 9 in the finance table


def _without_dates(content: bytes) -> bytes:
    return re.sub(rb"\d{14}|/ID \[[^\]]*\]|\d{4}-\d\d-\d\dT[\d:+.Z-]+", b"", content)


def test_the_cached_page_references_change_nothing(document, monkeypatch):
    import pydyf

    cached = pdf.render_pdf(document, compress=False)
    assert pydyf.PDF._stadtdach_cached_references
    monkeypatch.setattr(pydyf.PDF, "page_references", pydyf.PDF._stadtdach_plain_references)
    plain = pdf.write_pdf(pdf.layout_pdf(document, compress=False), compress=False)
    assert _without_dates(plain) == _without_dates(cached)


def test_the_lean_user_agent_stylesheet_changes_nothing(document):
    lean = pdf.render_pdf(document, compress=False)
    plain = pdf.write_pdf(pdf.layout_pdf(document, compress=False, lean=False), compress=False)
    assert _without_dates(plain) == _without_dates(lean)


def test_the_lean_user_agent_stylesheet_drops_only_the_pseudo_elements():
    from weasyprint import html

    lean = pdf.lean_ua_css()
    assert "::footnote-call" in html.UA
    assert "::footnote" not in lean
    assert "::note-" not in lean
    assert "\nli::marker {" in lean
    assert len(html.UA.splitlines()) - len(lean.splitlines()) == 5
    with pytest.raises(LookupError):
        pdf._lean(html.UA.replace("::note-callback {", "::note-back {"))


def test_fitted_widths_give_numbers_their_room_and_titles_the_rest():
    from stadtdach.reports.blocks import FIT, PAGE_MM

    table = Table(
        "Kosten",
        ["Nr.", "Maßnahme", "Kosten"],
        [["B-1", "Umgestaltung des Marktplatzes", "12.500.000,00\xa0€"], ["B-2", "Park", "1,00 €"]],
        numeric={2},
        widths=FIT,
    )
    number, title, cost = table.widths
    assert sum(table.widths) == pytest.approx(10 * PAGE_MM[False], abs=3)
    assert title > cost > number  # all fit on a line: the extra room goes by need
    assert len(table.column_percents) == 3


def test_a_funding_source_of_no_measure_is_named_once_not_a_column(world, no_participation):
    from stadtdach.reports.sections import money
    from stadtdach.reports.sections.context import ReportContext

    data = finance_selectors.cost_overview(world.edition)
    unused = [
        source
        for index, source in enumerate(money.SOURCES)
        if not any(r.amounts.funding_cells()[index] for r in data.rows)
    ]
    blocks = money.cost_overview(ReportContext(world.edition, today=datetime.date.today()))
    measure_tables = blocks[
        blocks.index(next(b for b in blocks if getattr(b, "anchor", "") == "kofi-massnahmen")) :
    ]
    tables = [b for b in measure_tables if isinstance(b, Table)]
    assert tables
    for table in tables:
        assert len(table.head) == 4 + len(money.SOURCES) - len(unused)
        assert not set(unused) & set(table.head)
    notes = [b.text for b in measure_tables if getattr(b, "style", "") == "note"]
    assert unused  # the world has no EU money
    assert bool(notes) == bool(unused)
    for source in unused:
        assert source in notes[0]
