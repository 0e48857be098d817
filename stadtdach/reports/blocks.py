"""The building blocks of a generated document. Sections produce blocks; one renderer
writes them as HTML for WeasyPrint (PDF), another as DOCX. So the PDF and the DOCX of a
report always say the same thing."""

from dataclasses import dataclass, field
from typing import Literal

from stadtdach.monitoring.charts import Chart


@dataclass
class Heading:
    text: str
    level: int  # 1 = chapter (in the table of contents), 2 and 3 below it
    anchor: str = ""
    template = "reports/blocks/heading.html"


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "", "lead", "note"
    sample: bool = False  # illustrative content: marked in the document
    template = "reports/blocks/paragraph.html"


@dataclass
class Bullets:
    items: list[str]
    template = "reports/blocks/bullets.html"


@dataclass
class Facts:
    items: list[tuple[str, str]]
    template = "reports/blocks/facts.html"


@dataclass
class Table:
    caption: str
    head: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns
    totals: set[int] = field(default_factory=set)  # rows in bold (sums)
    row_header: bool = True  # the first cell of a row names it
    small: bool = False
    css: str = ""  # an extra class for the print layout (e.g. "matrix")
    # Relative column widths. With them the PDF lays the table out at these widths
    # (table-layout: fixed) instead of measuring every cell's text first, which is most
    # of the layout time of long tables. Numbers never wrap: give them room.
    # FIT: widths estimated from the texts of the cells (fit_widths), for a table on a
    # portrait page or, with landscape=True, on a landscape one.
    widths: tuple[int, ...] | Literal["fit"] = ()
    landscape: bool = False
    template = "reports/blocks/table.html"

    def __post_init__(self):
        if self.widths == FIT:
            self.widths = fit_widths(self)
        if self.widths and len(self.widths) != len(self.head):
            raise ValueError(f"{len(self.widths)} widths for {len(self.head)} columns")

    @property
    def column_percents(self) -> list[str]:
        total = sum(self.widths)
        return [f"{100 * w / total:.2f}" for w in self.widths]


FIT = "fit"
# The width of the text area of a page (print.css: A4 and its margins), in millimetres.
PAGE_MM = {False: 210 - 18 - 20, True: 297 - 16 - 16}
# The mean advance of a character of DejaVu Sans in ems: text, and digits in bold (sums).
CHAR_EM, DIGIT_EM = 0.56, 0.68
PADDING_MM = 8 * 0.3528  # 4 pt left and right of each cell
HEAD_WORD = 8  # header words may break (hyphenated) after as many characters


def fit_widths(table: Table) -> tuple[int, ...]:
    """Column widths (in tenths of a millimetre) from the texts of the cells, as the DOCX
    does: a word or number never breaks (its column gets at least the width of the
    longest), texts get up to the width of their longest line (at most 48 characters)
    so that they stay on one line where the page has room. Cheaper to lay out than
    measuring every cell, and titles do not wrap needlessly."""
    em_mm = (7.5 if table.small else 8.5) * 0.3528
    least, wanted = [], []
    for index, head in enumerate(table.head):
        lines = [line for row in table.rows for line in str(row[index]).split("\n")]
        if index in table.numeric:
            # Numbers do not wrap (white-space: nowrap).
            word = longest = max((len(line) for line in lines), default=3)
        else:
            word = max((len(w) for line in lines for w in line.split()), default=3)
            longest = max((len(line) for line in lines), default=3)
        word = max(word, min(max((len(w) for w in str(head).split()), default=3), HEAD_WORD))
        char_mm = em_mm * (DIGIT_EM if index in table.numeric else CHAR_EM)
        least.append(word * char_mm + PADDING_MM)
        wanted.append(max(min(longest, 48), word) * char_mm + PADDING_MM)
    total = PAGE_MM[table.landscape]
    if sum(wanted) <= total:
        widths = [w * total / sum(wanted) for w in wanted]
    elif sum(least) <= total:
        spare = total - sum(least)
        stretch = sum(w - m for w, m in zip(wanted, least, strict=True))
        widths = [m + spare * (w - m) / stretch for w, m in zip(wanted, least, strict=True)]
    else:
        widths = [m * total / sum(least) for m in least]
    return tuple(max(1, round(10 * w)) for w in widths)


@dataclass
class ChartBlock:
    chart: Chart
    template = "reports/blocks/chart.html"


@dataclass
class Group:
    """Blocks kept on one page where possible (a heading with its chart)."""

    blocks: list
    template = "reports/blocks/group.html"


@dataclass
class Document:
    title: str
    subtitle: str
    town: str
    date: str
    has_sample: bool
    sections: list[tuple[str, str, list]] = field(default_factory=list)  # key, title, blocks
    intro: list = field(default_factory=list)

    def toc(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """(anchor, title, [(anchor, title) of level-2 headings]) per chapter."""
        entries = []
        for key, title, blocks in self.sections:
            children = [
                (b.anchor, b.text) for b in blocks if isinstance(b, Heading) and b.level == 2
            ]
            entries.append((f"kapitel-{key}", title, children))
        return entries
