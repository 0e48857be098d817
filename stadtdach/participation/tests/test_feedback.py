"""Was wurde aus meinem Vorschlag? The town answers a contribution: status with a public
reason, an answer, links to goals and measures; the page shows the chain, the author is
told, and the measure shows the contributions behind it."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.participation.models import (
    Contribution,
    StatusChange,
    Subscription,
    Visibility,
)
from stadtdach.participation.tests.factories import build_participation


@pytest.fixture
def world(db, personas):
    world = build_participation(contributions=3)
    idea = world.process.contributions.order_by("pk").first()
    idea.author = personas.citizen
    idea.status = "received"
    idea.answer = ""
    idea.save()
    idea.measures.clear()
    world.idea = idea
    world.measure = world.world.goals[0].measures.first()
    return world


def _answer(client, idea, **data):
    form = client.get(reverse("participation:answer", args=[idea.pk])).context["form"]
    payload = {
        "loaded_version": form["loaded_version"].value(),
        "status": idea.status,
        "status_reason": "",
        "answer": "",
        **data,
    }
    return client.post(reverse("participation:answer", args=[idea.pk]), payload)


def test_a_decision_with_reason_answer_and_measure(
    world, personas, client_for, django_capture_on_commit_callbacks
):
    client = client_for("participation_coordinator")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _answer(
            client,
            world.idea,
            status="adopted",
            status_reason="Passt zum Rahmenplan.",
            answer="Vielen Dank, wir nehmen die Idee in die Maßnahme auf.",
            measures=[world.measure.pk],
            goals=[world.world.goals[0].pk],
        )
    assert response.status_code == 302
    idea = Contribution.objects.get(pk=world.idea.pk)
    assert idea.status == "adopted" and idea.answered_at is not None
    assert list(idea.measures.all()) == [world.measure]
    history = list(StatusChange.objects.filter(contribution=idea).values_list("status", "reason"))
    assert history[-1] == ("adopted", "Passt zum Rahmenplan.")
    entry = AuditEntry.objects.filter(object_id=str(idea.pk), action="update").get()
    assert entry.actor == personas.participation_coordinator and "status" in entry.changes
    # The author hears about it, by a background task, once.
    to_author = [m for m in mail.outbox if personas.citizen.email in m.to]
    assert len(to_author) == 1
    assert "Passt zum Rahmenplan." in to_author[0].body
    assert idea.get_absolute_url() in to_author[0].body
    # The page shows the chain: status, reason, answer, goal and measure.
    page = Client().get(idea.get_absolute_url()).content.decode()
    for text in ("Passt zum Rahmenplan.", "Vielen Dank", world.measure.title):
        assert text in page
    # The measure shows the contribution behind it (panel on the measure page).
    measure_page = Client().get(world.measure.get_absolute_url()).content.decode()
    assert idea.title in measure_page


def test_a_decision_needs_a_public_reason(world, client_for):
    client = client_for("participation_coordinator")
    for status in ("adopted", "partly_adopted", "not_adopted"):
        response = _answer(client, world.idea, status=status)
        assert response.status_code == 400
        codes = [e.code for e in response.context["form"].errors.as_data()["status_reason"]]
        assert codes == ["required"]
    assert _answer(client, world.idea, status="in_review").status_code == 302


def test_only_changes_notify_and_enter_the_history(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for("participation_coordinator")
    _answer(client, world.idea, status="in_review")
    mail.outbox.clear()
    changes = StatusChange.objects.filter(contribution=world.idea).count()
    world.idea.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, world.idea, status="in_review")  # saved again, nothing new
    assert StatusChange.objects.filter(contribution=world.idea).count() == changes
    assert mail.outbox == []


def test_followers_of_the_process_and_the_new_measure_hear_too(
    world, personas, client_for, django_capture_on_commit_callbacks
):
    follower = personas.council_member
    Subscription.objects.create(user=follower, process=world.process)
    measure_follower = personas.steering_member
    Subscription.objects.create(user=measure_follower, measure=world.measure, frequency="daily")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _answer(
            client_for("participation_coordinator"),
            world.idea,
            status="in_review",
            measures=[world.measure.pk],
        )
    recipients = {address for m in mail.outbox for address in m.to}
    assert {personas.citizen.email, follower.email} <= recipients
    assert measure_follower.email not in recipients  # the digest collects it
    from stadtdach.participation.models import Notification

    assert Notification.objects.filter(user=measure_follower, digest=True).count() == 1


def test_a_stale_answer_form_does_not_overwrite(world, client_for):
    client = client_for("participation_coordinator")
    form = client.get(reverse("participation:answer", args=[world.idea.pk])).context["form"]
    version = form["loaded_version"].value()
    _answer(client, world.idea, status="in_review", answer="Erste Antwort")
    response = client.post(
        reverse("participation:answer", args=[world.idea.pk]),
        {"loaded_version": version, "status": "received", "answer": "Veraltet"},
    )
    assert response.status_code == 302
    assert Contribution.objects.get(pk=world.idea.pk).answer == "Erste Antwort"


def test_the_author_follows_it_on_my_contributions(world, client_for):
    world.idea.status = "partly_adopted"
    world.idea.answer = "Teilweise übernommen."
    world.idea.save()
    world.idea.measures.add(world.measure)
    page = client_for("citizen").get(reverse("participation:mine"))
    html = page.content.decode()
    assert page.status_code == 200
    assert world.idea.title in html and "Teilweise übernommen." in html
    assert world.measure.title in html


def test_hidden_and_deleted_authors_in_the_chain(world, client_for):
    Contribution.objects.filter(pk=world.idea.pk).update(
        visibility=Visibility.HIDDEN, hidden_reason="Enthielt Namen Dritter"
    )
    page = Client().get(world.idea.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "Enthielt Namen Dritter" in html and world.idea.text not in html
