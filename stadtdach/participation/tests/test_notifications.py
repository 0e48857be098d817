"""Subscriptions to a process, an action field or a measure; mails at once or in the
daily digest; comments on measures during implementation."""

import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stadtdach.participation.models import Comment, Notification, Subscription
from stadtdach.participation.services import notifications
from stadtdach.participation.tests.factories import build_participation

IDEA = {
    "title": "Ein Kräutergarten am Rathaus",
    "text": "Hinter dem Rathaus könnte ein gemeinsamer Kräutergarten entstehen.",
}


@pytest.fixture
def world(db):
    world = build_participation(contributions=2)
    world.measure = world.world.goals[0].measures.first()
    return world


def _subscribe(client, kind, target, frequency="immediate", next_url="/"):
    return client.post(
        reverse("participation:subscribe"),
        {"kind": kind, "target": target.pk, "frequency": frequency, "next": next_url},
    )


def test_following_a_process_an_action_field_and_a_measure(world, personas, client_for):
    client = client_for("citizen")
    back = world.process.get_absolute_url()
    assert _subscribe(client, "process", world.process, next_url=back)["Location"] == back
    _subscribe(client, "action_field", world.world.fields[0], "daily")
    _subscribe(client, "measure", world.measure)
    _subscribe(client, "measure", world.measure, "daily")  # twice: only the frequency changes
    rows = Subscription.objects.filter(user=personas.citizen)
    assert rows.count() == 3
    assert rows.get(measure=world.measure).frequency == "daily"
    page = client.get(reverse("participation:subscriptions"))
    assert len(page.context["subscriptions"]) == 3


def test_subscribing_needs_an_account_and_a_real_target(world, client_for):
    response = _subscribe(Client(), "process", world.process)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]
    client = client_for("citizen")
    bad = client.post(reverse("participation:subscribe"), {"kind": "process", "target": "x"})
    assert bad.status_code == 400
    world.process.is_published = False
    world.process.save()
    assert _subscribe(client, "process", world.process).status_code == 404
    evil = _subscribe(client, "measure", world.measure, next_url="https://evil.example/")
    assert evil["Location"] == "/"


def test_changing_and_ending_a_subscription(world, personas, client_for):
    client = client_for("citizen")
    _subscribe(client, "process", world.process)
    subscription = Subscription.objects.get(user=personas.citizen)
    url = reverse("participation:subscriptions")
    client.post(url, {"subscription": subscription.pk, "frequency": "daily"})
    assert Subscription.objects.get(pk=subscription.pk).frequency == "daily"
    other = client_for("council_member")
    other.post(url, {"subscription": subscription.pk, "remove": "on"})  # not theirs
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    client.post(url, {"subscription": subscription.pk, "remove": "on"})
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.post(url, {"subscription": "abc"}).status_code == 302


def test_new_ideas_reach_followers_at_once_or_in_the_digest(
    world, personas, client_for, django_capture_on_commit_callbacks
):
    Subscription.objects.create(user=personas.council_member, process=world.process)
    Subscription.objects.create(
        user=personas.steering_member, action_field=world.world.fields[0], frequency="daily"
    )
    Subscription.objects.create(user=personas.citizen, process=world.process)  # the author
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for("citizen").post(
            reverse("participation:idea_add", args=[world.process.slug]),
            {**IDEA, "form_token": str(uuid.uuid4()), "action_field": world.world.fields[0].pk},
        )
    assert [m.to for m in mail.outbox] == [[personas.council_member.email]]
    assert IDEA["title"] in mail.outbox[0].subject
    assert "/beteiligung/abonnements/" in mail.outbox[0].body
    digest = Notification.objects.get(user=personas.steering_member)
    assert digest.digest and digest.sent_at is None
    mail.outbox.clear()
    call_command("send_daily_digest", "--now")
    assert [m.to for m in mail.outbox] == [[personas.steering_member.email]]
    assert IDEA["title"] in mail.outbox[0].body
    mail.outbox.clear()
    call_command("send_daily_digest", "--now")  # nothing twice
    assert mail.outbox == []


def test_the_digest_command_hands_the_work_to_the_worker(world, personas):
    Notification.objects.create(user=personas.citizen, subject="Neu", text="…", digest=True)
    mail.outbox.clear()
    call_command("send_daily_digest")  # tests run tasks immediately
    assert len(mail.outbox) == 1


def test_a_notification_is_mailed_once(world, personas):
    notification = Notification.objects.create(user=personas.citizen, subject="Neu", text="…")
    mail.outbox.clear()
    assert notifications.send(notification.pk)
    assert not notifications.send(notification.pk)
    assert len(mail.outbox) == 1


def test_measures_take_comments_and_tell_their_followers(
    world, personas, client_for, django_capture_on_commit_callbacks
):
    Subscription.objects.create(user=personas.council_member, measure=world.measure)
    url = reverse("participation:measure_comment", args=[world.measure.pk])
    client = client_for("citizen")
    assert client.get(url).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"text": "Wann geht es los?", "form_token": str(uuid.uuid4())})
    comment = Comment.objects.get(measure=world.measure)
    assert response.status_code == 302 and f"kommentar-{comment.pk}" in response["Location"]
    assert [m.to for m in mail.outbox] == [[personas.council_member.email]]
    page = Client().get(world.measure.get_absolute_url()).content.decode()
    assert "Wann geht es los?" in page
    assert client.post(url, {"text": ""}).status_code == 400
    visitor = Client().get(url)
    assert visitor.status_code == 302 and "/konto/anmelden/" in visitor["Location"]
    assert client.get("/beteiligung/massnahmen/999999/kommentieren/").status_code == 404
