"""The one chart renderer of Stadtdach: line and bar charts laid out once as simple
shapes, written as SVG for the web pages and the PDF documents, and as PNG (Pillow) for
the DOCX documents. Every chart carries its data as a table for screen readers.

No JavaScript and no style attributes: colours are SVG presentation attributes, which
the Content-Security-Policy allows."""

import datetime
import itertools
import math
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stadtdach.monitoring.formatting import number

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
INK = "#1d2328"
MUTED = "#4d5660"
GRID = "#c9d0d6"
BRAND = "#0b5563"
TARGET = "#8c2a1c"
HEALTH_COLOURS = {
    "on_track": "#1b5e20",
    "at_risk": "#8a4b00",
    "off_track": "#a01818",
    "completed": "#0b5563",
    "not_assessed": "#6b747c",
}


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1
    dash: bool = False


@dataclass
class Polyline:
    points: list[tuple[float, float]]
    stroke: str
    width: float = 2
    dash: bool = False


@dataclass
class Circle:
    cx: float
    cy: float
    r: float
    fill: str


@dataclass
class Polygon:
    points: list[tuple[float, float]]
    fill: str


@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = 12
    anchor: str = "start"  # start | middle | end; y is the baseline
    fill: str = INK
    bold: bool = False


@dataclass
class Chart:
    """A laid-out chart: shapes on a canvas plus the same data as a table."""

    id: str
    title: str
    summary: str
    width: int
    height: int
    table_head: list[str]
    table_rows: list[list[str]]
    shapes: list = field(default_factory=list)

    def svg(self) -> SafeString:
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" role="img" '
            f'viewBox="0 0 {self.width} {self.height}" width="{self.width}" '
            f'height="{self.height}" aria-labelledby="{self.id}-title {self.id}-desc" '
            f'font-family="{FONT}">',
            f'<title id="{self.id}-title">{escape(self.title)}</title>',
            f'<desc id="{self.id}-desc">{escape(self.summary)}</desc>',
            f'<rect x="0" y="0" width="{self.width}" height="{self.height}" fill="#ffffff"/>',
        ]
        parts.extend(_svg_shape(shape) for shape in self.shapes)
        parts.append("</svg>")
        return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above

    def png(self, scale: int = 2) -> bytes:
        """The same chart as a PNG image (for DOCX, which cannot embed SVG)."""
        from PIL import Image, ImageDraw

        image = Image.new("RGB", (self.width * scale, self.height * scale), "#ffffff")
        draw = ImageDraw.Draw(image)
        for shape in self.shapes:
            _png_shape(draw, shape, scale)
        buffer = BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg_shape(shape) -> str:
    if isinstance(shape, Rect):
        return (
            f'<rect x="{_f(shape.x)}" y="{_f(shape.y)}" width="{_f(shape.w)}" '
            f'height="{_f(shape.h)}" fill="{shape.fill}"/>'
        )
    if isinstance(shape, Line):
        dash = ' stroke-dasharray="6 4"' if shape.dash else ""
        return (
            f'<line x1="{_f(shape.x1)}" y1="{_f(shape.y1)}" x2="{_f(shape.x2)}" '
            f'y2="{_f(shape.y2)}" stroke="{shape.stroke}" stroke-width="{_f(shape.width)}"{dash}/>'
        )
    if isinstance(shape, Polyline):
        dash = ' stroke-dasharray="6 4"' if shape.dash else ""
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in shape.points)
        return (
            f'<polyline points="{points}" fill="none" stroke="{shape.stroke}" '
            f'stroke-width="{_f(shape.width)}"{dash}/>'
        )
    if isinstance(shape, Circle):
        return (
            f'<circle cx="{_f(shape.cx)}" cy="{_f(shape.cy)}" r="{_f(shape.r)}" '
            f'fill="{shape.fill}"/>'
        )
    if isinstance(shape, Polygon):
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in shape.points)
        return f'<polygon points="{points}" fill="{shape.fill}"/>'
    weight = ' font-weight="bold"' if shape.bold else ""
    return (
        f'<text x="{_f(shape.x)}" y="{_f(shape.y)}" font-size="{_f(shape.size)}" '
        f'text-anchor="{shape.anchor}" fill="{shape.fill}"{weight}>{escape(shape.text)}</text>'
    )


_FONTS: dict = {}


def _font(size: float, bold: bool):
    from PIL import ImageFont

    key = (round(size), bold)
    if key not in _FONTS:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        try:
            _FONTS[key] = ImageFont.truetype(name, key[0])
        except OSError:
            _FONTS[key] = ImageFont.load_default(size=key[0])
    return _FONTS[key]


def _dashes(x1, y1, x2, y2, on=6, off=4):
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return
    dx, dy = (x2 - x1) / length, (y2 - y1) / length
    position = 0.0
    while position < length:
        end = min(position + on, length)
        yield (x1 + dx * position, y1 + dy * position, x1 + dx * end, y1 + dy * end)
        position += on + off


def _png_shape(draw, shape, s: int) -> None:
    if isinstance(shape, Rect):
        draw.rectangle(
            [shape.x * s, shape.y * s, (shape.x + shape.w) * s - 1, (shape.y + shape.h) * s - 1],
            fill=shape.fill,
        )
    elif isinstance(shape, Line | Polyline):
        points = (
            [(shape.x1, shape.y1), (shape.x2, shape.y2)]
            if isinstance(shape, Line)
            else shape.points
        )
        width = max(1, round(shape.width * s))
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            segments = (
                _dashes(x1 * s, y1 * s, x2 * s, y2 * s, 6 * s, 4 * s)
                if shape.dash
                else [(x1 * s, y1 * s, x2 * s, y2 * s)]
            )
            for segment in segments:
                draw.line(segment, fill=shape.stroke, width=width)
    elif isinstance(shape, Circle):
        r = shape.r * s
        draw.ellipse(
            [shape.cx * s - r, shape.cy * s - r, shape.cx * s + r, shape.cy * s + r],
            fill=shape.fill,
        )
    elif isinstance(shape, Polygon):
        draw.polygon([(x * s, y * s) for x, y in shape.points], fill=shape.fill)
    else:
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
        draw.text(
            (shape.x * s, shape.y * s),
            shape.text,
            fill=shape.fill,
            font=_font(shape.size * s, shape.bold),
            anchor=anchor,
        )


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _axis(low: float, high: float) -> tuple[float, float, float]:
    if high == low:
        high, low = high + (abs(high) or 1) * 0.5, low - (abs(low) or 1) * 0.5
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _clip(text: str, size: float, room: float) -> str:
    """Shorten a label to the room it has (the table below carries it in full)."""
    fits = max(4, int(room / (size * 0.56)))
    return text if len(text) <= fits else text[: fits - 1] + "…"


def _as_year(date: datetime.date) -> float:
    """Year scale where Y means the end of year Y (a value as of 31.12.2024 sits at 2024,
    as statistics are read; baseline and target years mean the end of the year too)."""
    start = datetime.date(date.year, 1, 1)
    days = (datetime.date(date.year + 1, 1, 1) - start).days
    return date.year - 1 + ((date - start).days + 1) / days


@dataclass
class Point:
    date: datetime.date
    value: Decimal


def line_chart(
    *,
    id: str,
    title: str,
    unit: str,
    points: list[Point],
    decimals: int = 0,
    baseline: tuple[int, Decimal] | None = None,
    target: tuple[int, Decimal] | None = None,
    labels: dict[str, str] | None = None,
) -> Chart:
    """An indicator's time series; baseline and target (the end of their years) drawn
    as a dashed target path. ``labels``: "values", "target_path", "date", "value"."""
    labels = {
        "values": "Werte",
        "target_path": "Zielpfad",
        "date": "Stichtag",
        "value": "Wert",
        "baseline": "Ausgangswert",
        "target": "Ziel",
        **(labels or {}),
    }
    width, height = 640, 300
    left, right, top, bottom = 78, 24, 40, 46
    xs = [_as_year(p.date) for p in points]
    ys = [float(p.value) for p in points]
    path = []
    if baseline and target:
        path = [(float(baseline[0]), float(baseline[1])), (float(target[0]), float(target[1]))]
    all_x = xs + [x for x, _ in path]
    all_y = ys + [y for _, y in path]
    chart = Chart(
        id,
        title,
        "",
        width,
        height,
        [labels["date"], f"{labels['value']} ({unit})"],
        [],
    )
    if not all_x:
        chart.summary = title
        chart.shapes.append(Text(width / 2, height / 2, "–", 14, "middle", MUTED))
        return chart
    x_low, x_high = math.floor(min(all_x)), math.ceil(max(all_x))
    if x_high == x_low:
        x_high += 1
    low, high = min(all_y), max(all_y)
    # From zero where that keeps the detail; big, stable numbers (population) start
    # near their lowest value, otherwise their change would be a flat line.
    y_low, y_high, step = _axis(low if low > 0 and low > (high - low) * 3 else min(low, 0.0), high)

    def px(x: float) -> float:
        return left + (x - x_low) / (x_high - x_low) * (width - left - right)

    def py(y: float) -> float:
        return top + (y_high - y) / (y_high - y_low) * (height - top - bottom)

    shapes = chart.shapes
    tick = y_low
    while tick <= y_high + step / 1000:
        shapes.append(Line(left, py(tick), width - right, py(tick), GRID))
        shapes.append(
            Text(
                left - 6,
                py(tick) + 4,
                number(Decimal(str(round(tick, 4))), max(0, decimals)),
                11,
                "end",
                MUTED,
            )
        )
        tick += step
    year_step = max(1, math.ceil((x_high - x_low) / 8))
    for year in range(x_low, x_high + 1, year_step):
        shapes.append(Line(px(year), height - bottom, px(year), height - bottom + 4, MUTED))
        shapes.append(Text(px(year), height - bottom + 17, str(year), 11, "middle", MUTED))
    shapes.append(Line(left, height - bottom, width - right, height - bottom, INK))
    shapes.append(Text(left, 16, unit, 11, "start", MUTED))
    if path:
        shapes.append(Polyline([(px(x), py(y)) for x, y in path], TARGET, 2, dash=True))
        tx, ty = px(path[1][0]), py(path[1][1])
        shapes.append(Polygon([(tx, ty - 6), (tx + 6, ty), (tx, ty + 6), (tx - 6, ty)], TARGET))
    if xs:
        shapes.append(Polyline([(px(x), py(y)) for x, y in zip(xs, ys, strict=True)], BRAND, 2.5))
        for x, y in zip(xs, ys, strict=True):
            shapes.append(Circle(px(x), py(y), 4, BRAND))
    # Legend, with line styles as well as colours.
    legend_y = height - 10
    shapes.append(Line(left, legend_y - 4, left + 26, legend_y - 4, BRAND, 2.5))
    shapes.append(Circle(left + 13, legend_y - 4, 4, BRAND))
    shapes.append(Text(left + 32, legend_y, labels["values"], 11))
    if path:
        shapes.append(
            Line(left + 150, legend_y - 4, left + 176, legend_y - 4, TARGET, 2, dash=True)
        )
        shapes.append(Text(left + 182, legend_y, labels["target_path"], 11))
    rows = [[p.date.strftime("%d.%m.%Y"), number(p.value, decimals)] for p in points]
    if baseline:
        rows.insert(0, [f"{labels['baseline']} {baseline[0]}", number(baseline[1], decimals)])
    if target:
        rows.append([f"{labels['target']} {target[0]}", number(target[1], decimals)])
    chart.table_rows = rows
    first, last = (points[0], points[-1]) if points else (None, None)
    chart.summary = (
        f"{title}: {len(points)} {labels['values']}"
        + (
            f", {first.date:%Y} {number(first.value, decimals)} → {last.date:%Y} "
            f"{number(last.value, decimals)} {unit}"
            if points
            else ""
        )
        + (
            f"; {labels['target']} {target[0]}: {number(target[1], decimals)} {unit}"
            if target
            else ""
        )
        + "."
    )
    return chart


@dataclass
class Bar:
    label: str
    value: Decimal | int
    text: str = ""  # the value as shown (defaults to the number)
    colour: str = BRAND


def bar_chart(
    *,
    id: str,
    title: str,
    unit: str,
    bars: list[Bar],
    head: tuple[str, str] = ("", ""),
    maximum: float | None = None,
    decimals: int = 0,
) -> Chart:
    """Horizontal bars with their labels on the left and values on the right."""
    bar_height, gap, top = 20, 10, 16
    width = 640
    label_room, value_room = 230, 110
    height = top + len(bars) * (bar_height + gap) + 10
    chart = Chart(id, title, "", width, max(height, 60), list(head), [])
    highest = maximum if maximum is not None else max([float(b.value) for b in bars] + [0.0])
    highest = highest or 1.0
    room = width - label_room - value_room
    for index, bar in enumerate(bars):
        y = top + index * (bar_height + gap)
        shown = bar.text or number(bar.value, decimals)
        chart.shapes.append(
            Text(label_room - 8, y + 15, _clip(bar.label, 12, label_room - 12), 12, "end")
        )
        chart.shapes.append(Rect(label_room, y, room, bar_height, "#eef1f4"))
        length = max(0.0, float(bar.value)) / highest * room
        if length:
            chart.shapes.append(Rect(label_room, y, length, bar_height, bar.colour))
        chart.shapes.append(Text(label_room + room + 8, y + 15, shown, 12, "start", INK, True))
        chart.table_rows.append([bar.label, shown])
    chart.summary = (
        f"{title}: "
        + "; ".join(f"{b.label} {row[1]}" for b, row in zip(bars, chart.table_rows, strict=True))
        + (f" ({unit})" if unit else "")
        + "."
    )
    return chart
