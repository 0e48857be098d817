"""Who may change what in the strategy. Reading is public; every change needs a role.

The matrix is tested in tests/test_permissions.py (role × permission)."""

import rules

from stadtdach.accounts.permissions import (
    is_administration,
    is_consultant,
    is_coordinator,
    is_steering_member,
)


@rules.predicate
def leads_action_field(user, action_field) -> bool:
    """The user's department leads this action field."""
    return (
        action_field is not None
        and user.unit_id is not None
        and action_field.lead_unit_id == user.unit_id
    )


@rules.predicate
def leads_measure(user, measure) -> bool:
    """The user's department leads the measure or its action field."""
    if measure is None or user.unit_id is None:
        return False
    return user.unit_id in (measure.lead_unit_id, measure.action_field.lead_unit_id)


@rules.predicate
def leads_goal_or_entry(user, obj) -> bool:
    """For goals and SWOT entries: the user's department leads their action field."""
    return obj is not None and leads_action_field(user, obj.action_field)


drafting = is_coordinator | is_consultant
department = is_administration

# Catalogue of action fields and themes, the house and the vision.
rules.add_perm("strategy.add_actionfield", is_coordinator)
rules.add_perm("strategy.change_actionfield", is_coordinator)
rules.add_perm("strategy.select_actionfield", is_coordinator | is_steering_member)
rules.add_perm("strategy.add_crosscuttingtheme", is_coordinator)
rules.add_perm("strategy.change_crosscuttingtheme", is_coordinator)
rules.add_perm("strategy.change_vision", drafting)
rules.add_perm("strategy.change_foundationelement", is_coordinator)
# Ratings against the cross-cutting themes.
rules.add_perm("strategy.rate_actionfield", drafting | is_steering_member)
rules.add_perm(
    "strategy.rate_measure", drafting | is_steering_member | (department & leads_measure)
)
# Concepts, findings and the expectations register.
rules.add_perm("strategy.add_concept", is_coordinator | department)
rules.add_perm("strategy.change_concept", is_coordinator | department)
rules.add_perm("strategy.delete_concept", is_coordinator)
rules.add_perm("strategy.add_evaluationfinding", is_coordinator)
rules.add_perm("strategy.change_evaluationfinding", is_coordinator)
rules.add_perm("strategy.delete_evaluationfinding", is_coordinator)
rules.add_perm("strategy.add_expectation", is_coordinator)
rules.add_perm("strategy.change_expectation", is_coordinator)
rules.add_perm("strategy.delete_expectation", is_coordinator)
# Goals, SWOT and measures: the object of add_* is the action field they go into.
rules.add_perm("strategy.add_goal", drafting | (department & leads_action_field))
rules.add_perm("strategy.change_goal", drafting | (department & leads_goal_or_entry))
rules.add_perm("strategy.delete_goal", is_coordinator)
rules.add_perm("strategy.add_swotentry", drafting | (department & leads_action_field))
rules.add_perm("strategy.change_swotentry", drafting | (department & leads_goal_or_entry))
rules.add_perm("strategy.delete_swotentry", drafting)
rules.add_perm("strategy.add_measure", drafting | department)
rules.add_perm("strategy.change_measure", drafting | (department & leads_measure))
rules.add_perm("strategy.delete_measure", is_coordinator)
