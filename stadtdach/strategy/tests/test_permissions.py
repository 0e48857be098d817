"""Role × permission matrix of the strategy, and the same rules enforced on every edit view."""

import pytest
from django.urls import reverse

from stadtdach.core.testing.personas import ALL_NAMES
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
EVERY_STAFF_ROLE = {C, P, X, S, D}

# permission → the personas that hold it (for the object named in the test, see below).
MATRIX = {
    "strategy.add_actionfield": {C, P},
    "strategy.change_actionfield": {C, P},
    "strategy.select_actionfield": {C, P, S},
    "strategy.add_crosscuttingtheme": {C, P},
    "strategy.change_crosscuttingtheme": {C, P},
    "strategy.change_vision": {C, P, X},
    "strategy.rate_actionfield": {C, P, X, S},
    "strategy.rate_measure": {C, P, X, S, D},  # D: the measure is led by D's department
    "strategy.add_concept": {C, P, D},
    "strategy.change_concept": {C, P, D},
    "strategy.delete_concept": {C, P},
    "strategy.add_evaluationfinding": {C, P},
    "strategy.change_evaluationfinding": {C, P},
    "strategy.delete_evaluationfinding": {C, P},
    "strategy.add_expectation": {C, P},
    "strategy.change_expectation": {C, P},
    "strategy.delete_expectation": {C, P},
    "strategy.add_goal": {C, P, X, D},  # D: in a field D's department leads
    "strategy.change_goal": {C, P, X, D},
    "strategy.delete_goal": {C, P},
    "strategy.add_swotentry": {C, P, X, D},
    "strategy.change_swotentry": {C, P, X, D},
    "strategy.delete_swotentry": {C, P, X},
    "strategy.add_measure": {C, P, X, D},
    "strategy.change_measure": {C, P, X, D},
    "strategy.delete_measure": {C, P},
    "core.view_auditentry": {C, P},
    "accounts.view_workspace": EVERY_STAFF_ROLE | {R},
}


@pytest.fixture
def world(db, personas):
    world = build_world(measures=3)
    unit = personas.department_staff.unit
    led = world.fields[0]
    led.lead_unit = unit
    led.save()
    world.led_measure = Measure.objects.filter(action_field=led).first()
    world.led_goal = world.goals[0]
    return world


def _object_for(permission: str, world):
    if permission.endswith(("_measure",)) and not permission.startswith("strategy.add"):
        return world.led_measure
    if permission in ("strategy.change_goal", "strategy.delete_goal"):
        return world.led_goal
    if permission in ("strategy.add_goal", "strategy.add_swotentry"):
        return world.fields[0]
    if permission in ("strategy.change_swotentry", "strategy.delete_swotentry"):
        return world.fields[0].swot_entries.first()
    return None


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_role_permission_matrix(world, personas, persona):
    user = personas[persona]
    granted = {perm for perm in MATRIX if user.has_perm(perm, _object_for(perm, world))}
    expected = {perm for perm, holders in MATRIX.items() if persona in holders}
    assert granted == expected


def test_department_staff_only_for_their_own_department(world, personas):
    staff = personas.department_staff
    foreign_measure = Measure.objects.exclude(action_field=world.fields[0]).first()
    assert not staff.has_perm("strategy.change_measure", foreign_measure)
    assert not staff.has_perm("strategy.rate_measure", foreign_measure)
    assert not staff.has_perm("strategy.add_goal", world.fields[1])
    assert staff.has_perm("strategy.change_measure", world.led_measure)


def test_inactive_user_has_no_rights(world, personas):
    coordinator = personas.coordinator
    coordinator.is_active = False
    coordinator.save()
    assert not coordinator.has_perm("strategy.change_actionfield")


def _edit_urls(world) -> dict[str, str]:
    measure = world.led_measure
    field = world.fields[0]
    concept = world.concepts[0]
    return {
        "action_field_add": reverse("strategy:action_field_add"),
        "action_field_edit": reverse("strategy:action_field_edit", args=[field.slug]),
        "action_field_select": reverse("strategy:action_field_select", args=[field.slug]),
        "action_field_ratings": reverse("strategy:action_field_ratings", args=[field.slug]),
        "theme_add": reverse("strategy:theme_add"),
        "theme_edit": reverse("strategy:theme_edit", args=[world.themes[0].slug]),
        "vision_edit": reverse("strategy:vision_edit"),
        "principle_add": reverse("strategy:principle_add"),
        "concept_add": reverse("strategy:concept_add"),
        "concept_edit": reverse("strategy:concept_edit", args=[concept.slug]),
        "concept_delete": reverse("strategy:concept_delete", args=[concept.slug]),
        "finding_add": reverse("strategy:finding_add"),
        "expectation_add": reverse("strategy:expectation_add"),
        "goal_add": reverse("strategy:goal_add", args=[field.slug]),
        "goal_edit": reverse("strategy:goal_edit", args=[world.led_goal.pk]),
        "goal_delete": reverse("strategy:goal_delete", args=[world.led_goal.pk]),
        "swot_add": reverse("strategy:swot_add", args=[field.slug]),
        "measure_add": reverse("strategy:measure_add"),
        "measure_edit": reverse("strategy:measure_edit", args=[measure.pk]),
        "measure_ratings": reverse("strategy:measure_ratings", args=[measure.pk]),
        "measure_delete": reverse("strategy:measure_delete", args=[measure.pk]),
        "audit_log": reverse("core:audit_log"),
        "workspace": reverse("communication:workspace"),
    }


ALLOWED = {
    "action_field_add": {C, P},
    "action_field_edit": {C, P},
    "action_field_select": {C, P, S},
    "action_field_ratings": {C, P, X, S},
    "theme_add": {C, P},
    "theme_edit": {C, P},
    "vision_edit": {C, P, X},
    "principle_add": {C, P, X},
    "concept_add": {C, P, D},
    "concept_edit": {C, P, D},
    "concept_delete": {C, P},
    "finding_add": {C, P},
    "expectation_add": {C, P},
    "goal_add": {C, P, X, D},
    "goal_edit": {C, P, X, D},
    "goal_delete": {C, P},
    "swot_add": {C, P, X, D},
    "measure_add": {C, P, X, D},
    "measure_edit": {C, P, X, D},
    "measure_ratings": {C, P, X, S, D},
    "measure_delete": {C, P},
    "audit_log": {C, P},
    "workspace": EVERY_STAFF_ROLE | {R},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_every_edit_view_checks_the_role(world, client_for, persona):
    client = client_for(persona)
    for name, url in _edit_urls(world).items():
        get = client.get(url)
        post = client.post(url, {})
        if persona == A:
            assert get.status_code == 302 and "/konto/anmelden/" in get["Location"], name
            assert post.status_code == 302 and "/konto/anmelden/" in post["Location"], name
        elif persona in ALLOWED[name]:
            assert get.status_code == 200, name
        else:
            assert get.status_code == 403, name
            assert post.status_code == 403, name
