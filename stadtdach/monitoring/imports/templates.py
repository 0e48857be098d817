"""Downloadable import templates (CSV and XLSX), filled with the measures or indicators
the user may report on, so that only the numbers need typing."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from stadtdach.strategy.models import Measure


def progress_header() -> list[str]:
    return [_("No."), _("Measure"), _("Progress (%)"), _("Status"), _("As of"), _("Note")]


def values_header() -> list[str]:
    return [_("Indicator"), _("Name"), _("Unit"), _("As of"), _("Value"), _("Note")]


def progress_rows(states) -> list[list]:
    today = timezone.localdate()
    return [
        [s.measure.code, s.measure.title, s.progress, s.measure.get_status_display(), today, ""]
        for s in states
        if s.measure.code
    ]


def values_rows(indicators) -> list[list]:
    today = timezone.localdate()
    return [[i.code, i.name, i.unit, today, "", ""] for i in indicators]


def as_csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [cell.strftime("%d.%m.%Y") if hasattr(cell, "strftime") else cell for cell in row]
        )
    # With a byte order mark Excel opens the file as UTF-8 (umlauts intact).
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(header: list[str], rows: list[list], *, status_column: int | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Import")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF2")
    for row in rows:
        sheet.append(row)
        sheet.cell(
            row=sheet.max_row, column=header.index(_("As of")) + 1
        ).number_format = "DD.MM.YYYY"
    widths = [12, 48, 16, 22, 14, 40]
    for index, width in enumerate(widths[: len(header)], start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.freeze_panes = "A2"
    if status_column is not None:
        labels = [str(label) for _value, label in Measure.Status.choices]
        notes = workbook.create_sheet(_("Status values")[:31])
        notes.append([_("Status")])
        for label in labels:
            notes.append([label])
        column = chr(64 + status_column)
        validation = DataValidation(
            type="list",
            formula1=f"'{notes.title}'!$A$2:$A${len(labels) + 1}",
            allow_blank=True,
        )
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{max(2, len(rows) + 200)}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
