"""Role × permission matrix of the process, and the same rules enforced on every page and
form of the process per role."""

import pytest
from django.urls import reverse

from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.process.tests.factories import build_process_world

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
    "process.view_internal": {C, P, X, S},
    "process.view_dashboard": {C, P, S},
    "process.change_phase": {C, P},
    "process.add_milestone": {C, P},
    "process.change_milestone": {C, P},
    "process.delete_milestone": {C, P},
    "process.add_draftstage": {C, P},
    "process.change_draftstage": {C, P},
    "process.add_task": {C, P},
    "process.change_task": {C, P, D},  # D owns the task in question
    "process.delete_task": {C, P},
    "process.add_contract": {C, P},
    "process.change_contract": {C, P},
    "process.add_workpackage": {C, P},
    "process.change_workpackage": {C, P},
    "process.report_workpackage": {C, P, X},  # X is the contract's account
    "process.accept_workpackage": {C, P, S},
    "process.add_specification": {C, P},
    "process.change_specification": {C, P},
    "process.export_specification": {C, P, S},
}


@pytest.fixture
def world(db, personas):
    return build_process_world(owner=personas.department_staff, contractor=personas.consultant)


def _object_for(permission: str, world):
    if permission == "process.change_task":
        return world.owned_task
    if permission in ("process.report_workpackage",):
        return world.package
    return None


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_role_permission_matrix(world, personas, persona):
    user = personas[persona]
    granted = {perm for perm in MATRIX if user.has_perm(perm, _object_for(perm, world))}
    assert granted == {perm for perm, holders in MATRIX.items() if persona in holders}


def test_owners_and_contractors_only_for_their_own(world, personas):
    assert not personas.department_staff.has_perm("process.change_task", world.task)
    other = world.contract
    other.contact = None
    other.save()
    assert not personas.consultant.has_perm("process.report_workpackage", world.package)


def _pages(world) -> dict[str, str]:
    spec = world.specification
    section = spec.sections.first()
    return {
        "timeline_internal": reverse("process:timeline_internal"),
        "dashboard": reverse("process:dashboard"),
        "work_packages": reverse("process:work_package_list"),
        "work_package": world.package.get_absolute_url(),
        "contract": world.contract.get_absolute_url(),
        "specifications": reverse("process:specification_list"),
        "specification": spec.get_absolute_url(),
        "docx": reverse("process:specification_docx", args=[spec.pk]),
        "phase_edit": reverse("process:phase_edit", args=[world.phases[0].pk]),
        "milestone_add": reverse("process:milestone_add"),
        "milestone_edit": reverse("process:milestone_edit", args=[world.milestones[0].pk]),
        "milestone_delete": reverse("process:milestone_delete", args=[world.milestones[0].pk]),
        "draft_stage_add": reverse("process:draft_stage_add"),
        "task_add": reverse("process:task_add"),
        "task_edit": reverse("process:task_edit", args=[world.owned_task.pk]),
        "task_delete": reverse("process:task_delete", args=[world.task.pk]),
        "contract_add": reverse("process:contract_add"),
        "contract_edit": reverse("process:contract_edit", args=[world.contract.pk]),
        "work_package_add": reverse("process:work_package_add"),
        "work_package_edit": reverse("process:work_package_edit", args=[world.package.pk]),
        "work_package_report": reverse("process:work_package_report", args=[world.package.pk]),
        "work_package_accept": reverse(
            "process:work_package_accept", args=[world.delivered_package.pk]
        ),
        "deliverable_add": reverse("process:deliverable_add", args=[world.package.pk]),
        "deliverable_edit": reverse("process:deliverable_edit", args=[world.deliverable.pk]),
        "deliverable_deliver": reverse("process:deliverable_deliver", args=[world.deliverable.pk]),
        "specification_add": reverse("process:specification_add"),
        "specification_edit": reverse("process:specification_edit", args=[spec.pk]),
        "section_add": reverse("process:section_add", args=[spec.pk]),
        "section_edit": reverse("process:section_edit", args=[section.pk]),
        "item_add": reverse("process:item_add", args=[section.pk]),
    }


INTERNAL = {C, P, X, S}
ALLOWED = {
    "timeline_internal": INTERNAL,
    "dashboard": {C, P, S},
    "work_packages": INTERNAL,
    "work_package": INTERNAL,
    "contract": INTERNAL,
    "specifications": INTERNAL,
    "specification": INTERNAL,
    "docx": {C, P, S},
    "phase_edit": {C, P},
    "milestone_add": {C, P},
    "milestone_edit": {C, P},
    "milestone_delete": {C, P},
    "draft_stage_add": {C, P},
    "task_add": {C, P},
    "task_edit": {C, P, D},
    "task_delete": {C, P},
    "contract_add": {C, P},
    "contract_edit": {C, P},
    "work_package_add": {C, P},
    "work_package_edit": {C, P},
    "work_package_report": {C, P, X},
    "work_package_accept": {C, P, S},
    "deliverable_add": {C, P},
    "deliverable_edit": {C, P},
    "deliverable_deliver": {C, P, X},
    "specification_add": {C, P},
    "specification_edit": {C, P},
    "section_add": {C, P},
    "section_edit": {C, P},
    "item_add": {C, P},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_every_page_and_form_checks_the_role(world, client_for, persona):
    client = client_for(persona)
    for name, url in _pages(world).items():
        response = client.get(url)
        if persona == A:
            assert response.status_code == 302 and "/konto/anmelden/" in response["Location"], name
        elif persona in ALLOWED[name]:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name
            assert client.post(url, {}).status_code == 403, name


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_public_pages_show_internal_tasks_only_to_insiders(world, client_for, persona):
    client = client_for(persona)
    listing = client.get(reverse("process:task_list")).content.decode()
    detail = client.get(world.internal_task.get_absolute_url())
    assert "Öffentliche Aufgabe" in listing
    if persona in INTERNAL:
        assert "Interne Aufgabe" in listing and detail.status_code == 200
    else:
        assert "Interne Aufgabe" not in listing and detail.status_code == 404
    overview = client.get(reverse("process:overview")).content.decode()
    assert "Interne Aufgabe" not in overview
    public_timeline = client.get(reverse("process:timeline")).content.decode()
    assert "AP 1" not in public_timeline


def test_build_and_export_need_their_right(world, client_for):
    spec = world.specification
    for persona in (S, X, B):
        client = client_for(persona)
        assert (
            client.post(reverse("process:specification_build", args=[spec.pk])).status_code == 403
        )
    assert (
        client_for(X)
        .post(reverse("process:specification_export_request", args=[spec.pk]), {"format": "pdf"})
        .status_code
        == 403
    )
    anonymous = client_for(A).post(reverse("process:specification_build", args=[spec.pk]))
    assert anonymous.status_code == 302
