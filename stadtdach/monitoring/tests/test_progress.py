"""Department staff report progress through one short form: the measure's status and
progress move, the history grows, everything is audited; bad input is refused."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.html import assert_valid_html
from stadtdach.monitoring import services
from stadtdach.monitoring.models import MeasureImplementation, ProgressUpdate


def data(**overrides):
    return {
        "progress": "40",
        "status": "implementation",
        "date": timezone.localdate().isoformat(),
        "note": "Bauarbeiten begonnen.",
        "form_token": str(uuid.uuid4()),
        **overrides,
    }


def test_department_staff_report_progress(world, client_for):
    client = client_for("department_staff")
    measure = world.led.first()
    url = reverse("monitoring:progress_update", args=[measure.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert_valid_html(form.content)
    payload = data()
    response = client.post(url, payload)
    assert response.status_code == 302
    assert client.post(url, payload).status_code == 302  # double post: saved once
    assert ProgressUpdate.objects.filter(measure=measure).count() == 1
    measure.refresh_from_db()
    assert measure.status == "implementation"
    implementation = MeasureImplementation.objects.get(measure=measure)
    assert implementation.progress == 40
    assert implementation.last_update_on == timezone.localdate()
    entry = AuditEntry.objects.get(object_id=str(ProgressUpdate.objects.get().pk))
    assert entry.changes["progress"] == [0, 40]
    assert entry.actor.username == "persona-department-staff"
    dashboard = client.get(reverse("monitoring:measure", args=[measure.pk]))
    assert "Bauarbeiten begonnen." in dashboard.content.decode()


def test_an_older_report_fills_in_the_history_only(world, personas):
    measure = world.led.first()
    today = timezone.localdate()
    services.progress_report(
        actor=personas.coordinator,
        measure=measure,
        date=today,
        progress=60,
        status="implementation",
    )
    services.progress_report(
        actor=personas.coordinator,
        measure=measure,
        date=today - datetime.timedelta(days=100),
        progress=20,
        status="preparation",
    )
    measure.refresh_from_db()
    assert measure.status == "implementation"
    assert MeasureImplementation.objects.get(measure=measure).progress == 60
    assert list(
        ProgressUpdate.objects.filter(measure=measure).values_list("progress", flat=True)
    ) == [60, 20]


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"progress": "101"}, "progress", "max_value"),
        ({"progress": "-1"}, "progress", "min_value"),
        ({"progress": "viel"}, "progress", "invalid"),
        ({"progress": "50", "status": "completed"}, "progress", "completed"),
        ({"status": "fertig"}, "status", "invalid_choice"),
        ({"date": "2999-01-01"}, "date", "date_range"),
        ({"date": "1900-01-01"}, "date", "date_range"),
        ({"date": "31.02.2026"}, "date", "invalid"),
        ({"note": "a\x00b"}, "note", "null_characters_not_allowed"),
        ({"note": "x" * 2001}, "note", "max_length"),
    ],
)
def test_bad_reports_are_refused(world, client_for, overrides, field, code):
    client = client_for("coordinator")
    measure = world.led.first()
    response = client.post(
        reverse("monitoring:progress_update", args=[measure.pk]), data(**overrides)
    )
    assert response.status_code == 400
    assert response.context["form"].has_error(field, code), response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


def test_department_staff_cannot_report_on_foreign_measures(world, client_for):
    client = client_for("department_staff")
    url = reverse("monitoring:progress_update", args=[world.other.first().pk])
    assert client.get(url).status_code == 403
    assert client.post(url, data()).status_code == 403


def test_milestones_are_kept_per_measure(world, client_for):
    client = client_for("department_staff")
    measure = world.led.first()
    url = reverse("monitoring:milestone_add", args=[measure.pk])
    response = client.post(
        url,
        {
            "title": "Bauende",
            "due_on": "2027-06-30",
            "reached_on": "",
            "order": "1",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    milestone = measure.implementation_milestones.get()
    future = client.post(
        reverse("monitoring:milestone_edit", args=[milestone.pk]),
        {
            "title": "Bauende",
            "due_on": "2027-06-30",
            "reached_on": "2099-01-01",
            "order": "1",
            "loaded_version": milestone.modified.isoformat(),
        },
    )
    assert future.status_code == 400
    assert future.context["form"].has_error("reached_on", "future")
