"""The one chart renderer: valid SVG with title and description, the same data as a
table, escaped labels, and a PNG for documents."""

import datetime
from decimal import Decimal
from xml.etree import ElementTree  # our own output, not untrusted data

from stadtdach.monitoring.charts import Bar, Point, bar_chart, line_chart

D = datetime.date
SVG = "{http://www.w3.org/2000/svg}"


def test_line_chart_svg_is_valid_and_labelled():
    chart = line_chart(
        id="c1",
        title="Einwohner <Stadt>",
        unit="Personen",
        points=[Point(D(2020 + i, 12, 31), Decimal(1000 + i * 10)) for i in range(5)],
        baseline=(2021, Decimal("1010")),
        target=(2030, Decimal("1200")),
    )
    root = ElementTree.fromstring(str(chart.svg()))  # noqa: S314
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Einwohner <Stadt>"
    assert "style" not in str(chart.svg())
    assert root.findall(f"{SVG}circle")
    assert chart.table_rows[0][0].startswith("Ausgangswert")
    assert chart.table_rows[-1] == ["Ziel 2030", "1.200"]
    assert len(chart.table_rows) == 7
    assert chart.png()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_chart_without_values_still_renders():
    chart = line_chart(id="c2", title="Leer", unit="%", points=[])
    ElementTree.fromstring(str(chart.svg()))  # noqa: S314
    assert chart.table_rows == []


def test_bar_chart_has_one_row_per_bar():
    chart = bar_chart(
        id="b",
        title="Fortschritt",
        unit="%",
        head=("Feld", "Fortschritt"),
        maximum=100,
        bars=[Bar("Wohnen", 40, "40 %"), Bar("Ein sehr langer Name " * 5, 100, "100 %")],
    )
    root = ElementTree.fromstring(str(chart.svg()))  # noqa: S314
    assert len(root.findall(f"{SVG}rect")) >= 3
    assert chart.table_rows[1][0].startswith("Ein sehr langer Name")  # the table keeps it whole
    assert chart.png()
