import pytest
from django.contrib.auth.models import Group

from stadtdach.accounts.models import Role
from stadtdach.accounts.roles import COORDINATORS, RoleCode

pytestmark = pytest.mark.django_db


def test_migration_created_a_group_and_a_role_per_code():
    roles = list(Role.objects.select_related("group"))

    assert [role.code for role in roles] == list(RoleCode.values)  # in the process's order
    assert all(role.group.name == role.code for role in roles)
    assert set(Group.objects.values_list("name", flat=True)) >= set(RoleCode.values)


def test_roles_have_german_names_and_no_model_permissions():
    role = Role.objects.get(code=RoleCode.STEERING_GROUP)

    assert role.name == "Steuerungsgruppe"
    assert str(role) == "Steuerungsgruppe"
    assert not role.group.permissions.exists()


def test_both_coordinations_count_as_coordinators():
    assert {RoleCode.COORDINATION_ADMIN, RoleCode.COORDINATION_PARTICIPATION} == COORDINATORS


def test_role_codes_are_read_once(personas, django_assert_num_queries):
    user = personas.consultant
    with django_assert_num_queries(1):
        assert user.role_codes == {"consultant"}
        assert user.role_codes == {"consultant"}


def test_inactive_user_has_no_roles(personas):
    user = personas.coordinator
    user.is_active = False

    assert user.role_codes == frozenset()
