"""Reminders go out by e-mail when an update is due: one mail per department, not again
before the interval of REMIND_AGAIN_AFTER_DAYS, and never for completed measures."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from stadtdach.core.testing.personas import make_user
from stadtdach.monitoring import services
from stadtdach.monitoring.models import MeasureImplementation


@pytest.fixture
def staff_with_mail(world, personas):
    staff = personas.department_staff
    citizen_in_unit = make_user(
        "buerger-im-fb", roles=("citizen",), unit=staff.unit, email="b@example.org"
    )
    return staff, citizen_in_unit


def test_one_reminder_per_department_and_not_again_soon(
    world, staff_with_mail, django_capture_on_commit_callbacks
):
    staff, _citizen = staff_with_mail
    today = datetime.date(2026, 11, 2)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.reminders_send(today=today)
    assert sent == 1  # only the department persona's unit leads an action field
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [staff.email]  # citizens of the unit get nothing
    assert world.led.first().code in message.body
    assert MeasureImplementation.objects.filter(
        reminded_on=today
    ).count() == world.led.count() - sum(
        1 for m in world.led if m.status in ("completed", "dropped")
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today + datetime.timedelta(days=3)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today + datetime.timedelta(days=20)) == 1
    assert len(mail.outbox) == 2


def test_the_command_and_the_button(
    world, staff_with_mail, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_update_reminders")
    assert len(mail.outbox) == 1
    client = client_for("coordinator")
    assert client.post(reverse("monitoring:updates")).status_code == 302
    assert client_for("department_staff").post(reverse("monitoring:updates")).status_code == 403


def test_the_updates_page_lists_the_departments_due_reports(world, client_for):
    response = client_for("department_staff").get(reverse("monitoring:updates"))
    assert response.status_code == 200
    listed = {s.measure.pk for s in response.context["page"].object_list}
    assert listed and listed <= set(world.led.values_list("pk", flat=True))
