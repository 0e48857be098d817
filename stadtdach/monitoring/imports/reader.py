"""Read a CSV or XLSX file into numbered rows of text, with clear messages for files
that cannot be read. Cells keep their exact text: numbers are parsed later as Decimal."""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

MAX_ROWS = 10_000


class FileProblem(Exception):
    """The file as a whole cannot be imported (wrong type, unreadable, no header …)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    headers: list[str]  # normalised header names
    rows: list[tuple[int, dict[str, object]]]  # (row number in the file, cells by header)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_header(text: object) -> str:
    """ "Fortschritt (%)" → "fortschritt", "Stand am" → "stand am", "Maßnahme" → "massnahme"."""
    value = re.sub(r"\(.*?\)", "", str(text or "")).lower().translate(_UMLAUTS)
    value = re.sub(r"[^a-z0-9 ]+", " ", value)
    return " ".join(value.split())


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem(_("The file is neither UTF-8 nor Windows text."))


def _csv_rows(data: bytes) -> list[list[object]]:
    text = _decode(data)
    if "\x00" in text:
        raise FileProblem(_("The file contains NUL bytes; it is not a text file."))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise FileProblem(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error


def _xlsx_cell(cell) -> object:
    value = cell.value
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (cell.number_format or ""):
            return f"{number * 100} %"
        return number
    return value


def _xlsx_rows(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise FileProblem(_("The file is not a readable XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows():
            rows.append([_xlsx_cell(cell) for cell in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise FileProblem(_("The XLSX workbook is damaged.")) from error
    finally:
        workbook.close()


def read_table(data: bytes, name: str) -> Table:
    """The rows of the first sheet (XLSX) or of the CSV file, empty rows left out."""
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        raw = _xlsx_rows(data)
    elif lowered.endswith((".csv", ".txt")):
        raw = _csv_rows(data)
    else:
        raise FileProblem(_("Upload a CSV or an XLSX file."))

    def blank(row):
        return all(
            cell in (None, "") or (isinstance(cell, str) and not cell.strip()) for cell in row
        )

    numbered = [(number, row) for number, row in enumerate(raw, start=1) if not blank(row)]
    if not numbered:
        raise FileProblem(_("The file is empty."))
    header = numbered[0][1]
    headers = [normalise_header(cell) for cell in header]
    if len(numbered) - 1 > MAX_ROWS:
        raise FileProblem(
            _("The file has more than %(max)d rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    rows = []
    for number, row in numbered[1:]:
        cells = {}
        for index, header_name in enumerate(headers):
            if header_name:
                cells[header_name] = row[index] if index < len(row) else None
        rows.append((number, cells))
    return Table(headers, rows)


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def parse_decimal(value: object) -> Decimal:
    """An exact number from a cell: 1234.5, "1.234,5", "1234,5", "45 %". Raises ValueError."""
    if isinstance(value, Decimal):
        number = value
    else:
        raw = text(value).replace("\u00a0", "").replace(" ", "").rstrip("%")
        if not raw or len(raw) > 30:
            raise ValueError(raw)
        if "," in raw and "." in raw:
            raw = raw.replace(".", "").replace(",", ".")  # German thousands and decimals
        elif "," in raw:
            raw = raw.replace(",", ".")
        if not re.fullmatch(r"[+-]?\d+(\.\d+)?", raw):
            raise ValueError(raw)
        number = Decimal(raw)
    if not number.is_finite():
        raise ValueError(value)
    return number


def parse_date(value: object) -> datetime.date:
    """A date from a cell: an Excel date, "2025-12-31" or "31.12.2025". Raises ValueError."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValueError(raw)
