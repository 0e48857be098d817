"""The technical administrator's changes in the Django admin are audited like all others."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.strategy.models import ActionField


def test_admin_changes_and_deletes_are_audited(db, client):
    admin = get_user_model().objects.create_superuser("technik", "t@example.org", "pw-12345678")
    client.force_login(admin)
    field = ActionField.objects.create(name="Energie", slug="energie", order=1)
    url = reverse("admin:strategy_actionfield_change", args=[field.pk])
    response = client.post(
        url,
        {
            "name": "Energie und Wärme",
            "slug": "energie",
            "description": "",
            "order": 1,
            "sample_note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="update", object_id=str(field.pk))
    assert entry.changes["name"] == ["Energie", "Energie und Wärme"]
    assert entry.actor == admin
    client.post(reverse("admin:strategy_actionfield_delete", args=[field.pk]), {"post": "yes"})
    assert AuditEntry.objects.filter(action="delete", object_id=str(field.pk)).exists()


def test_passwords_never_reach_the_audit_log(db, client):
    admin = get_user_model().objects.create_superuser("technik", "t@example.org", "pw-12345678")
    client.force_login(admin)
    user = get_user_model().objects.create_user("jemand", password="altes-passwort-1")
    response = client.post(
        reverse("admin:accounts_user_change", args=[user.pk]),
        {
            "username": "jemand",
            "first_name": "Je",
            "last_name": "Mand",
            "email": "",
            "display_name": "",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(object_id=str(user.pk), action="update").exists()
    for entry in AuditEntry.objects.all():
        assert "password" not in entry.changes
