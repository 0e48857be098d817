"""Role × permission matrix of the reports app."""

import pytest

from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.reports.models import Report

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
STAFF = {C, P, X, S, D, R}
MATRIX = {
    "reports.view_report": STAFF,
    "reports.download_report": STAFF,  # an unpublished report
    "reports.generate_isek_document": {C, P, X},
    "reports.generate_report": {C, P},
    "reports.publish_report": {C, P},
    "reports.publish_revision": {C, P},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_role_permission_matrix(world, personas, persona):
    report = Report.objects.create(kind="isek", format="pdf", edition=world.edition, title="x")
    user = personas[persona]
    granted = {p for p in MATRIX if user.has_perm(p, report)}
    assert granted == {p for p, holders in MATRIX.items() if persona in holders}
    report.is_public = True
    assert user.has_perm("reports.download_report", report)
