"""Who may report and change what in implementation and monitoring. The dashboards are
public (citizens follow the measures); every change needs a role.

The matrix is tested in tests/test_permissions.py (role × permission)."""

import rules

from stadtdach.accounts.permissions import is_administration, is_consultant, is_coordinator
from stadtdach.monitoring.models import MeasureImplementation
from stadtdach.strategy.permissions import leads_action_field, leads_measure


@rules.predicate
def responsible_for(user, obj) -> bool:
    """The user's department leads the measure (or its action field), or is named as
    responsible for its implementation. ``obj`` is a measure or something that has one
    (milestone, progress update, implementation record)."""
    if obj is None or user.unit_id is None:
        return False
    measure = getattr(obj, "measure", obj)
    if leads_measure(user, measure):
        return True
    try:
        implementation = measure.implementation
    except MeasureImplementation.DoesNotExist:
        return False
    return implementation.responsible_unit_id == user.unit_id


@rules.predicate
def leads_indicator_subject(user, indicator) -> bool:
    """For an indicator (or one of its values): the user's department leads its measure
    or action field."""
    if indicator is None or user.unit_id is None:
        return False
    indicator = getattr(indicator, "indicator", indicator)
    if indicator.measure_id:
        return leads_measure(user, indicator.measure)
    return leads_action_field(user, indicator.action_field)


department = is_administration
drafting = is_coordinator | is_consultant

# Reporting progress of a measure (the short form, milestones, the file import).
rules.add_perm("monitoring.update_progress", is_coordinator | (department & responsible_for))
rules.add_perm("monitoring.import_progress", is_coordinator | department)
rules.add_perm("monitoring.change_implementation", is_coordinator)
# Indicators: defined by coordinators and the consultant, values entered by the
# departments concerned as well.
rules.add_perm("monitoring.add_indicator", drafting)
rules.add_perm("monitoring.change_indicator", drafting | (department & leads_indicator_subject))
rules.add_perm("monitoring.delete_indicator", is_coordinator)
rules.add_perm("monitoring.enter_values", is_coordinator | (department & leads_indicator_subject))
rules.add_perm("monitoring.import_values", is_coordinator | department)
# Overviews of who still has to report, reminders and everybody's imports.
rules.add_perm("monitoring.view_updates", is_coordinator | department)
rules.add_perm("monitoring.view_all_updates", is_coordinator)
rules.add_perm("monitoring.send_reminders", is_coordinator)
rules.add_perm("monitoring.view_all_imports", is_coordinator)
