"""The cost and financing overview as an XLSX workbook (openpyxl). Amounts are written
as numbers with a euro format, so the town can go on calculating with them."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from stadtdach.finance.models import FundingSource
from stadtdach.finance.selectors import Amounts, CostOverview

EURO = '#,##0.00 "€"'
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E8EEF2")
TOTAL_FILL = PatternFill("solid", fgColor="F3F5F7")


def _header(sheet, row: int, titles: list[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=column, value=title)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _money(sheet, row: int, start: int, values) -> None:
    for offset, value in enumerate(values):
        cell = sheet.cell(row=row, column=start + offset, value=value)
        cell.number_format = EURO


def _amount_cells(amounts: Amounts, years: list[int]) -> list:
    return [
        *amounts.year_cells(years),
        amounts.total,
        *amounts.funding_cells(),
        amounts.approved,
        amounts.spent,
    ]


def _amount_titles(years: list[int]) -> list[str]:
    return [
        *[str(year) for year in years],
        _("Total cost"),
        *[str(label) for _key, label in FundingSource.choices],
        _("Approved"),
        _("Spent"),
    ]


def _widths(sheet, widths: dict[int, int], default: int = 15) -> None:
    for column in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, default)


def cost_overview_xlsx(data: CostOverview) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Measures")[:31]
    sheet.cell(row=1, column=1, value=_("Cost and financing overview")).font = Font(
        bold=True, size=14
    )
    sheet.cell(row=2, column=1, value=data.edition.name)
    titles = [
        _("No."),
        _("Measure"),
        _("Action field"),
        _("Funding programme"),
        _("Budget product"),
        *_amount_titles(data.years),
    ]
    _header(sheet, 4, titles)
    row = 5
    fixed = 5
    for field_total in data.by_field:
        for measure_row in (
            r for r in data.rows if r.measure.action_field_id == field_total.obj.pk
        ):
            measure = measure_row.measure
            sheet.cell(row=row, column=1, value=measure.code)
            sheet.cell(row=row, column=2, value=measure.title)
            sheet.cell(row=row, column=3, value=measure.action_field.name)
            programme = measure_row.programme
            sheet.cell(row=row, column=4, value=programme.name if programme else _("own funds"))
            product = measure_row.product
            sheet.cell(row=row, column=5, value=str(product) if product else "")
            _money(sheet, row, fixed + 1, _amount_cells(measure_row.amounts, data.years))
            row += 1
        label = _("Total %(field)s") % {"field": field_total.label}
        sheet.cell(row=row, column=2, value=label).font = BOLD
        _money(sheet, row, fixed + 1, _amount_cells(field_total.amounts, data.years))
        for column in range(1, len(titles) + 1):
            sheet.cell(row=row, column=column).fill = TOTAL_FILL
        row += 1
    sheet.cell(row=row, column=2, value=_("Total of the ISEK")).font = BOLD
    _money(sheet, row, fixed + 1, _amount_cells(data.total, data.years))
    for column in range(1, len(titles) + 1):
        sheet.cell(row=row, column=column).font = BOLD
    sheet.freeze_panes = "C5"
    _widths(sheet, {1: 9, 2: 44, 3: 26, 4: 30, 5: 30})

    by_programme = workbook.create_sheet(_("By programme")[:31])
    _header(by_programme, 1, [_("Funding programme"), _("Measures"), *_amount_titles(data.years)])
    for number, total in enumerate(data.by_programme, start=2):
        by_programme.cell(row=number, column=1, value=total.label or _("own funds"))
        by_programme.cell(row=number, column=2, value=total.measures)
        _money(by_programme, number, 3, _amount_cells(total.amounts, data.years))
    _widths(by_programme, {1: 40, 2: 11})

    by_year = workbook.create_sheet(_("By year")[:31])
    _header(
        by_year,
        1,
        [
            _("Year"),
            _("Planned"),
            *[str(label) for _k, label in FundingSource.choices],
            _("Approved"),
            _("Spent"),
        ],
    )
    for number, (year, amounts) in enumerate(data.by_year, start=2):
        by_year.cell(row=number, column=1, value=year)
        _money(
            by_year,
            number,
            2,
            [amounts.total, *amounts.funding_cells(), amounts.approved, amounts.spent],
        )
    _widths(by_year, {1: 8})
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
