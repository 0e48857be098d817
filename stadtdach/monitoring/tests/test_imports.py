"""Reporting many measures (or indicator values) at once by file: every error is listed
by row, and nothing is imported from a file with an error."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from stadtdach.core.models import AuditEntry
from stadtdach.monitoring.imports import runner
from stadtdach.monitoring.models import ImportJob, Indicator, IndicatorValue, ProgressUpdate
from stadtdach.monitoring.tests.factories import add_monitoring

HEADER = "Nr.;Maßnahme;Fortschritt (%);Status;Stand am;Notiz"


def upload(client, content: bytes, name="fortschritt.csv", kind="progress"):
    return client.post(
        reverse("monitoring:import_start"),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def xlsx_file(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_clean_csv_is_imported(world, client_for):
    client = client_for("department_staff")
    a, b = world.led[0], world.led[1]
    response = upload(
        client,
        csv_file(f"{a.code};x;45;in Umsetzung;01.10.2026;gut", f"{b.code};;100 %;completed;;"),
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == ImportJob.Status.DONE and job.imported_rows == 2
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.implementation.progress) == ("implementation", 45)
    assert (b.status, b.implementation.progress) == ("completed", 100)
    assert ProgressUpdate.objects.filter(source="import").count() == 2
    entry = AuditEntry.objects.get(action="import")
    assert set(entry.changes) == {a.code, b.code}
    page = client.get(job.get_absolute_url())
    assert page.status_code == 200 and "message--success" in page.content.decode()


def test_every_row_error_is_reported_and_nothing_imported(world, client_for):
    client = client_for("department_staff")
    mine, foreign = world.led[0], world.other[0]
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d.%m.%Y")
    upload(
        client,
        csv_file(
            f"{mine.code};;50;;;ok",  # the only good row
            "GIBT-ES-NICHT;;10;;;",  # unknown measure
            f"{foreign.code};;10;;;",  # not the user's department
            f"{world.led[1].code};;viel;;;",  # not a number
            f"{world.led[1].code};;150;;;",  # out of range (and a duplicate)
            f"{world.led[2].code};;10;fertig;;",  # unknown status
            f"{world.led[2].code};;10;;{tomorrow};",  # future date, duplicate
            ";;10;;31.02.2026;",  # no number, impossible date
        ),
    )
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.imported_rows == 0
    rows = sorted({error["row"] for error in job.errors})
    assert rows == [3, 4, 5, 6, 7, 8, 9]
    assert not ProgressUpdate.objects.exists()
    mine.refresh_from_db()
    assert mine.status != "implementation" or not hasattr(mine, "implementation")
    page = client.get(job.get_absolute_url()).content.decode()
    assert "GIBT-ES-NICHT" in page and 'class="error-summary"' in page


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "leer.csv"),
        (b"PK\x03\x04kaputt", "kaputt.xlsx"),
        (b"\x00\x01\x02", "binaer.csv"),
        (csv_file("M-0000;10", header="Nummer;Prozent"), "falsche-spalten.csv"),
        (b"Nr.;Fortschritt\n", "ohne-zeilen.csv"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(world, client_for, content, name):
    response = upload(client_for("coordinator"), content, name)
    if response.status_code == 400:
        assert response.context["form"].has_error("file")
    else:
        job = ImportJob.objects.get()
        assert job.status in (ImportJob.Status.FAILED, ImportJob.Status.DONE)
        assert job.imported_rows == 0
    assert not ProgressUpdate.objects.exists()


def test_other_file_types_are_refused(world, client_for):
    response = upload(client_for("coordinator"), b"x", "bild.png")
    assert response.status_code == 400
    assert response.context["form"].has_error("file", "file_type")


def test_xlsx_with_decimals_dates_and_percent_cells(world, client_for):
    client = client_for("coordinator")
    measure = world.led[0]
    content = xlsx_file(
        [["Nr.", "Fortschritt (%)", "Stand am"], [measure.code, 30, datetime.datetime(2026, 9, 30)]]
    )
    upload(client, content, "fortschritt.xlsx")
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    measure.refresh_from_db()
    assert measure.implementation.progress == 30
    assert measure.implementation.last_update_on == datetime.date(2026, 9, 30)
    fraction = xlsx_file([["Nr.", "Fortschritt (%)"], [measure.code, 30.5]])
    upload(client, fraction, "bruch.xlsx")
    assert ImportJob.objects.order_by("-pk").first().status == ImportJob.Status.FAILED


def test_the_template_comes_back_in(world, client_for):
    client = client_for("department_staff")
    response = client.get(reverse("monitoring:import_template") + "?art=fortschritt&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert codes == [m.code for m in world.led]  # only the department's measures
    upload(client, response.content, "vorlage.xlsx")
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    csv = client.get(reverse("monitoring:import_template") + "?art=fortschritt&format=csv")
    assert csv.content.startswith(b"\xef\xbb\xbf")
    assert client.get(reverse("monitoring:import_template") + "?format=pdf").status_code == 404


def test_large_files_run_as_a_task_with_progress(
    world, client_for, django_capture_on_commit_callbacks
):
    from stadtdach.strategy.models import Measure
    from stadtdach.strategy.tests.factories import add_measures

    add_measures(world.edition, world.fields[:1], world.themes, world.goals, world.concepts, 300)
    added = list(Measure.objects.filter(code__startswith="M-").order_by("pk")[12:])
    for measure in added:
        measure.code = f"G-{measure.pk}"  # the factory's numbers repeat those of the world
    Measure.objects.bulk_update(added, ["code"])
    client = client_for("coordinator")
    codes = list(
        world.edition.measures.filter(action_field=world.fields[0]).values_list("code", flat=True)
    )
    assert len(codes) > runner.SYNC_ROW_LIMIT
    content = csv_file(*[f"{code};;10;;;" for code in codes])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(client, content)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.PENDING and job.total_rows == len(codes)
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page and "hx-trigger" in page
    for callback in callbacks:
        callback()  # the worker's turn (immediate backend in tests)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.imported_rows == len(codes)
    partial = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert partial.status_code == 200 and "hx-trigger" not in partial.content.decode()


def test_indicator_values_by_file(world, client_for):
    add_monitoring(world.edition)
    indicator = Indicator.objects.filter(kind="context").first()
    client = client_for("coordinator")
    header = "Indikator;Stand am;Wert;Notiz"
    upload(
        client,
        csv_file(f"{indicator.code};31.12.2026;1.234,5;Zählung", header=header),
        kind="values",
    )
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    value = IndicatorValue.objects.get(indicator=indicator, date=datetime.date(2026, 12, 31))
    assert value.value == Decimal("1234.5")
    upload(
        client,
        csv_file(
            f"{indicator.code};31.12.2026;1e400;",
            f"{indicator.code};01.01.1800;5;",
            "X;31.12.2027;5;",
            header=header,
        ),
        kind="values",
    )
    failed = ImportJob.objects.order_by("-pk").first()
    assert failed.status == ImportJob.Status.FAILED
    assert {e["row"] for e in failed.errors} == {2, 3, 4}


def test_somebody_elses_import_is_private(world, client_for):
    upload(client_for("department_staff"), csv_file(f"{world.led[0].code};;10;;;"))
    job = ImportJob.objects.get()
    assert client_for("consultant").get(job.get_absolute_url()).status_code == 403
    assert client_for("coordinator").get(job.get_absolute_url()).status_code == 200
