"""Role × permission matrix of the monitoring app, and every staff page checks it."""

import pytest
from django.urls import reverse

from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.monitoring.models import ImplementationMilestone, Indicator, MeasureImplementation
from stadtdach.monitoring.tests.factories import add_monitoring

C, P, X, S, D, R, B, A = (
    "coordinator",
    "participation_coordinator",
    "consultant",
    "steering_member",
    "department_staff",
    "council_member",
    "citizen",
    "anonymous",
)
# permission → holders, for the objects chosen in _object_for (the department's own)
MATRIX = {
    "monitoring.update_progress": {C, P, D},
    "monitoring.import_progress": {C, P, D},
    "monitoring.change_implementation": {C, P},
    "monitoring.add_indicator": {C, P, X},
    "monitoring.change_indicator": {C, P, X, D},
    "monitoring.delete_indicator": {C, P},
    "monitoring.enter_values": {C, P, D},
    "monitoring.import_values": {C, P, D},
    "monitoring.view_updates": {C, P, D},
    "monitoring.view_all_updates": {C, P},
    "monitoring.send_reminders": {C, P},
    "monitoring.view_all_imports": {C, P},
}


@pytest.fixture
def monitored(world):
    add_monitoring(world.edition)
    world.indicator = Indicator.objects.get(kind="context", action_field=world.fields[0])
    return world


def _object_for(permission, world):
    if permission in ("monitoring.update_progress",):
        return world.led.first()
    if permission in ("monitoring.change_indicator", "monitoring.enter_values"):
        return world.indicator
    return None


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_role_permission_matrix(monitored, personas, persona):
    user = personas[persona]
    granted = {p for p in MATRIX if user.has_perm(p, _object_for(p, monitored))}
    assert granted == {p for p, holders in MATRIX.items() if persona in holders}


def test_department_staff_report_for_their_department_or_when_named_responsible(
    monitored, personas
):
    staff = personas.department_staff
    foreign = monitored.other.first()
    assert not staff.has_perm("monitoring.update_progress", foreign)
    MeasureImplementation.objects.filter(measure=foreign).update(responsible_unit=staff.unit)
    foreign = (
        type(foreign).objects.select_related("action_field", "implementation").get(pk=foreign.pk)
    )
    assert staff.has_perm("monitoring.update_progress", foreign)
    milestone = ImplementationMilestone.objects.filter(measure=monitored.led.first()).first()
    assert staff.has_perm("monitoring.update_progress", milestone)
    other_indicator = (
        Indicator.objects.filter(kind="context").exclude(pk=monitored.indicator.pk).first()
    )
    assert not staff.has_perm("monitoring.enter_values", other_indicator)


def _urls(world) -> dict[str, str]:
    measure = world.led.first()
    milestone = ImplementationMilestone.objects.filter(measure=measure).first()
    value = world.indicator.values.first()
    return {
        "progress": reverse("monitoring:progress_update", args=[measure.pk]),
        "implementation": reverse("monitoring:implementation_edit", args=[measure.pk]),
        "milestone_add": reverse("monitoring:milestone_add", args=[measure.pk]),
        "milestone_edit": reverse("monitoring:milestone_edit", args=[milestone.pk]),
        "milestone_delete": reverse("monitoring:milestone_delete", args=[milestone.pk]),
        "indicator_add": reverse("monitoring:indicator_add"),
        "indicator_edit": reverse("monitoring:indicator_edit", args=[world.indicator.pk]),
        "indicator_delete": reverse("monitoring:indicator_delete", args=[world.indicator.pk]),
        "value_add": reverse("monitoring:value_add", args=[world.indicator.pk]),
        "value_edit": reverse("monitoring:value_edit", args=[value.pk]),
        "value_delete": reverse("monitoring:value_delete", args=[value.pk]),
        "import": reverse("monitoring:import_start"),
        "template": reverse("monitoring:import_template") + "?art=fortschritt&format=csv",
        "updates": reverse("monitoring:updates"),
    }


ALLOWED = {
    "progress": {C, P, D},
    "implementation": {C, P},
    "milestone_add": {C, P, D},
    "milestone_edit": {C, P, D},
    "milestone_delete": {C, P, D},
    "indicator_add": {C, P, X},
    "indicator_edit": {C, P, X, D},
    "indicator_delete": {C, P},
    "value_add": {C, P, D},
    "value_edit": {C, P, D},
    "value_delete": {C, P, D},
    "import": {C, P, D},
    "template": {C, P, D},
    "updates": {C, P, D},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_every_staff_page_checks_the_role(monitored, client_for, persona):
    client = client_for(persona)
    for name, url in _urls(monitored).items():
        response = client.get(url)
        if persona == A:
            assert response.status_code == 302 and "/konto/anmelden/" in response["Location"], name
        elif persona in ALLOWED[name]:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name
            assert client.post(url, {}).status_code == 403, name


def test_public_pages_are_open_to_everyone(monitored, client_for):
    measure = monitored.led.first()
    for url in (
        reverse("monitoring:dashboard"),
        reverse("monitoring:action_field", args=[monitored.fields[0].slug]),
        reverse("monitoring:measure_list"),
        reverse("monitoring:measure", args=[measure.pk]),
        reverse("monitoring:indicator_list"),
        reverse("monitoring:indicator_detail", args=[monitored.indicator.pk]),
    ):
        assert client_for("anonymous").get(url).status_code == 200, url
