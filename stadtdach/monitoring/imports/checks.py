"""Check every row of an import and say what is wrong with it, in the user's language.
Nothing is written here: the runner imports only a file without a single error."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from stadtdach.monitoring.imports.reader import Table, parse_date, parse_decimal, text
from stadtdach.strategy.models import Measure

EARLIEST = datetime.date(1990, 1, 1)

# Column → the header names accepted for it (normalised, see reader.normalise_header).
PROGRESS_COLUMNS = {
    "code": ("nr", "nummer", "code", "no", "number", "massnahme nr", "massnahmen nr"),
    "title": ("massnahme", "titel", "measure", "title"),
    "progress": ("fortschritt", "progress", "fortschritt in"),
    "status": ("status",),
    "date": ("stand am", "stand", "datum", "date", "as of"),
    "note": ("notiz", "bemerkung", "was ist passiert", "note", "what happened"),
}
PROGRESS_REQUIRED = ("code", "progress")

VALUE_COLUMNS = {
    "code": ("indikator", "kennzahl", "code", "indicator"),
    "date": ("stand am", "stand", "datum", "stichtag", "date", "as of"),
    "value": ("wert", "value"),
    "note": ("notiz", "bemerkung", "quelle", "note"),
}
VALUE_REQUIRED = ("code", "date", "value")


@dataclass
class Checked:
    rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append({"row": row, "column": column, "message": str(message)})


def column_map(table: Table, columns: dict, required: tuple, labels: dict) -> dict[str, str]:
    """Which header of the file holds which column; raises FileProblem for missing ones."""
    from stadtdach.monitoring.imports.reader import FileProblem

    found = {}
    for key, names in columns.items():
        for header in table.headers:
            if header in names:
                found[key] = header
                break
    missing = [labels[key] for key in required if key not in found]
    if missing:
        raise FileProblem(
            _("Required columns are missing: %(columns)s. Use the template.")
            % {"columns": ", ".join(missing)}
        )
    return found


def _status_lookup() -> dict[str, str]:
    lookup = {}
    for value, label in Measure.Status.choices:
        lookup[value] = value
        lookup[str(label).lower()] = value
    from django.utils import translation

    for language in ("de", "en"):
        with translation.override(language):
            for value, label in Measure.Status.choices:
                lookup[str(label).lower()] = value
    return lookup


def check_progress(
    table: Table,
    *,
    measures: dict[str, Measure],
    may_update: Callable[[Measure], bool],
    today: datetime.date,
    labels: dict,
    on_row: Callable[[int], None] = lambda n: None,
    ambiguous: frozenset[str] = frozenset(),
) -> Checked:
    """Rows of a progress file: a known measure the user may report on, progress 0–100
    as a whole number, a known status (or none: unchanged), a date not in the future."""
    columns = column_map(table, PROGRESS_COLUMNS, PROGRESS_REQUIRED, labels)
    statuses = _status_lookup()
    result = Checked()
    seen: dict[int, int] = {}
    for index, (number, cells) in enumerate(table.rows, start=1):
        on_row(index)
        row: dict = {"row": number}
        code = text(cells.get(columns["code"]))
        measure = measures.get(code)
        if not code:
            result.error(number, labels["code"], _("The measure number is missing."))
        elif code in ambiguous:
            result.error(
                number,
                labels["code"],
                _("Several measures have the number “%(code)s”; report on them with the form.")
                % {"code": code[:40]},
            )
        elif measure is None:
            result.error(
                number,
                labels["code"],
                _("No measure has the number “%(code)s”.") % {"code": code[:40]},
            )
        elif not may_update(measure):
            result.error(
                number,
                labels["code"],
                _("You may not report on measure %(code)s.") % {"code": code},
            )
        elif measure.pk in seen:
            result.error(
                number,
                labels["code"],
                _("Measure %(code)s appears twice (also in row %(other)d).")
                % {"code": code, "other": seen[measure.pk]},
            )
        else:
            seen[measure.pk] = number
            row["measure"] = measure
        raw_progress = cells.get(columns["progress"])
        try:
            progress = parse_decimal(raw_progress)
            if progress != progress.to_integral_value():
                raise ValueError(progress)
            if not 0 <= progress <= 100:
                result.error(number, labels["progress"], _("Progress lies between 0 and 100 %."))
            row["progress"] = int(progress)
        except ValueError:
            result.error(
                number,
                labels["progress"],
                _("“%(value)s” is not a whole number between 0 and 100.")
                % {"value": text(raw_progress)[:40]},
            )
        raw_status = text(cells.get(columns["status"])) if "status" in columns else ""
        if raw_status:
            value = statuses.get(raw_status.lower())
            if value is None:
                result.error(
                    number,
                    labels["status"],
                    _("“%(value)s” is not a status of measures.") % {"value": raw_status[:40]},
                )
            row["status"] = value
        raw_date = cells.get(columns["date"]) if "date" in columns else None
        if raw_date in (None, ""):
            row["date"] = today
        else:
            try:
                date = parse_date(raw_date)
                if not EARLIEST <= date <= today:
                    result.error(
                        number,
                        labels["date"],
                        _("The date %(date)s lies outside 1990 to today.")
                        % {"date": date.strftime("%d.%m.%Y")},
                    )
                row["date"] = date
            except ValueError:
                result.error(
                    number,
                    labels["date"],
                    _("“%(value)s” is not a date (DD.MM.YYYY).") % {"value": text(raw_date)[:40]},
                )
        note = text(cells.get(columns["note"])) if "note" in columns else ""
        if "\x00" in note:
            result.error(number, labels["note"], _("The note contains a NUL byte."))
        elif len(note) > 2000:
            result.error(number, labels["note"], _("The note is longer than 2,000 characters."))
        row["note"] = note
        result.rows.append(row)
    return result


def check_values(
    table: Table,
    *,
    indicators: dict[str, object],
    may_enter: Callable[[object], bool],
    labels: dict,
    on_row: Callable[[int], None] = lambda n: None,
) -> Checked:
    """Rows of an indicator file: a known indicator, a date from 1990 to 2100, a number."""
    columns = column_map(table, VALUE_COLUMNS, VALUE_REQUIRED, labels)
    result = Checked()
    seen: dict[tuple, int] = {}
    for index, (number, cells) in enumerate(table.rows, start=1):
        on_row(index)
        row: dict = {"row": number}
        code = text(cells.get(columns["code"]))
        indicator = indicators.get(code)
        if not code:
            result.error(number, labels["code"], _("The indicator code is missing."))
        elif indicator is None:
            result.error(
                number,
                labels["code"],
                _("No indicator has the code “%(code)s”.") % {"code": code[:40]},
            )
        elif not may_enter(indicator):
            result.error(
                number,
                labels["code"],
                _("You may not enter values of indicator %(code)s.") % {"code": code},
            )
        else:
            row["indicator"] = indicator
        raw_date = cells.get(columns["date"])
        try:
            date = parse_date(raw_date)
            if not EARLIEST <= date <= datetime.date(2100, 12, 31):
                result.error(
                    number,
                    labels["date"],
                    _("The date %(date)s lies outside 1990 to 2100.")
                    % {"date": date.strftime("%d.%m.%Y")},
                )
            row["date"] = date
            if indicator is not None:
                key = (indicator.pk, date)
                if key in seen:
                    result.error(
                        number,
                        labels["date"],
                        _("This indicator has a second value for the same date (row %(other)d).")
                        % {"other": seen[key]},
                    )
                seen[key] = number
        except ValueError:
            result.error(
                number,
                labels["date"],
                _("“%(value)s” is not a date (DD.MM.YYYY).") % {"value": text(raw_date)[:40]},
            )
        raw_value = cells.get(columns["value"])
        try:
            value = parse_decimal(raw_value)
            if abs(value) >= Decimal("1e12") or value.as_tuple().exponent < -4:
                raise ValueError(value)
            row["value"] = value
        except ValueError:
            result.error(
                number,
                labels["value"],
                _("“%(value)s” is not a number (at most 4 decimals).")
                % {"value": text(raw_value)[:40]},
            )
        note = text(cells.get(columns["note"])) if "note" in columns else ""
        if "\x00" in note or len(note) > 300:
            result.error(
                number, labels["note"], _("The note has a NUL byte or more than 300 characters.")
            )
        row["note"] = note
        result.rows.append(row)
    return result
