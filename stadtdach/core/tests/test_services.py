import uuid

import pytest
from django.apps import apps

from stadtdach.core.forms import MAX_TEXT_LENGTH, StadtdachModelForm
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import (
    DuplicateSubmission,
    EditConflict,
    delete_object,
    save_form,
)

Unit = apps.get_model("accounts", "OrganisationalUnit")
Level = apps.get_model("accounts", "StructureLevel")

pytestmark = pytest.mark.django_db


class UnitForm(StadtdachModelForm):
    class Meta:
        model = Unit
        fields = ["name", "short_name"]


class LevelForm(StadtdachModelForm):
    class Meta:
        model = Level
        fields = ["name", "description"]


def create(actor, name="Bauamt", token=None):
    form = UnitForm(data={"name": name, "short_name": "BA", "form_token": token or uuid.uuid4()})
    assert form.is_valid(), form.errors
    return save_form(actor=actor, form=form, submission_token=form.cleaned_data["form_token"])


def change_form(unit, **data):
    """A change form as a view builds it from a POST: the version it was loaded with."""
    loaded = UnitForm(instance=Unit.objects.get(pk=unit.pk))
    post = {
        "name": unit.name,
        "short_name": unit.short_name,
        "loaded_version": loaded.fields["loaded_version"].initial,
        **data,
    }
    form = UnitForm(data=post, instance=Unit.objects.get(pk=unit.pk))
    assert form.is_valid(), form.errors
    return form


def test_create_form_carries_a_token_and_no_version():
    form = UnitForm()

    assert isinstance(form.fields["form_token"].initial, uuid.UUID)
    assert "loaded_version" not in form.fields


def test_change_form_carries_the_loaded_version_and_no_token():
    unit = Unit.objects.create(name="Bauamt")

    form = UnitForm(instance=unit)

    assert form.fields["loaded_version"].initial == unit.modified.isoformat()
    assert "form_token" not in form.fields


def test_text_fields_get_a_length_limit():
    form = LevelForm(data={"name": "Arbeitsebene", "description": "x" * (MAX_TEXT_LENGTH + 1)})

    assert form.fields["description"].widget.attrs["maxlength"] == str(MAX_TEXT_LENGTH)
    assert not form.is_valid()
    assert "description" in form.errors


def test_create_is_saved_and_audited(personas):
    unit = create(personas.coordinator)

    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == personas.coordinator
    assert entry.object_id == str(unit.pk)
    assert entry.changes["name"] == [None, "Bauamt"]


def test_same_create_form_posted_twice_saves_once(personas):
    token = uuid.uuid4()
    create(personas.coordinator, token=token)

    with pytest.raises(DuplicateSubmission):
        create(personas.coordinator, name="Bauamt (zweimal)", token=token)

    assert list(Unit.objects.values_list("name", flat=True)) == ["Bauamt"]
    assert AuditEntry.objects.count() == 1


def test_update_is_audited_with_what_changed(personas):
    unit = create(personas.coordinator)

    saved = save_form(
        actor=personas.consultant, form=change_form(unit, name="Bauamt Neu"), loaded_version=None
    )

    assert saved.name == "Bauamt Neu"
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).get()
    assert entry.actor == personas.consultant
    assert entry.changes == {"name": ["Bauamt", "Bauamt Neu"]}


def test_update_with_the_current_version_succeeds(personas):
    unit = create(personas.coordinator)
    form = change_form(unit, short_name="FB 3")

    save_form(
        actor=personas.coordinator, form=form, loaded_version=form.cleaned_data["loaded_version"]
    )

    assert Unit.objects.get().short_name == "FB 3"


def test_update_without_changes_writes_no_audit_entry(personas):
    unit = create(personas.coordinator)

    save_form(actor=personas.coordinator, form=change_form(unit))

    assert AuditEntry.objects.count() == 1


def test_stale_change_form_is_refused(personas):
    unit = create(personas.coordinator)
    stale = change_form(unit, name="Mein Stand")
    newer = change_form(unit, name="Stand der anderen")
    save_form(
        actor=personas.consultant, form=newer, loaded_version=newer.cleaned_data["loaded_version"]
    )

    with pytest.raises(EditConflict):
        save_form(
            actor=personas.coordinator,
            form=stale,
            loaded_version=stale.cleaned_data["loaded_version"],
        )

    assert Unit.objects.get().name == "Stand der anderen"
    assert (
        AuditEntry.objects.filter(
            actor=personas.coordinator, action=AuditEntry.Action.UPDATE
        ).count()
        == 0
    )


def test_delete_keeps_the_last_state_in_the_log(personas):
    unit = create(personas.coordinator)

    delete_object(actor=personas.coordinator, instance=unit)

    assert not Unit.objects.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DELETE)
    assert entry.object_repr == "Bauamt"
    assert entry.changes["name"] == ["Bauamt", None]
