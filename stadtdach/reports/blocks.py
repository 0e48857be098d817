"""The building blocks of a generated document. Sections produce blocks; one renderer
writes them as HTML for WeasyPrint (PDF), another as DOCX. So the PDF and the DOCX of a
report always say the same thing."""

from dataclasses import dataclass, field

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
    widths: tuple[int, ...] = ()
    template = "reports/blocks/table.html"

    def __post_init__(self):
        if self.widths and len(self.widths) != len(self.head):
            raise ValueError(f"{len(self.widths)} widths for {len(self.head)} columns")

    @property
    def column_percents(self) -> list[str]:
        total = sum(self.widths)
        return [f"{100 * w / total:.2f}" for w in self.widths]


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
