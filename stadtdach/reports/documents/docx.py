"""A document as DOCX (python-docx), for editing: real heading styles (navigation pane
and accessibility), tables with repeating header rows, charts as pictures with their
alternative text and data table, page numbers and a table of contents field."""

from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from stadtdach.reports.blocks import (
    Bullets,
    ChartBlock,
    Document,
    Facts,
    Group,
    Heading,
    Paragraph,
    Table,
)

SAMPLE = RGBColor(0x6B, 0x3D, 0x00)
MUTED = RGBColor(0x4D, 0x56, 0x60)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (page number, table of contents) that Word fills in when opened."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _language(document, code: str = "de-DE") -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), code)
    rpr.append(lang)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cell_text(cell, text: str, *, bold=False, right=False, size=None) -> None:
    lines = str(text).split("\n")
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold
        if size:
            run.font.size = size
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _table(word, block: Table) -> None:
    caption = word.add_paragraph(block.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    table = word.add_table(rows=1, cols=len(block.head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = Pt(7.5) if block.small else Pt(8.5)
    for index, head in enumerate(block.head):
        _cell_text(
            table.rows[0].cells[index], head, bold=True, right=index in block.numeric, size=size
        )
    _repeat_header(table.rows[0])
    for row_index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for index, value in enumerate(row[: len(block.head)]):
            _cell_text(
                cells[index],
                value,
                bold=row_index in block.totals,
                right=index in block.numeric,
                size=size,
            )
    _widths(table, block, _usable_cm(word))
    word.add_paragraph()


def _widths(table, block: Table, total_cm: float) -> None:
    """Columns as wide as their content needs: a word or number never breaks (its
    column gets at least that width), long texts share what is left, up to 40
    characters a line. So titles are not squeezed while numbers take half the page."""
    char_cm = (7.5 if block.small else 8.5) * 0.6 / 28.35
    padding = 0.45
    least, wanted = [], []
    for index in range(len(block.head)):
        texts = [str(block.head[index])] + [str(r[index]) for r in block.rows if index < len(r)]
        lines = [line for text in texts for line in text.split("\n")]
        longest = max((len(line) for line in lines), default=3)
        # Only ordinary spaces break a line: "120.000,00 €" has a no-break space.
        word_length = max((len(w) for line in lines for w in line.split(" ")), default=3)
        least.append(max(word_length, 3) * char_cm + padding)
        wanted.append(max(min(longest, 40), word_length, 3) * char_cm + padding)
    if sum(wanted) <= total_cm:
        widths = [w * total_cm / sum(wanted) for w in wanted]
    elif sum(least) <= total_cm:
        spare, stretch = (
            total_cm - sum(least),
            sum(w - m for w, m in zip(wanted, least, strict=True)),
        )
        widths = [m + spare * (w - m) / stretch for w, m in zip(wanted, least, strict=True)]
    else:
        widths = [m * total_cm / sum(least) for m in least]
    # A fixed layout makes Word and LibreOffice follow the grid and the first row, so the
    # other cells need no width of their own (setting each would take long for big tables).
    table.autofit = False
    first = table.rows[0].cells
    for index, width in enumerate(widths):
        table.columns[index].width = Cm(width)
        first[index].width = Cm(width)


def _chart(word, block: ChartBlock) -> None:
    chart = block.chart
    word.add_picture(BytesIO(chart.png()), width=Cm(16))
    picture = word.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    properties = picture.runs[-1]._r.find(".//" + qn("wp:docPr"))
    if properties is not None:
        properties.set("descr", chart.summary)
        properties.set("title", chart.title)
    _table(
        word,
        Table(
            f"{_('Data of the chart')}: {chart.title}",
            chart.table_head,
            chart.table_rows,
            numeric={1},
            small=True,
        ),
    )


def _paragraph(word, block: Paragraph) -> None:
    paragraph = word.add_paragraph()
    lines = block.text.split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if block.style == "lead":
            run.font.size = Pt(11.5)
        if block.style == "note":
            run.font.size = Pt(8.5)
            run.font.color.rgb = MUTED
        if index < len(lines) - 1:
            run.add_break()
    if block.sample:
        mark = paragraph.add_run(f" ({_('sample data')})")
        mark.font.size = Pt(8)
        mark.font.color.rgb = SAMPLE


# Chapters with wide tables (the cost and financing overview) are set in landscape.
WIDE_CHAPTERS = {"finanzen", "kosten"}


def _new_section(word, *, landscape: bool) -> None:
    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _usable_cm(word) -> float:
    section = word.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def render_docx(document: Document) -> bytes:
    with translation.override("de"):
        return _render(document)


def _render(document: Document) -> bytes:
    word = WordDocument()
    _language(word)
    word.core_properties.title = document.title
    word.core_properties.subject = document.subtitle
    word.core_properties.author = document.town
    word.core_properties.language = "de-DE"
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(document.title + " · " + _("Page") + " ")
    _field(footer, "PAGE", "1")
    word.styles["Normal"].font.size = Pt(10)

    word.add_paragraph(document.town).runs[0].font.color.rgb = MUTED
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle).runs[0].font.size = Pt(14)
    word.add_paragraph(_("As of %(date)s") % {"date": document.date})
    if document.has_sample:
        note = word.add_paragraph().add_run(
            _(
                "This document contains sample data: content marked “sample data” does not "
                "come from the town's documents and only illustrates the platform."
            )
        )
        note.font.color.rgb = SAMPLE
    _blocks(word, document.intro)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word.add_heading(_("Contents"), level=1)
    _field(
        word.add_paragraph(),
        'TOC \\o "1-2" \\h \\z \\u',
        _("Word fills in the table of contents when the fields are updated (F9)."),
    )
    wide = False
    for number, (key, title, blocks) in enumerate(document.sections, start=1):
        if (key in WIDE_CHAPTERS) != wide:
            wide = key in WIDE_CHAPTERS
            _new_section(word, landscape=wide)
        else:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        word.add_heading(f"{number}. {title}", level=1)
        _blocks(word, blocks)
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _blocks(word, blocks) -> None:
    for block in blocks:
        if isinstance(block, Group):
            _blocks(word, block.blocks)
        elif isinstance(block, Heading):
            word.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Facts):
            for label, value in block.items:
                paragraph = word.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(value)
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, ChartBlock):
            _chart(word, block)
