"""Draft commenting: the text split into paragraphs (headings, identity kept across
versions), comments per paragraph by role, moderation, windows, bad input, the town's
answer, counts, and query budgets of the public pages."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.drafts.models import Draft, DraftComment, DraftParagraph
from stadtdach.participation.drafts.services import split_text, sync_paragraphs
from stadtdach.participation.models import AuthorState, Contribution, TargetGroup, Visibility
from stadtdach.participation.tests.factories import (
    add_draft_comments,
    build_formats,
    make_draft,
    make_formats_process,
)
from stadtdach.strategy.models import GuidingPrinciple

COMMENT = "Bitte ergänzen: auch die Ortsteile gehören zur lebendigen Kleinstadt."


@pytest.fixture
def world(db):
    return build_formats()


def _comment(client, paragraph, **data):
    url = reverse("participation:paragraph_detail", args=[paragraph.pk])
    return client.post(url, {"text": COMMENT, "form_token": str(uuid.uuid4()), **data})


def test_the_text_is_split_into_paragraphs_under_headings():
    text = (
        "# Leitbild\n\nErster Absatz\nmit zwei Zeilen.\r\n\r\n  \nZweiter.\n\n# Leitsätze\nDritter."
    )
    assert split_text(text) == [
        ("Leitbild", "Erster Absatz\nmit zwei Zeilen."),
        ("Leitbild", "Zweiter."),
        ("Leitsätze", "Dritter."),
    ]
    assert split_text("") == [] and split_text("# Nur eine Überschrift") == []


def test_a_new_version_keeps_commented_paragraphs(world):
    draft = world.draft
    first, second = list(draft.paragraphs.order_by("number"))[:2]
    add_draft_comments(first, 1)
    draft.text = draft.text.replace(first.text, "Ein ganz neuer erster Absatz.").replace(
        second.text, "Ein neuer zweiter Absatz."
    )
    draft.save()
    sync_paragraphs(draft)
    first.refresh_from_db()
    assert not first.is_current  # changed, but commented: kept as earlier version
    assert not DraftParagraph.objects.filter(pk=second.pk).exists()  # no comments: gone
    current = list(draft.paragraphs.filter(is_current=True).order_by("number"))
    assert [p.number for p in current] == [1, 2, 3, 4]
    assert current[0].text == "Ein ganz neuer erster Absatz."
    # An unchanged paragraph keeps its identity.
    assert DraftParagraph.objects.filter(text="Wir machen die Elbe erlebbar.").count() == 1


@pytest.mark.parametrize(
    "persona", ["citizen", "steering_member", "department_staff", "participation_coordinator"]
)
def test_accounts_comment_on_a_paragraph(world, personas, client_for, persona):
    paragraph = world.paragraph
    group = TargetGroup.objects.first()
    response = _comment(client_for(persona), paragraph, target_group=group.pk)
    contribution = Contribution.objects.get(draft_comment__paragraph=paragraph)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#beitrag-{contribution.pk}")
    assert contribution.format == "drafts" and contribution.author == personas[persona]
    assert contribution.visibility == Visibility.PUBLISHED and contribution.target_group == group
    assert world.draft.title in contribution.title and "1" in contribution.title
    assert AuditEntry.objects.filter(object_id=str(contribution.pk), action="create").exists()
    page = client_for("anonymous").get(paragraph.get_absolute_url()).content.decode()
    assert COMMENT in page
    draft_page = client_for("anonymous").get(world.draft.get_absolute_url()).content.decode()
    assert "1 Kommentar" in draft_page or "1 comment" in draft_page


def test_visitors_need_an_account_unless_the_process_allows_anonymous(world, client_for):
    response = _comment(client_for("anonymous"), world.paragraph)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]
    assert not DraftComment.objects.exists()
    open_process = make_formats_process(world.base.phase, slug="offen", contributors="anonymous")
    paragraph = make_draft(open_process).paragraphs.first()
    response = _comment(client_for("anonymous"), paragraph)
    contribution = Contribution.objects.get(draft_comment__paragraph=paragraph)
    assert response.status_code == 302 and contribution.author_state == AuthorState.ANONYMOUS


def test_pre_moderated_comments_wait_and_only_the_author_sees_them(world, client_for):
    world.process.moderation = "pre"
    world.process.save()
    _comment(client_for("citizen"), world.paragraph)
    contribution = Contribution.objects.get(draft_comment__paragraph=world.paragraph)
    assert contribution.visibility == Visibility.PENDING
    assert COMMENT in client_for("citizen").get(world.paragraph.get_absolute_url()).content.decode()
    other = client_for("steering_member").get(world.paragraph.get_absolute_url()).content.decode()
    assert COMMENT not in other
    draft_page = client_for("anonymous").get(world.draft.get_absolute_url()).content.decode()
    assert "0 Kommentare" in draft_page or "0 comments" in draft_page


@pytest.mark.parametrize("window", [(-20, -10), (5, 10)], ids=["closed", "upcoming"])
def test_closed_and_upcoming_processes_refuse_comments(db, client_for, window):
    world = build_formats(days_open=window)
    response = _comment(client_for("citizen"), world.paragraph)
    assert response.status_code == 403 and not DraftComment.objects.exists()
    page = client_for("citizen").get(world.paragraph.get_absolute_url())
    assert page.status_code == 200 and page.context["form"] is None and page.context["closed"]


def test_an_earlier_paragraph_takes_no_new_comments(world, client_for):
    paragraph = world.paragraph
    DraftParagraph.objects.filter(pk=paragraph.pk).update(is_current=False)
    assert _comment(client_for("citizen"), paragraph).status_code == 403
    assert not DraftComment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"text": ""},
        {"text": "ab"},
        {"text": "x" * 200_000},
        {"text": "Nul\x00Byte im Kommentar"},
        {"target_group": "999999"},
        {"target_group": "9" * 40},
        {"website": "http://spam.example"},
    ],
    ids=["empty", "short", "huge", "nul", "unknown group", "huge id", "honeypot"],
)
def test_bad_comments_get_a_form_error(world, client_for, data):
    response = _comment(client_for("citizen"), world.paragraph, **data)
    assert response.status_code == 400 and response.context["form"].errors
    assert not DraftComment.objects.exists()


def test_unknown_and_hidden_paragraphs_are_not_found(world, client_for):
    assert client_for("citizen").get("/beteiligung/entwuerfe/absaetze/999999/").status_code == 404
    assert client_for("citizen").get("/beteiligung/entwuerfe/999999/").status_code == 404
    world.process.audience = "internal"
    world.process.save()
    assert client_for("citizen").get(world.paragraph.get_absolute_url()).status_code == 404
    assert client_for("steering_member").get(world.paragraph.get_absolute_url()).status_code == 200


def test_the_same_form_sent_twice_saves_one_comment(world, client_for):
    client = client_for("citizen")
    token = str(uuid.uuid4())
    _comment(client, world.paragraph, form_token=token)
    again = _comment(client, world.paragraph, form_token=token)
    assert again.status_code == 302 and DraftComment.objects.count() == 1


def test_the_town_answers_a_comment_in_public(world, client_for):
    _comment(client_for("citizen"), world.paragraph)
    contribution = Contribution.objects.get(draft_comment__paragraph=world.paragraph)
    response = client_for("participation_coordinator").post(
        reverse("participation:answer", args=[contribution.pk]),
        {"status": "in_review", "answer": "Danke, die Ortsteile nehmen wir auf."},
    )
    assert response.status_code == 302
    page = client_for("anonymous").get(world.paragraph.get_absolute_url()).content.decode()
    assert "Danke, die Ortsteile nehmen wir auf." in page
    detail = client_for("anonymous").get(contribution.get_absolute_url()).content.decode()
    assert world.paragraph.text in detail  # the contribution page quotes its paragraph
    # Department staff answer only in the fields their department leads.
    assert (
        client_for("department_staff")
        .get(reverse("participation:answer", args=[contribution.pk]))
        .status_code
        == 403
    )


def test_the_coordination_puts_the_vision_up_for_comment(world, personas, client_for):
    vision = world.base.world.edition.vision
    GuidingPrinciple.objects.create(vision=vision, title="Grüne Stadt", text="Wir pflanzen.")
    client = client_for("participation_coordinator")
    response = client.post(
        reverse("participation:draft_add", args=[world.process.slug]),
        {
            "title": "Leitbild zur Diskussion",
            "use_vision": "on",
            "text": "",
            "order": 2,
            "form_token": str(uuid.uuid4()),
        },
    )
    draft = Draft.objects.get(title="Leitbild zur Diskussion")
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    paragraphs = list(draft.paragraphs.order_by("number").values_list("heading", "text"))
    assert paragraphs == [("Leitbild", "Text"), ("Grüne Stadt", "Wir pflanzen.")]
    form = client.get(reverse("participation:draft_edit", args=[draft.pk])).context["form"]
    response = client.post(
        reverse("participation:draft_edit", args=[draft.pk]),
        {
            "title": draft.title,
            "text": draft.text + "\n\nEin neuer Absatz.",
            "order": 2,
            "loaded_version": form["loaded_version"].value(),
        },
    )
    assert response.status_code == 302 and draft.paragraphs.count() == 3


@pytest.mark.parametrize(
    "data",
    [{"text": ""}, {"text": "\x00"}, {"text": "x" * 30_000}, {"draft_stage": "999999"}],
    ids=["empty", "nul", "huge", "unknown stage"],
)
def test_bad_drafts_get_a_form_error(world, client_for, data):
    response = client_for("participation_coordinator").post(
        reverse("participation:draft_add", args=[world.process.slug]),
        {"title": "Entwurf", "order": 1, "form_token": str(uuid.uuid4()), **data},
    )
    assert response.status_code == 400 and response.context["form"].errors
    assert Draft.objects.count() == 1


def test_the_process_page_shows_the_drafts_with_their_counts(world, client_for):
    add_draft_comments(world.paragraph, 3)
    page = client_for("anonymous").get(world.process.get_absolute_url()).content.decode()
    assert world.draft.title in page and world.draft.get_absolute_url() in page
    section = page.split('id="format-drafts"')[1].split("</section>")[0]
    assert "4" in section and "3" in section  # 4 paragraphs, 3 comments


@pytest.mark.parametrize("persona", ["anonymous", "citizen"])
def test_the_pages_do_not_grow_with_the_comments(world, client_for, persona):
    client = client_for(persona)
    urls = [
        world.draft.get_absolute_url(),
        world.paragraph.get_absolute_url(),
        world.process.get_absolute_url(),
    ]
    add_draft_comments(world.paragraph, 10)
    for url in urls:
        client.get(url)
    few = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    for paragraph in world.draft.paragraphs.all():
        add_draft_comments(paragraph, 200, answer="Danke!")
    many = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert few == many
    assert few[world.draft.get_absolute_url()] <= (4 if persona == "anonymous" else 9)
    assert few[world.paragraph.get_absolute_url()] <= (6 if persona == "anonymous" else 11)
