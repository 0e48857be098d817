"""Role × permission matrix of the finance app, and every staff form checks it."""

import pytest
from django.urls import reverse

from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.finance.models import BudgetLine
from stadtdach.finance.tests.factories import add_finance
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import build_world

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
MATRIX = {
    "finance.manage_catalogue": {C, P},
    "finance.change_measure_finance": {C, P, D},  # D: the measure of D's department
}


@pytest.fixture
def world(db, personas):
    world = build_world(measures=4)
    add_finance(world.edition)
    led = world.fields[0]
    led.lead_unit = personas.department_staff.unit
    led.save()
    world.led = Measure.objects.filter(action_field=led).first()
    world.other = Measure.objects.exclude(action_field=led).first()
    return world


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_role_permission_matrix(world, personas, persona):
    user = personas[persona]
    granted = {p for p in MATRIX if user.has_perm(p, world.led)}
    assert granted == {p for p, holders in MATRIX.items() if persona in holders}


def test_department_staff_only_for_their_own_measures(world, personas):
    staff = personas.department_staff
    line = BudgetLine.objects.filter(measure=world.led).first()
    assert staff.has_perm("finance.change_measure_finance", line)
    assert staff.has_perm("finance.change_measure_finance", world.led.funding)
    assert not staff.has_perm("finance.change_measure_finance", world.other)
    assert not staff.has_perm(
        "finance.change_measure_finance", BudgetLine.objects.filter(measure=world.other).first()
    )


def _urls(world) -> dict[str, str]:
    line = BudgetLine.objects.filter(measure=world.led).first()
    programme = world.led.funding.programme or world.other.funding.programme
    return {
        "programme_add": reverse("finance:programme_add"),
        "programme_edit": reverse("finance:programme_edit", args=[programme.slug]),
        "budget_add": reverse("finance:budget_add"),
        "budget_edit": reverse("finance:budget_edit", args=[2024]),
        "product_add": reverse("finance:product_add"),
        "funding_edit": reverse("finance:funding_edit", args=[world.led.pk]),
        "line_add": reverse("finance:line_add", args=[world.led.pk]),
        "line_edit": reverse("finance:line_edit", args=[line.pk]),
        "line_delete": reverse("finance:line_delete", args=[line.pk]),
    }


ALLOWED = {
    "programme_add": {C, P},
    "programme_edit": {C, P},
    "budget_add": {C, P},
    "budget_edit": {C, P},
    "product_add": {C, P},
    "funding_edit": {C, P, D},
    "line_add": {C, P, D},
    "line_edit": {C, P, D},
    "line_delete": {C, P, D},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_every_staff_form_checks_the_role(world, client_for, persona):
    client = client_for(persona)
    for name, url in _urls(world).items():
        response = client.get(url)
        if persona == A:
            assert response.status_code == 302 and "/konto/anmelden/" in response["Location"], name
        elif persona in ALLOWED[name]:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name
            assert client.post(url, {}).status_code == 403, name


def test_foreign_measures_are_refused_to_department_staff(world, client_for):
    client = client_for("department_staff")
    assert client.get(reverse("finance:funding_edit", args=[world.other.pk])).status_code == 403
    assert client.get(reverse("finance:line_add", args=[world.other.pk])).status_code == 403
