"""Comments, reports by users, the moderation queue with bulk actions, hiding with a
public reason, pre-moderation of comments."""

import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.participation.models import Comment, Contribution, Report, Visibility
from stadtdach.participation.services import moderation
from stadtdach.participation.tests.factories import build_participation


@pytest.fixture
def world(db, personas):
    world = build_participation(contributions=4)
    world.process.coordinator = personas.participation_coordinator
    world.process.save()
    world.ideas = list(world.process.contributions.order_by("pk"))
    return world


def _comment(client, idea, text="Das finde ich eine sehr gute Idee.", **extra):
    return client.post(
        reverse("participation:comment_add", args=[idea.pk]),
        {"text": text, "form_token": str(uuid.uuid4()), **extra},
    )


def test_a_citizen_comments_and_it_is_published(world, personas, client_for):
    idea = world.ideas[0]
    response = _comment(client_for("citizen"), idea)
    comment = Comment.objects.get(author=personas.citizen)
    assert response.status_code == 302 and response["Location"].endswith(f"#kommentar-{comment.pk}")
    assert comment.visibility == Visibility.PUBLISHED
    assert comment.text in Client().get(idea.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(object_id=str(comment.pk), action="create").exists()


def test_pre_moderated_comments_wait(world, personas, client_for):
    world.process.moderation = "pre"
    world.process.save()
    idea = world.ideas[0]
    client = client_for("citizen")
    _comment(client, idea)
    comment = Comment.objects.get(author=personas.citizen)
    assert comment.visibility == Visibility.PENDING
    assert comment.text in client.get(idea.get_absolute_url()).content.decode()  # own
    assert comment.text not in Client().get(idea.get_absolute_url()).content.decode()


def test_a_bad_comment_re_renders_the_page_with_the_reason(world, client_for):
    response = _comment(client_for("citizen"), world.ideas[0], text="x")
    assert response.status_code == 400
    assert "min_length" in [
        e.code for e in response.context["comment_form"].errors.as_data()["text"]
    ]
    response = _comment(client_for("citizen"), world.ideas[0], website="bot")
    assert response.status_code == 400


def test_visitors_are_asked_to_log_in_to_comment(world):
    response = _comment(Client(), world.ideas[0])
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]


def test_staff_can_answer_in_the_thread_as_the_town(world, client_for):
    _comment(client_for("participation_coordinator"), world.ideas[0], official="1")
    assert Comment.objects.filter(is_official=True).count() == 1
    _comment(client_for("citizen"), world.ideas[0], official="1", text="Ich bin nicht die Stadt.")
    assert not Comment.objects.get(text="Ich bin nicht die Stadt.").is_official


def test_reporting_tells_the_coordinator(
    world, personas, client_for, django_capture_on_commit_callbacks
):
    idea = world.ideas[1]
    url = reverse("participation:report", args=["beitrag", idea.pk])
    assert Client().get(url).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            url, {"reason": "personal_data", "text": "Nennt einen Nachbarn mit Namen."}
        )
    assert response.status_code == 302
    report = Report.objects.get(contribution=idea)
    assert report.reporter is None and report.resolution == "open"
    assert [m.to for m in mail.outbox] == [[personas.participation_coordinator.email]]
    comment = idea.comments.first()
    url = reverse("participation:report", args=["kommentar", comment.pk])
    assert client_for("citizen").post(url, {"reason": "spam"}).status_code == 302
    assert Report.objects.filter(comment=comment).count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/beteiligung/melden/beitrag/999999/",
        "/beteiligung/melden/kommentar/999999/",
        "/beteiligung/melden/etwas/1/",
        "/beteiligung/melden/beitrag/99999999999999999999/",
    ],
)
def test_reporting_something_that_does_not_exist(world, path):
    assert Client().get(path).status_code == 404


def test_a_report_without_reason_is_refused(world):
    url = reverse("participation:report", args=["beitrag", world.ideas[0].pk])
    response = Client().post(url, {"reason": "nonsense"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_the_queue_hides_several_at_once_with_a_public_reason(world, personas, client_for):
    first, second = world.ideas[:2]
    Report.objects.create(contribution=first, reason="offensive")
    Contribution.objects.filter(pk=second.pk).update(visibility=Visibility.PENDING)
    comment = world.ideas[2].comments.first()
    Report.objects.create(comment=comment, reason="spam")
    client = client_for("participation_coordinator")
    page = client.get(reverse("participation:moderation"))
    queue = page.context["queue"]
    assert {c.pk for c in queue.contributions} == {first.pk, second.pk}
    assert [c.pk for c in queue.comments] == [comment.pk]
    response = client.post(
        reverse("participation:moderation"),
        {
            "action": "hide",
            "reason": "Beleidigend",
            "contributions": [first.pk, second.pk],
            "comments": [comment.pk],
        },
    )
    assert response.status_code == 302
    assert set(
        Contribution.objects.filter(pk__in=[first.pk, second.pk]).values_list(
            "visibility", "hidden_reason"
        )
    ) == {("hidden", "Beleidigend")}
    assert Comment.objects.get(pk=comment.pk).visibility == "hidden"
    assert not Report.objects.filter(resolution="open").exists()
    updates = AuditEntry.objects.filter(action="update", actor=personas.participation_coordinator)
    assert updates.count() == 3
    assert "Beleidigend" in Client().get(first.get_absolute_url()).content.decode()
    assert client.get(reverse("participation:moderation")).context["queue"].contributions == []


def test_hiding_needs_a_reason_and_a_choice(world, client_for):
    Report.objects.create(contribution=world.ideas[0], reason="spam")
    client = client_for("participation_coordinator")
    url = reverse("participation:moderation")
    response = client.post(url, {"action": "hide", "contributions": [world.ideas[0].pk]})
    assert response.status_code == 400 and "reason" in response.context["form"].errors
    response = client.post(url, {"action": "publish"})
    assert response.status_code == 400
    response = client.post(url, {"action": "keep", "contributions": ["abc", "9" * 30]})
    assert response.status_code == 400
    response = client.post(url, {"action": "delete-all", "contributions": [world.ideas[0].pk]})
    assert response.status_code == 400


def test_publishing_a_pending_idea_and_keeping_a_reported_one(world, client_for):
    pending, reported = world.ideas[:2]
    Contribution.objects.filter(pk=pending.pk).update(
        visibility=Visibility.PENDING, published_at=None
    )
    Report.objects.create(contribution=reported, reason="off_topic")
    client = client_for("participation_coordinator")
    client.post(
        reverse("participation:moderation"), {"action": "publish", "contributions": [pending.pk]}
    )
    pending.refresh_from_db()
    assert pending.visibility == "published" and pending.published_at is not None
    client.post(
        reverse("participation:moderation"), {"action": "keep", "contributions": [reported.pk]}
    )
    assert Report.objects.get(contribution=reported).resolution == "kept"
    assert Contribution.objects.get(pk=reported.pk).visibility == "published"


def test_the_service_refuses_nonsense(world, personas):
    with pytest.raises(ValueError):
        moderation.moderate(actor=personas.coordinator, action="hide", contributions=[1])
    with pytest.raises(ValueError):
        moderation.moderate(actor=personas.coordinator, action="burn")


def test_comments_are_rate_limited(world, client_for):
    client = client_for("citizen")
    statuses = [
        _comment(client, world.ideas[0], text=f"Kommentar Nummer {n}").status_code
        for n in range(11)
    ]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
