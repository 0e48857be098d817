import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry

# core sits below accounts in the layers: its tests, too, reach accounts by label.
Unit = apps.get_model("accounts", "OrganisationalUnit")


@pytest.mark.django_db
def test_snapshot_holds_own_fields_without_time_stamps():
    unit = Unit.objects.create(name="Bauamt", short_name="BA")

    data = audit.snapshot(unit)

    assert {
        "id": unit.pk,
        "is_sample": False,
        "name": "Bauamt",
        "short_name": "BA",
    }.items() <= data.items()
    assert "created" not in data
    assert "modified" not in data


@pytest.mark.django_db
def test_snapshot_turns_relations_into_ids_and_dates_into_text(personas):
    user = personas.department_staff

    data = audit.snapshot(user)

    assert data["unit"] == user.unit_id
    assert data["groups"] == sorted(user.groups.values_list("pk", flat=True))
    assert data["date_joined"] == str(user.date_joined)


def test_snapshot_of_unsaved_object_skips_many_to_many():
    user = get_user_model()(username="new", date_joined=datetime.datetime(2025, 1, 2, 3, 4))

    data = audit.snapshot(user)

    assert "groups" not in data
    assert data["date_joined"] == "2025-01-02 03:04:00"


def test_diff_lists_only_changed_keys_as_before_after_pairs():
    before = {"name": "Bauamt", "short_name": "BA", "gone": 1}
    after = {"name": "Bauamt", "short_name": "FB 3", "new": 2}

    assert audit.diff(before, after) == {
        "gone": [1, None],
        "new": [None, 2],
        "short_name": ["BA", "FB 3"],
    }
    assert audit.diff(before, dict(before)) == {}


@pytest.mark.django_db
def test_record_names_actor_object_and_changes(personas):
    unit = Unit.objects.create(name="Bauamt")

    entry = audit.record(
        actor=personas.coordinator,
        action=AuditEntry.Action.UPDATE,
        instance=unit,
        changes={"name": ["Alt", "Bauamt"]},
    )

    entry.refresh_from_db()
    assert entry.actor == personas.coordinator
    assert entry.actor_label == "Katrin Krüger"
    assert entry.content_type == ContentType.objects.get_for_model(Unit)
    assert entry.object_id == str(unit.pk)
    assert entry.object_repr == "Bauamt"
    assert entry.changes == {"name": ["Alt", "Bauamt"]}


@pytest.mark.django_db
@pytest.mark.parametrize("actor", [None, AnonymousUser()])
def test_record_without_a_person_is_by_the_system(actor):
    entry = audit.record(actor=actor, action=AuditEntry.Action.IMPORT, label="Demo import")

    assert entry.actor is None
    assert entry.actor_label == "System"
    assert entry.content_type is None
    assert entry.object_id == ""
    assert entry.object_repr == "Demo import"
    assert entry.changes == {}


@pytest.mark.django_db
def test_record_falls_back_to_username_and_cuts_long_labels():
    user = get_user_model().objects.create_user(username="ohne-namen")

    entry = audit.record(actor=user, action=AuditEntry.Action.CREATE, label="x" * 400)

    assert entry.actor_label == "ohne-namen"
    assert len(entry.object_repr) == 300
