"""Process monitoring: what is late, what is due in four weeks, milestone status — on the
dashboard and in the weekly e-mail (task and management command)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.process.models import Task
from stadtdach.process.monitoring import process_status
from stadtdach.process.report import build_report, recipients
from stadtdach.process.tasks import send_process_report
from stadtdach.process.tests.factories import build_process_world


@pytest.fixture
def world(db, personas):
    return build_process_world(owner=personas.department_staff)


def test_status_sorts_late_and_due_items(world):
    status = process_status(world.edition)
    assert [t.title for t in status.late_tasks] == ["Öffentliche Aufgabe"]
    assert [t.title for t in status.due_tasks] == [
        "Aufgabe mit Person"
    ]  # the internal is in 50 days
    assert [p.code for p in status.late_packages] == ["AP 1"]
    assert [p.code for p in status.awaiting_acceptance] == ["AP 2"]
    assert [d.title for d in status.due_deliverables] == ["Analysebericht"]
    states = {entry.milestone.name: entry.state for entry in status.milestones}
    assert states == {"Leitbild": "late", "Entwurf": "due"}  # "Vergabe" is long reached
    assert status.late_count == 3 and status.due_count == 3


def test_done_tasks_are_never_late(world):
    Task.objects.filter(pk=world.task.pk).update(status="done")
    assert process_status(world.edition).late_tasks == []


def test_dashboard_shows_it_to_coordinators_and_steering_group(world, client_for):
    response = client_for("coordinator").get(reverse("process:dashboard"))
    assert response.status_code == 200
    assert_valid_html(response.content)
    html = response.content.decode()
    assert "Öffentliche Aufgabe" in html and "AP 2 Leitbild" in html
    assert client_for("steering_member").get(reverse("process:dashboard")).status_code == 200


def test_weekly_report_goes_to_the_coordinators_with_links(world, personas, settings):
    settings.STADTDACH_BASE_URL = "https://isek.example.de"
    personas.coordinator, personas.participation_coordinator, personas.citizen  # noqa: B018
    assert recipients() == sorted(
        [personas.coordinator.email, personas.participation_coordinator.email]
    )
    subject, body = build_report(world.edition)
    assert "1" in subject or "3" in subject
    assert "Öffentliche Aufgabe" in body
    assert "https://isek.example.de" + world.task.get_absolute_url() in body
    assert "https://isek.example.de/prozess/steuerung/" in body
    sent = send_process_report.enqueue()
    assert sent.return_value == 2
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == set(recipients())


def test_management_command_queues_or_sends_the_report(world, personas):
    personas.coordinator  # noqa: B018
    call_command("send_process_report")
    assert len(mail.outbox) == 1  # the immediate backend of the tests runs it at once
    call_command("send_process_report", "--now")
    assert len(mail.outbox) == 2


def test_no_recipients_no_mail(world):
    assert send_process_report.call() == 0
    assert mail.outbox == []
