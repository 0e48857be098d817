"""Who may see and change what in the process. The public sees the schedule, the public
timeline and the public tasks; the rest is the working area of the people who run it.

The coordinators (both) run the process. The steering group oversees it ("Prozess
überwachen"): it sees the internal timeline and the dashboard and accepts work packages.
The consultant sees the work packages and reports progress on its own contracts.
The matrix is tested in tests/test_permissions.py (role × permission)."""

import rules

from stadtdach.accounts.permissions import is_consultant, is_coordinator, is_steering_member


@rules.predicate
def owns_task(user, task) -> bool:
    return task is not None and task.owner_id is not None and task.owner_id == user.pk


@rules.predicate
def holds_contract(user, work_package) -> bool:
    """The user is the contractor's account of the work package's contract."""
    contract = getattr(work_package, "contract", None)
    return contract is not None and contract.contact_id == user.pk


rules.add_perm("process.view_internal", is_coordinator | is_steering_member | is_consultant)
rules.add_perm("process.view_dashboard", is_coordinator | is_steering_member)
# The schedule.
rules.add_perm("process.change_phase", is_coordinator)
rules.add_perm("process.add_milestone", is_coordinator)
rules.add_perm("process.change_milestone", is_coordinator)
rules.add_perm("process.delete_milestone", is_coordinator)
rules.add_perm("process.add_draftstage", is_coordinator)
rules.add_perm("process.change_draftstage", is_coordinator)
# Tasks: owners keep their own task up to date.
rules.add_perm("process.add_task", is_coordinator)
rules.add_perm("process.change_task", is_coordinator | owns_task)
rules.add_perm("process.delete_task", is_coordinator)
# Contracts and work packages.
rules.add_perm("process.add_contract", is_coordinator)
rules.add_perm("process.change_contract", is_coordinator)
rules.add_perm("process.add_workpackage", is_coordinator)
rules.add_perm("process.change_workpackage", is_coordinator)
rules.add_perm("process.report_workpackage", is_coordinator | (is_consultant & holds_contract))
rules.add_perm("process.accept_workpackage", is_coordinator | is_steering_member)
# The tender specification.
rules.add_perm("process.add_specification", is_coordinator)
rules.add_perm("process.change_specification", is_coordinator)
rules.add_perm("process.export_specification", is_coordinator | is_steering_member)
