"""All contributions of a filter with their evaluation, as CSV or XLSX. Cells that a
spreadsheet would read as a formula (starting with = + - @, or a tab or carriage return)
get a leading apostrophe: a contribution is text, never a formula (CSV injection)."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.participation.evaluation import selectors

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe(value) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\x00", "")
    return "'" + text if text.startswith(DANGEROUS) else text


def head() -> list[str]:
    return [
        _("Number"),
        _("Participation process"),
        _("Format"),
        _("Channel"),
        _("Target group"),
        _("Action field"),
        _("Cross-cutting themes"),
        _("Status"),
        _("Title"),
        _("Text"),
        _("Received"),
        _("Public answer"),
        _("Suggested action field"),
    ]


def rows(queryset):
    model = selectors.field_model()
    for c in selectors.export_rows(queryset):
        ranked = model.rank(f"{c.title} {c.text}", limit=1)
        yield [
            str(c.pk),
            c.process.title,
            c.format,
            c.get_channel_display(),
            c.target_group.name if c.target_group else "",
            c.action_field.name if c.action_field else "",
            ", ".join(t.name for t in c.themes.all()),
            c.get_status_display(),
            c.title,
            c.text,
            timezone.localtime(c.created).strftime("%d.%m.%Y %H:%M"),
            c.answer,
            ranked[0].label if ranked else "",
        ]


class _Echo:
    def write(self, value):
        return value


def csv_response(queryset) -> StreamingHttpResponse:
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff"  # Excel reads UTF-8 with a byte order mark
        yield writer.writerow(head())
        for row in rows(queryset):
            yield writer.writerow([safe(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="auswertung-beitraege.csv"'
    return response


def xlsx_response(queryset) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Contributions")[:31])
    sheet.append(head())
    for row in rows(queryset):
        sheet.append([safe(v)[:32_000] for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="auswertung-beitraege.xlsx"'
    return response
