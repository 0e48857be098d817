"""Horizontal bar charts drawn on the server as SVG, for the results of surveys,
prioritisations and consensus findings, the evaluation's statistics and the summary PDF.

Deliberately small: the one full chart renderer (monitoring/charts.py) belongs to a
sibling app that participation may not import. If more apps need bars, this belongs in
core (docs/participation.md). No JavaScript, no style attributes (the CSP forbids them):
colours are SVG presentation attributes; every chart carries its data as a table."""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
INK = "#1d2328"
GRID = "#c9d0d6"
BAR = "#0b5563"  # 7.6:1 on white
MARK = "#8c2a1c"  # highlighted bars (the passive solution), 7.9:1 on white

WIDTH = 640
LABEL_WIDTH = 250
VALUE_WIDTH = 80
ROW = 26
BAR_HEIGHT = 16
TOP = 8
CHAR_WIDTH = 6.6


@dataclass
class Bar:
    label: str
    value: float
    shown: str = ""  # the value as printed (defaults to the number)
    marked: bool = False


@dataclass
class BarChart:
    id: str
    title: str
    bars: list[Bar]
    value_head: str = ""
    label_head: str = ""
    extra_head: list[str] = field(default_factory=list)
    extra_rows: list[list[str]] = field(default_factory=list)

    @property
    def height(self) -> int:
        return TOP * 2 + ROW * max(len(self.bars), 1)

    @property
    def summary(self) -> str:
        parts = [f"{b.label}: {b.shown or _number(b.value)}" for b in self.bars]
        return "; ".join(parts)

    @property
    def table_head(self) -> list[str]:
        return [self.label_head, self.value_head, *self.extra_head]

    @property
    def table_rows(self) -> list[list[str]]:
        rows = []
        for index, bar in enumerate(self.bars):
            extra = self.extra_rows[index] if index < len(self.extra_rows) else []
            rows.append([bar.label, bar.shown or _number(bar.value), *extra])
        return rows

    def svg(self) -> SafeString:
        top = max((b.value for b in self.bars), default=0) or 1
        span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" role="img" '
            f'viewBox="0 0 {WIDTH} {self.height}" width="{WIDTH}" height="{self.height}" '
            f'aria-labelledby="{self.id}-title {self.id}-desc" font-family="{FONT}">',
            f'<title id="{self.id}-title">{escape(self.title)}</title>',
            f'<desc id="{self.id}-desc">{escape(self.summary)}</desc>',
            f'<rect x="0" y="0" width="{WIDTH}" height="{self.height}" fill="#ffffff"/>',
            f'<line x1="{LABEL_WIDTH}" y1="{TOP}" x2="{LABEL_WIDTH}" '
            f'y2="{self.height - TOP}" stroke="{GRID}" stroke-width="1"/>',
        ]
        for index, bar in enumerate(self.bars):
            y = TOP + index * ROW
            length = round(span * max(bar.value, 0) / top)
            label = _cut(bar.label, LABEL_WIDTH - 12)
            baseline = y + ROW // 2 + 4
            parts.append(
                f'<text x="{LABEL_WIDTH - 8}" y="{baseline}" font-size="12" '
                f'text-anchor="end" fill="{INK}">{escape(label)}</text>'
            )
            if length:
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y + (ROW - BAR_HEIGHT) // 2}" '
                    f'width="{length}" height="{BAR_HEIGHT}" '
                    f'fill="{MARK if bar.marked else BAR}"/>'
                )
            parts.append(
                f'<text x="{LABEL_WIDTH + length + 6}" y="{baseline}" font-size="12" '
                f'fill="{INK}">{escape(bar.shown or _number(bar.value))}</text>'
            )
        parts.append("</svg>")
        return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def _cut(text: str, width: int) -> str:
    chars = max(int(width / CHAR_WIDTH), 4)
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def percent(part: float, whole: float) -> str:
    """ "42 %" in German typography (thin no-break space)."""
    if not whole:
        return "–"
    return f"{round(100 * part / whole)}\u202f%"
