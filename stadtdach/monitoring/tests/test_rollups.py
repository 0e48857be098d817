"""Indicator rollups equal what is computed from scratch after every kind of write: the
value and indicator forms, deleting a value, the file import, the Django admin, and a
rebuild after a bulk load. Long series are bounded for the charts."""

import datetime
import uuid
from decimal import Decimal

from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.monitoring import rollups, services, status
from stadtdach.monitoring.models import (
    ImportJob,
    Indicator,
    IndicatorRollup,
    IndicatorValue,
)
from stadtdach.monitoring.tests.factories import add_monitoring

D = datetime.date
FIELDS = ["value_count", "first_date", "latest_date", "latest_value", "health", "series"]


def assert_rollups_are_true() -> None:
    """Every indicator has a stored rollup equal to the one computed from its values."""
    assert IndicatorRollup.objects.count() == Indicator.objects.count()
    for indicator in Indicator.objects.select_related("rollup"):
        values = list(indicator.values.order_by("date").values_list("date", "value"))
        truth = rollups.rollup_of(indicator, values)
        stored = indicator.rollup
        for name in FIELDS:
            expected, got = getattr(truth, name), getattr(stored, name)
            if name == "latest_value" and expected is not None:
                expected, got = Decimal(expected), Decimal(got)
            assert got == expected, f"{indicator.code}.{name}: {got!r} != {expected!r}"
        assert stored.series_yearly == truth.series_yearly


def _context_indicator(world, code="K-TEST", **values) -> Indicator:
    return Indicator.objects.create(
        edition=world.edition,
        code=code,
        kind=Indicator.Kind.CONTEXT,
        action_field=world.fields[0],
        name="Einwohner",
        unit="Personen",
        baseline_value=Decimal("1000"),
        baseline_year=2020,
        target_value=Decimal("1200"),
        target_year=2030,
        **values,
    )


def test_the_forms_keep_the_rollup(world, client_for):
    add_monitoring(world.edition)
    client = client_for("coordinator")
    indicator = Indicator.objects.filter(kind="context").first()
    before = indicator.rollup.value_count
    add = client.post(
        reverse("monitoring:value_add", args=[indicator.pk]),
        {"date": "2026-06-30", "value": "1190", "note": "", "form_token": str(uuid.uuid4())},
    )
    assert add.status_code == 302
    indicator.refresh_from_db()
    assert indicator.rollup.value_count == before + 1
    assert indicator.rollup.latest_value == Decimal("1190")
    assert_rollups_are_true()

    value = indicator.values.get(date=D(2026, 6, 30))
    edit = client.post(
        reverse("monitoring:value_edit", args=[value.pk]),
        {
            "date": "2026-06-30",
            "value": "900",
            "note": "korrigiert",
            "loaded_version": value.modified.isoformat(),
        },
    )
    assert edit.status_code == 302
    indicator.refresh_from_db()
    assert indicator.rollup.health == status.Health.OFF_TRACK  # worse than the baseline
    assert_rollups_are_true()

    assert client.post(reverse("monitoring:value_delete", args=[value.pk])).status_code == 302
    indicator.refresh_from_db()
    assert indicator.rollup.value_count == before
    assert_rollups_are_true()


def test_changing_the_target_changes_the_status(world, client_for):
    add_monitoring(world.edition)
    indicator = Indicator.objects.filter(kind="context").first()
    old = indicator.rollup.health
    response = client_for("coordinator").post(
        reverse("monitoring:indicator_edit", args=[indicator.pk]),
        {
            "code": indicator.code,
            "kind": "context",
            "name": indicator.name,
            "action_field": indicator.action_field_id,
            "measure": "",
            "unit": indicator.unit,
            "direction": "higher",
            "baseline_value": "1000",
            "baseline_year": "2021",
            "target_value": "2000",  # 12 % of the way by 2025 where 44 % are expected
            "target_year": "2030",
            "decimals": "0",
            "source": "",
            "description": "",
            "order": "0",
            "loaded_version": indicator.modified.isoformat(),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    indicator.refresh_from_db()
    assert old == status.Health.ON_TRACK
    assert indicator.rollup.health == status.Health.OFF_TRACK
    assert_rollups_are_true()


def test_a_new_indicator_has_an_empty_rollup(world, client_for):
    from stadtdach.monitoring.tests.test_indicators import indicator_data

    assert (
        client_for("coordinator")
        .post(reverse("monitoring:indicator_add"), indicator_data(world))
        .status_code
        == 302
    )
    rollup = Indicator.objects.get(code="K-NEU").rollup
    assert (rollup.value_count, rollup.health, rollup.series) == (0, "not_assessed", [])


def test_the_import_keeps_the_rollup(world, personas):
    add_monitoring(world.edition)
    indicator = Indicator.objects.filter(kind="context").first()
    job = ImportJob.objects.create(kind=ImportJob.Kind.VALUES, original_name="werte.csv")
    rows = [
        {"indicator": indicator, "date": D(2019, 12, 31), "value": Decimal("1005")},  # replaces
        {"indicator": indicator, "date": D(2026, 9, 30), "value": Decimal("1250")},  # new latest
    ]
    services.values_import(actor=personas.coordinator, rows=rows, job=job)
    indicator.refresh_from_db()
    assert indicator.rollup.latest_value == Decimal("1250")
    assert indicator.rollup.health == status.Health.ON_TRACK
    assert_rollups_are_true()


def test_a_file_imported_by_the_task_keeps_the_rollup(
    world, client_for, django_capture_on_commit_callbacks
):
    from stadtdach.monitoring.imports import runner
    from stadtdach.monitoring.tests.test_imports import csv_file, upload

    add_monitoring(world.edition)
    indicator = Indicator.objects.filter(kind="context").first()
    # More rows than are imported during the request: the task worker imports them.
    rows = 240
    days = [D(2000 + n // 12, n % 12 + 1, 1) for n in range(rows)]
    assert rows > runner.SYNC_ROW_LIMIT
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client_for("coordinator"),
            csv_file(
                *(f"{indicator.code};{day:%d.%m.%Y};{1000 + n};" for n, day in enumerate(days)),
                header="Indikator;Stand am;Wert;Notiz",
            ),
            name="werte.csv",
            kind="values",
        )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE, job.errors
    indicator.refresh_from_db()
    assert indicator.rollup.value_count >= rows and indicator.rollup.series_yearly
    assert_rollups_are_true()


def test_the_admin_keeps_the_rollup(world, client, django_user_model):
    add_monitoring(world.edition)
    admin = django_user_model.objects.create_superuser("technik", "t@example.org", "x")
    client.force_login(admin)
    indicator = Indicator.objects.filter(kind="context").first()
    value = indicator.values.order_by("-date").first()
    response = client.post(
        reverse("admin:monitoring_indicatorvalue_change", args=[value.pk]),
        {
            "indicator": indicator.pk,
            "date": value.date.isoformat(),
            "value": "1",
            "note": "",
            "sample_note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    indicator.refresh_from_db()
    assert indicator.rollup.latest_value == Decimal("1")
    assert_rollups_are_true()
    response = client.post(
        reverse("admin:monitoring_indicatorvalue_delete", args=[value.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert_rollups_are_true()
    assert AuditEntry.objects.filter(action="delete").exists()


def test_a_bulk_load_is_caught_up_by_the_rebuild(world):
    indicator = _context_indicator(world)
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=indicator, date=D(2021, 12, 31), value=Decimal(v))
        for v in ("1040",)
    )
    assert not IndicatorRollup.objects.exists()  # bulk writes bypass the services
    assert rollups.rollups_rebuild() == 1
    assert_rollups_are_true()
    # A rebuild is idempotent and replaces stale rows.
    IndicatorRollup.objects.update(value_count=99, health="off_track")
    rollups.rollups_rebuild()
    assert_rollups_are_true()


def test_the_command_rebuilds(world):
    from django.core.management import call_command

    _context_indicator(world)
    call_command("rebuild_rollups", stdout=__import__("io").StringIO())
    assert_rollups_are_true()


def test_long_series_are_bounded_for_the_chart(world):
    indicator = _context_indicator(world)
    monthly = [D(2015 + n // 12, n % 12 + 1, 1) for n in range(100)]
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=indicator, date=day, value=Decimal(1000 + n))
        for n, day in enumerate(monthly)
    )
    rollups.rollups_refresh([indicator.pk])
    rollup = IndicatorRollup.objects.get()
    assert rollup.value_count == 100 and rollup.series_yearly
    # The latest value of each year 2015..2023: nine points, the last one the latest value.
    assert [day for day, _ in rollup.series] == [
        max(d for d in monthly if d.year == y).isoformat() for y in range(2015, 2024)
    ]
    assert rollup.series[-1] == ["2023-04-01", "1099.0000"]
    # A short series keeps every value.
    points, yearly = rollups.series_points([(d, Decimal(1)) for d in monthly[:12]])
    assert len(points) == 12 and not yearly
    # However long: never more than MAX_POINTS points.
    years = [(D(1990 + n, 6, 30), Decimal(n)) for n in range(100)]
    points, yearly = rollups.series_points(years)
    assert len(points) == rollups.MAX_POINTS and points[-1] == years[-1]
