"""A citizen's data in the participation: in the JSON download, and after the account
is deleted (contributions stay, shown as from a deleted account)."""

import json

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.personas import PASSWORD
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import Comment, Subscription
from stadtdach.participation.tests.factories import build_participation


def test_the_own_data_as_json(db, personas, client_for):
    world = build_participation(contributions=2)
    idea = world.process.contributions.first()
    idea.author = personas.citizen
    idea.save()
    response = client_for("citizen").get(reverse("accounts:personal_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == personas.citizen.username
    assert [c["title"] for c in data["contributions"]] == [idea.title]
    assert {"comments", "supports", "subscriptions", "consents"} <= set(data)
    anonymous = Client().get(reverse("accounts:personal_data"))
    assert anonymous.status_code == 302


def test_deleting_the_account_keeps_contributions_as_deleted_account(db, personas, client_for):
    world = build_participation(contributions=2)
    citizen = personas.citizen
    idea = world.process.contributions.first()
    idea.author = citizen
    idea.save()
    Comment.objects.create(contribution=idea, author=citizen, text="Mein Kommentar")
    other = world.process.contributions.last()
    Support.objects.create(contribution=other, user=citizen)
    Subscription.objects.create(user=citizen, process=world.process)
    client = client_for("citizen")
    AuditEntry.objects.create(actor=citizen, actor_label="Birgit Bauer", object_repr="x")
    wrong = client.post(reverse("accounts:delete"), {"password": "falsch", "confirm": "on"})
    assert wrong.status_code == 400
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=citizen.pk).exists()
    idea.refresh_from_db()
    assert idea.author is None and idea.author_state == "deleted"
    page = Client().get(idea.get_absolute_url()).content.decode()
    assert "gelöschtes Konto" in page or "deleted account" in page
    assert Comment.objects.get(text="Mein Kommentar").author_state == "deleted"
    assert Support.objects.filter(contribution=other).count() == 2  # count stays
    assert not Subscription.objects.exists()
    assert not AuditEntry.objects.filter(actor_label="Birgit Bauer").exists()
