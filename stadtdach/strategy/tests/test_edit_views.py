"""Staff editing through the site's own forms: saved atomically, audited, and bad input is
answered with a German message and nothing saved."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.strategy.models import (
    ActionField,
    ActionFieldThemeRating,
    Concept,
    EditionActionField,
    Measure,
)
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db):
    return build_world(measures=3)


@pytest.fixture
def coordinator(client_for):
    return client_for("coordinator")


def measure_data(world, **overrides) -> dict:
    data = {
        "code": "NEU-1",
        "title": "Neue Maßnahme",
        "description": "Beschreibung",
        "action_field": world.fields[0].pk,
        "goals": [world.goals[0].pk],
        "priority": "A",
        "status": "planned",
        "partners": "",
        "start": "2026-01-01",
        "end": "2026-12-31",
        "estimated_cost": "1234.50",
        "place_name": "Markt",
        "place": '{"type": "Point", "coordinates": [10.72, 53.38]}',
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_coordinator_changes_a_measure_and_the_audit_log_shows_it(world, coordinator):
    measure = Measure.objects.first()
    form = coordinator.get(reverse("strategy:measure_edit", args=[measure.pk]))
    version = form.context["form"]["loaded_version"].value()
    data = measure_data(
        world, title="Geänderter Titel", status="implementation", loaded_version=version
    )
    data.pop("form_token")
    response = coordinator.post(reverse("strategy:measure_edit", args=[measure.pk]), data)
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Geänderter Titel"
    entry = AuditEntry.objects.filter(object_id=str(measure.pk), action="update").get()
    assert entry.changes["title"][1] == "Geänderter Titel"
    assert entry.changes["status"][1] == "implementation"
    assert entry.actor.username == "persona-coordinator"
    log = coordinator.get(reverse("core:audit_log")).content.decode()
    assert "Geänderter Titel" in log and "Krüger" in log


def test_a_create_form_posted_twice_saves_once(world, coordinator):
    data = measure_data(world)
    first = coordinator.post(reverse("strategy:measure_add"), data)
    second = coordinator.post(reverse("strategy:measure_add"), data, follow=True)
    assert first.status_code == 302
    assert Measure.objects.filter(code="NEU-1").count() == 1
    assert "bereits gesendet" in second.content.decode()
    created = Measure.objects.get(code="NEU-1")
    assert created.edition == world.edition
    assert created.place == {"type": "Point", "coordinates": [10.72, 53.38]}
    assert str(created.estimated_cost) == "1234.50"


def test_a_stale_form_does_not_overwrite_a_newer_save(world, coordinator):
    measure = Measure.objects.first()
    url = reverse("strategy:measure_edit", args=[measure.pk])
    version = coordinator.get(url).context["form"]["loaded_version"].value()
    Measure.objects.filter(pk=measure.pk).update(title="Von jemand anderem")
    measure.refresh_from_db()
    measure.save()  # bumps modified like another save would
    data = measure_data(world, title="Mein Stand", loaded_version=version)
    response = coordinator.post(url, data, follow=True)
    measure.refresh_from_db()
    assert measure.title == "Von jemand anderem"
    assert "inzwischen" in response.content.decode() or "nachdem Sie" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "x" * 301}, "title", "höchstens 300 Zeichen"),
        ({"title": ""}, "title", "Dieses Feld ist zwingend erforderlich"),
        ({"description": "Text mit \x00 Nullbyte"}, "description", "Null"),
        ({"description": "y" * 20_001}, "description", "höchstens 20000 Zeichen"),
        ({"place": "{kein json"}, "place", "kein gültiges JSON"),
        ({"place": '{"type": "LineString", "coordinates": [[1, 2], [3, 4]]}'}, "place", "Punkt"),
        ({"place": '{"type": "Point", "coordinates": [200, 95]}'}, "place", "außerhalb"),
        ({"end": "2025-01-01"}, "end", "vor dem Beginn"),
        ({"estimated_cost": "-5"}, "estimated_cost", "negativ"),
        ({"estimated_cost": "viel"}, "estimated_cost", "Zahl"),
        ({"start": "31.02.2026"}, "start", "Datum"),
        ({"action_field": "999999"}, "action_field", "gültige Auswahl"),
    ],
)
def test_bad_measure_input_is_refused_in_german_and_nothing_is_saved(
    world, coordinator, overrides, field, message
):
    count = Measure.objects.count()
    audit_count = AuditEntry.objects.count()
    response = coordinator.post(reverse("strategy:measure_add"), measure_data(world, **overrides))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, errors
    assert 'class="error-summary"' in response.content.decode()
    assert Measure.objects.count() == count
    assert AuditEntry.objects.count() == audit_count


def test_goals_of_another_action_field_are_refused(world, coordinator):
    data = measure_data(world, goals=[world.goals[1].pk])
    response = coordinator.post(reverse("strategy:measure_add"), data)
    assert response.status_code == 400
    assert "Handlungsfeld" in " ".join(response.context["form"].errors["goals"])


def test_ratings_are_saved_audited_and_checked(world, coordinator):
    field = world.fields[0]
    theme_a, theme_b, theme_c = world.themes
    url = reverse("strategy:action_field_ratings", args=[field.slug])
    response = coordinator.post(
        url,
        {
            f"score_{theme_a.pk}": "3",
            f"justification_{theme_a.pk}": "Zentral",
            f"score_{theme_b.pk}": "",
            f"justification_{theme_b.pk}": "",
            f"score_{theme_c.pk}": "2",
            f"justification_{theme_c.pk}": "Begründung",
        },
    )
    assert response.status_code == 302
    ratings = {r.theme_id: r for r in ActionFieldThemeRating.objects.filter(action_field=field)}
    assert ratings[theme_a.pk].score == 3
    assert theme_b.pk not in ratings  # emptied: the rating is removed
    assert AuditEntry.objects.filter(action="delete").count() == 1
    bad = coordinator.post(
        url,
        {f"score_{theme_a.pk}": "", f"justification_{theme_a.pk}": "x", f"score_{theme_b.pk}": "7"},
    )
    assert bad.status_code == 400
    assert ActionFieldThemeRating.objects.get(action_field=field, theme=theme_a).score == 3


def test_action_field_selection_needs_a_reason(world, client_for):
    steering = client_for("steering_member")
    field = ActionField.objects.create(name="Energie", slug="energie", order=99)
    url = reverse("strategy:action_field_select", args=[field.slug])
    assert steering.post(url, {"selected": "on", "reason": " "}).status_code == 400
    assert not EditionActionField.objects.filter(action_field=field).exists()
    assert (
        steering.post(
            url, {"selected": "on", "reason": "Neu wichtig", "form_token": str(uuid.uuid4())}
        ).status_code
        == 302
    )
    choice = EditionActionField.objects.get(action_field=field)
    assert choice.selected and choice.edition == world.edition


def test_new_action_field_gets_a_german_slug_and_duplicates_are_refused(world, coordinator):
    url = reverse("strategy:action_field_add")
    data = {
        "name": "Grün & Größe",
        "slug": "",
        "description": "",
        "order": 20,
        "form_token": str(uuid.uuid4()),
    }
    assert coordinator.post(url, data).status_code == 302
    assert ActionField.objects.filter(slug="gruen-groesse").exists()
    again = coordinator.post(url, {**data, "name": "Grün Größe", "form_token": str(uuid.uuid4())})
    assert again.status_code == 400
    assert "bereits" in " ".join(again.context["form"].errors["slug"])


def test_concept_status_is_tri_state_and_uploads_are_checked(world, coordinator):
    concept = world.concepts[0]
    url = reverse("strategy:concept_edit", args=[concept.slug])
    version = coordinator.get(url).context["form"]["loaded_version"].value()
    data = {
        "name": concept.name,
        "slug": concept.slug,
        "year": "2021",
        "is_existing_or_planned": "true",
        "is_active": "false",
        "is_completed_or_outdated": "",
        "is_monitored_or_updated": "",
        "order": 1,
        "loaded_version": version,
    }
    bad_file = SimpleUploadedFile("konzept.exe", b"MZ\x00\x00", "application/octet-stream")
    refused = coordinator.post(url, {**data, "document": bad_file})
    assert refused.status_code == 400
    assert coordinator.post(url, {**data, "year": "1500"}).status_code == 400
    assert coordinator.post(url, data).status_code == 302
    concept.refresh_from_db()
    assert (
        concept.is_existing_or_planned,
        concept.is_active,
        concept.is_completed_or_outdated,
    ) == (True, False, None)


def test_deleting_keeps_the_last_state_in_the_audit_log(world, coordinator):
    concept = world.concepts[0]
    response = coordinator.post(reverse("strategy:concept_delete", args=[concept.slug]))
    assert response.status_code == 302
    assert not Concept.objects.filter(pk=concept.pk).exists()
    entry = AuditEntry.objects.get(action="delete", object_id=str(concept.pk))
    assert entry.changes["name"][0] == concept.name


@pytest.mark.parametrize(
    "url",
    [
        "/handlungsfelder/gibt-es-nicht/",
        "/querschnittsthemen/gibt-es-nicht/",
        "/konzepte/gibt-es-nicht/",
        "/massnahmen/999999/",
        "/massnahmen/abc/",
        "/ausgaben/gibt-es-nicht/",
        "/sockel/gibt-es-nicht/",
        "/massnahmen/999999/bearbeiten/",
    ],
)
def test_unknown_addresses_give_a_german_404_page(world, client_for, url):
    response = client_for("coordinator").get(url)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_filters_ignore_values_that_are_not_choices(world, client_for):
    response = client_for("anonymous").get(
        reverse("strategy:measure_list") + "?status=<script>&prioritaet=Z&seite=abc"
    )
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_a_concept_document_is_served_by_its_view(world, coordinator, client):
    concept = world.concepts[0]
    url = reverse("strategy:concept_edit", args=[concept.slug])
    version = coordinator.get(url).context["form"]["loaded_version"].value()
    pdf = SimpleUploadedFile("konzept.pdf", b"%PDF-1.4 test", "application/pdf")
    response = coordinator.post(
        url,
        {
            "name": concept.name,
            "slug": concept.slug,
            "order": 1,
            "loaded_version": version,
            "document": pdf,
        },
    )
    assert response.status_code == 302
    download = client.get(reverse("strategy:concept_document", args=[concept.slug]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    other = world.concepts[1]
    assert client.get(reverse("strategy:concept_document", args=[other.slug])).status_code == 404
