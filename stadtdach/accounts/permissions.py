"""Role predicates that every app's permissions.py builds on."""

import rules

from stadtdach.accounts.roles import COORDINATORS, RoleCode


def _roles(user) -> frozenset[str]:
    if user is None or not user.is_authenticated:
        return frozenset()
    return user.role_codes


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(_roles(user) & COORDINATORS) or bool(getattr(user, "is_superuser", False))


@rules.predicate
def is_consultant(user) -> bool:
    return RoleCode.CONSULTANT in _roles(user)


@rules.predicate
def is_steering_member(user) -> bool:
    return RoleCode.STEERING_GROUP in _roles(user)


@rules.predicate
def is_administration(user) -> bool:
    return RoleCode.ADMINISTRATION in _roles(user)


@rules.predicate
def is_council_member(user) -> bool:
    return RoleCode.COUNCIL in _roles(user)


@rules.predicate
def is_staff_role(user) -> bool:
    """Anybody who works on the ISEK (everyone but citizens and visitors)."""
    return bool(_roles(user) - {RoleCode.CITIZEN}) or bool(getattr(user, "is_superuser", False))


rules.add_perm("accounts.view_workspace", is_staff_role)
# The audit log shows who changed what: for the coordinators, who run the process.
rules.add_perm("core.view_auditentry", is_coordinator)
