"""Who may generate, see and publish reports and revisions. Published reports and all
revisions are public; drafts of reports are for the people who work on the ISEK.

The matrix is tested in tests/test_permissions.py (role × permission)."""

import rules

from stadtdach.accounts.permissions import is_consultant, is_coordinator, is_staff_role


@rules.predicate
def is_published(user, report) -> bool:
    return report is not None and report.is_public


rules.add_perm("reports.view_report", is_staff_role)
rules.add_perm("reports.download_report", is_published | is_staff_role)
rules.add_perm("reports.generate_isek_document", is_coordinator | is_consultant)
rules.add_perm("reports.generate_report", is_coordinator)
rules.add_perm("reports.publish_report", is_coordinator)
rules.add_perm("reports.publish_revision", is_coordinator)
