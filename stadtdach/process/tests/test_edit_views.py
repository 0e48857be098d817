"""Process forms: audited writes, double posts and stale forms, and clear errors for bad
input — dates out of order, negative or over-budget amounts, acceptance without delivery."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from stadtdach.core.models import AuditEntry
from stadtdach.process.models import Deliverable, Milestone, Task, WorkPackage
from stadtdach.process.tests.factories import build_process_world


@pytest.fixture
def world(db, personas):
    return build_process_world(owner=personas.department_staff, contractor=personas.consultant)


def _form_data(client, url, **changes) -> dict:
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            data[name] = value
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_task_is_created_once_audited_and_completed(world, client_for):
    client = client_for("coordinator")
    url = reverse("process:task_add")
    data = _form_data(
        client, url, title="Neue Aufgabe", status="done", order="1", due_date="2030-01-01"
    )
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # the double post saves once
    task = Task.objects.get(title="Neue Aufgabe")
    assert task.completed_on == timezone.localdate()  # set when marked done
    assert AuditEntry.objects.filter(action="create", object_repr="Neue Aufgabe").count() == 1
    bad = _form_data(client, url, title="X", status="open", completed_on="2020-01-01")
    response = client.post(url, bad)
    assert response.status_code == 400 and "completed_on" in response.context["form"].errors


def test_the_owner_changes_only_the_status_of_their_task(world, client_for):
    client = client_for("department_staff")
    url = reverse("process:task_edit", args=[world.owned_task.pk])
    form = client.get(url).context["form"]
    assert set(form.fields) == {"status", "description", "loaded_version"}
    data = _form_data(client, url, status="done", title="Umbenannt")
    assert client.post(url, data).status_code == 302
    task = Task.objects.get(pk=world.owned_task.pk)
    assert task.status == "done" and task.completed_on and task.title == "Aufgabe mit Person"


def test_a_stale_task_form_does_not_overwrite(world, client_for):
    client = client_for("coordinator")
    url = reverse("process:task_edit", args=[world.task.pk])
    data = _form_data(client, url, title="Alt")
    Task.objects.filter(pk=world.task.pk).update(modified=timezone.now())
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    assert Task.objects.get(pk=world.task.pk).title == "Öffentliche Aufgabe"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": "2030-01-01", "due_date": "2029-01-01"}, "due_date"),
        ({"budget": "-5"}, "budget"),
        ({"budget": "45000.01"}, "budget"),  # with AP 2 above the contract's 50,000
        ({"phase": "PHASE0"}, "contract"),  # the contract is bound to another phase
        ({"phase": "99999999999999999999999"}, "phase"),
    ],
)
def test_bad_work_packages_are_refused(world, client_for, changes, field):
    client = client_for("coordinator")
    url = reverse("process:work_package_edit", args=[world.package.pk])
    if changes.get("phase") == "PHASE0":
        changes["phase"] = str(world.phases[0].pk)
    response = client.post(url, _form_data(client, url, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors


def test_milestones_outside_their_phase_and_phases_out_of_order(world, client_for):
    client = client_for("coordinator")
    url = reverse("process:milestone_edit", args=[world.milestones[0].pk])
    response = client.post(url, _form_data(client, url, date="1990-01-01"))
    assert response.status_code == 400 and "date" in response.context["form"].errors
    ok = client.post(url, _form_data(client, url, time_of_day="19:00"))
    assert ok.status_code == 302  # a time of day is audited too
    assert Milestone.objects.get(pk=world.milestones[0].pk).time_of_day == datetime.time(19, 0)
    url = reverse("process:phase_edit", args=[world.phases[0].pk])
    response = client.post(url, _form_data(client, url, start="2030-01-01", end="2020-01-01"))
    assert response.status_code == 400 and "end" in response.context["form"].errors


def test_the_contractor_reports_and_the_steering_group_accepts(world, client_for):
    consultant = client_for("consultant")
    url = reverse("process:deliverable_deliver", args=[world.deliverable.pk])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = consultant.post(url, _form_data(consultant, url, delivered_on=tomorrow))
    assert response.status_code == 400  # not in the future
    today = timezone.localdate().isoformat()
    assert consultant.post(url, _form_data(consultant, url, delivered_on=today)).status_code == 302
    assert Deliverable.objects.get(pk=world.deliverable.pk).delivered_on == timezone.localdate()
    url = reverse("process:work_package_report", args=[world.package.pk])
    assert consultant.post(url, _form_data(consultant, url, status="accepted")).status_code == 400
    assert consultant.post(url, _form_data(consultant, url, status="delivered")).status_code == 302
    steering = client_for("steering_member")
    url = reverse("process:work_package_accept", args=[world.package.pk])
    rework = _form_data(steering, url, verdict="rework", acceptance_note="")
    response = steering.post(url, rework)
    assert response.status_code == 400 and "acceptance_note" in response.context["form"].errors
    accepted = _form_data(steering, url, verdict="accepted", accepted_on=today)
    assert steering.post(url, accepted).status_code == 302
    package = WorkPackage.objects.get(pk=world.package.pk)
    assert (package.status, package.accepted_on) == ("accepted", timezone.localdate())
    assert AuditEntry.objects.filter(changes__has_key="accepted_on").exists()
    # Accepted is final for the contractor; a second verdict on it is refused.
    url = reverse("process:work_package_report", args=[world.package.pk])
    assert (
        consultant.post(url, _form_data(consultant, url, status="in_progress")).status_code == 400
    )


def test_acceptance_needs_a_delivery(world, client_for):
    client = client_for("coordinator")
    url = reverse("process:work_package_accept", args=[world.package.pk])  # in progress
    today = timezone.localdate().isoformat()
    response = client.post(url, _form_data(client, url, verdict="accepted", accepted_on=today))
    assert response.status_code == 400


def test_deleting_a_task_is_audited(world, client_for):
    client = client_for("coordinator")
    url = reverse("process:task_delete", args=[world.task.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not Task.objects.filter(pk=world.task.pk).exists()
    assert AuditEntry.objects.filter(action="delete", object_repr="Öffentliche Aufgabe").exists()
