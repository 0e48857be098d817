"""Role predicates against the whole persona cast (a role matrix)."""

import pytest
from django.contrib.auth import get_user_model

from stadtdach.accounts import permissions
from stadtdach.core.testing.personas import ALL_NAMES

STAFF = {
    "coordinator",
    "participation_coordinator",
    "consultant",
    "steering_member",
    "department_staff",
    "council_member",
}
# Which personas each predicate admits; everybody else (and the anonymous visitor) is refused.
MATRIX = {
    permissions.is_coordinator: {"coordinator", "participation_coordinator"},
    permissions.is_consultant: {"consultant"},
    permissions.is_steering_member: {"steering_member"},
    permissions.is_administration: {"department_staff"},
    permissions.is_council_member: {"council_member"},
    permissions.is_staff_role: STAFF,
}

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ALL_NAMES)
@pytest.mark.parametrize("predicate", list(MATRIX), ids=lambda p: p.name)
def test_role_predicates(personas, predicate, persona):
    assert predicate.test(personas[persona]) is (persona in MATRIX[predicate])


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_workspace_is_for_everyone_working_on_the_isek(personas, persona):
    assert personas[persona].has_perm("accounts.view_workspace") is (persona in STAFF)


@pytest.mark.parametrize("predicate", list(MATRIX), ids=lambda p: p.name)
def test_no_user_no_permission(predicate):
    assert predicate.test(None) is False


def test_superuser_counts_as_coordinator_and_staff():
    admin = get_user_model().objects.create_superuser("technik", "t@example.org", "x" * 12)

    assert permissions.is_coordinator.test(admin)
    assert permissions.is_staff_role.test(admin)
    assert not permissions.is_council_member.test(admin)


def test_deactivated_persona_loses_its_role(personas):
    user = personas.coordinator
    user.is_active = False
    user.save()
    fresh = get_user_model().objects.get(pk=user.pk)

    assert not permissions.is_coordinator.test(fresh)
    assert not fresh.has_perm("accounts.view_workspace")
