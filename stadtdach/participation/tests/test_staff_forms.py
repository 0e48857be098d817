"""The coordination's forms: processes and target groups (audited, safe against double
posts and bad input)."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.participation.models import ParticipationProcess, TargetGroup
from stadtdach.participation.tests.factories import build_participation
from stadtdach.process.models import DraftStage, Phase


@pytest.fixture
def world(db):
    return build_participation(contributions=1)


def _process_data(world, **changes):
    return {
        "title": "Jugendbeteiligung Skaterpark",
        "slug": "",
        "purpose": "Wo soll der Skaterpark hin?",
        "phase": world.phase.pk,
        "target_groups": [TargetGroup.objects.get(slug="jugendliche").pk],
        "channel": "both",
        "starts_at": "2027-03-01T09:00",
        "ends_at": "2027-03-31T18:00",
        "contributors": "registered",
        "moderation": "pre",
        "audience": "public",
        "formats": ["ideas"],
        "is_published": "on",
        "form_token": str(uuid.uuid4()),
        **changes,
    }


def test_the_coordination_opens_a_process(world, personas, client_for):
    client = client_for("participation_coordinator")
    data = _process_data(world)
    response = client.post(reverse("participation:process_add"), data)
    process = ParticipationProcess.objects.get(title="Jugendbeteiligung Skaterpark")
    assert response.status_code == 302 and response["Location"] == process.get_absolute_url()
    assert process.slug == "jugendbeteiligung-skaterpark"
    assert process.formats == ["ideas"] and process.moderation == "pre"
    assert process.state() == "upcoming"
    entry = AuditEntry.objects.get(object_repr=process.title)
    assert entry.action == "create" and entry.actor == personas.participation_coordinator
    again = client.post(reverse("participation:process_add"), data)  # sent twice
    assert again.status_code == 302
    assert ParticipationProcess.objects.filter(title=process.title).count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"ends_at": "2027-02-01T09:00"}, "ends_at", "order"),
        ({"formats": ["survey-that-does-not-exist"]}, "formats", "invalid_choice"),
        ({"formats": []}, "formats", "required"),
        ({"slug": "ideen"}, "slug", "taken"),
        ({"starts_at": "morgen"}, "starts_at", "invalid"),
        ({"phase": "9" * 30}, "phase", "invalid_choice"),
        ({"coordinator": "1"}, "coordinator", "invalid_choice"),  # not a coordinator
    ],
)
def test_bad_processes_are_refused(world, client_for, changes, field, code):
    response = client_for("coordinator").post(
        reverse("participation:process_add"), _process_data(world, **changes)
    )
    assert response.status_code == 400
    assert code in [e.code for e in response.context["form"].errors.as_data()[field]]


def test_a_draft_stage_must_belong_to_the_phase(world, client_for):
    other = Phase.objects.create(edition=world.world.edition, name="Umsetzung", slug="umsetzung")
    stage = DraftStage.objects.create(edition=world.world.edition, phase=other, name="Entwurf")
    response = client_for("coordinator").post(
        reverse("participation:process_add"), _process_data(world, draft_stage=stage.pk)
    )
    assert response.status_code == 400 and "draft_stage" in response.context["form"].errors


def test_editing_a_process_is_audited_and_stale_forms_refused(world, client_for):
    client = client_for("coordinator")
    url = reverse("participation:process_edit", args=[world.process.slug])
    form = client.get(url).context["form"]
    version = form["loaded_version"].value()
    data = _process_data(world, title="Ideen für die Altstadt", slug="ideen")
    data.pop("form_token")
    response = client.post(url, {**data, "loaded_version": version})
    assert response.status_code == 302
    world.process.refresh_from_db()
    assert world.process.title == "Ideen für die Altstadt"
    assert AuditEntry.objects.filter(object_id=str(world.process.pk), action="update").exists()
    stale = client.post(url, {**data, "title": "Veraltet", "loaded_version": version})
    assert stale.status_code == 302
    world.process.refresh_from_db()
    assert world.process.title == "Ideen für die Altstadt"


def test_target_groups_are_editable(world, client_for):
    client = client_for("participation_coordinator")
    response = client.post(
        reverse("participation:target_group_add"),
        {"name": "Menschen mit Behinderung", "order": 7, "form_token": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    group = TargetGroup.objects.get(name="Menschen mit Behinderung")
    assert group.slug == "menschen-mit-behinderung"
    page = client.get(reverse("participation:target_groups")).content.decode()
    assert group.name in page
    clash = client.post(
        reverse("participation:target_group_add"),
        {"name": "Familien", "slug": "familien", "form_token": str(uuid.uuid4())},
    )
    assert clash.status_code == 400
