"""The idea collection: submitting (registered, anonymous, pre-moderated), places from the
list or the map, images, similar ideas, support once per person."""

import datetime
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from stadtdach.core.models import AuditEntry
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import (
    AuthorState,
    Contribution,
    ContributionImage,
    StatusChange,
    Visibility,
)
from stadtdach.participation.tests.factories import build_participation, make_process

IDEA = {
    "title": "Ein Kräutergarten am Rathaus",
    "text": "Hinter dem Rathaus ist eine Wiese, auf der ein gemeinsamer Kräutergarten "
    "für die Nachbarschaft entstehen könnte.",
}


@pytest.fixture
def world(db):
    return build_participation(contributions=3)


def _url(process):
    return reverse("participation:idea_add", args=[process.slug])


def _post(client, process, **data):
    return client.post(_url(process), {**IDEA, "form_token": str(uuid.uuid4()), **data})


def _image(kind="PNG", size=(40, 30), exif=False) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif:
        data = image.getexif()
        data[0x010F] = "Kamera"  # Make
        image.save(buffer, format="JPEG", exif=data)
        kind = "JPEG"
    else:
        image.save(buffer, format=kind)
    names = {"PNG": "bild.png", "JPEG": "bild.jpg", "GIF": "bild.gif", "WEBP": "bild.webp"}
    return SimpleUploadedFile(names[kind], buffer.getvalue(), content_type=f"image/{kind.lower()}")


def test_a_citizen_submits_an_idea_with_a_named_place(world, personas, client_for):
    client = client_for("citizen")
    field = world.world.fields[0]
    response = _post(
        client,
        world.process,
        action_field=field.pk,
        themes=[world.world.themes[0].pk],
        named_place=world.places[1].pk,
    )
    idea = Contribution.objects.get(title=IDEA["title"])
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert idea.author == personas.citizen and idea.author_state == AuthorState.ACCOUNT
    assert idea.visibility == Visibility.PUBLISHED and idea.published_at
    assert idea.action_field == field and idea.named_place == world.places[1]
    assert list(idea.themes.all()) == [world.world.themes[0]]
    assert idea.format == "ideas" and idea.status == "received"
    assert StatusChange.objects.filter(contribution=idea, status="received").exists()
    entry = AuditEntry.objects.get(object_repr=idea.title)
    assert entry.action == "create" and entry.actor == personas.citizen
    page = client.get(idea.get_absolute_url())
    assert page.status_code == 200 and world.places[1].name in page.content.decode()


def test_the_map_island_sends_a_point_in_the_town(world, client_for):
    client = client_for("citizen")
    _post(client, world.process, latitude="53.381234", longitude="10.722345")
    idea = Contribution.objects.get(title=IDEA["title"])
    assert idea.place == {"type": "Point", "coordinates": [10.722345, 53.381234]}
    geojson = client.get(reverse("participation:idea_geojson", args=[world.process.slug]))
    assert geojson["Content-Type"] == "application/geo+json"
    titles = [f["properties"]["title"] for f in geojson.json()["features"]]
    assert IDEA["title"] in titles


@pytest.mark.parametrize(
    "place",
    [
        {"latitude": "48.1", "longitude": "11.5"},  # Munich: not in the town
        {"latitude": "53.38"},  # half a point
        {"latitude": "abc", "longitude": "10.7"},
        {"latitude": "999", "longitude": "10.7"},
    ],
)
def test_a_point_outside_the_town_or_broken_is_refused(world, client_for, place):
    response = _post(client_for("citizen"), world.process, **place)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Contribution.objects.filter(title=IDEA["title"]).exists()


def test_pre_moderation_keeps_the_idea_hidden_until_published(world, personas, client_for):
    world.process.moderation = "pre"
    world.process.save()
    client = client_for("citizen")
    _post(client, world.process)
    idea = Contribution.objects.get(title=IDEA["title"])
    assert idea.visibility == Visibility.PENDING and idea.published_at is None
    assert client.get(idea.get_absolute_url()).status_code == 200  # the author sees it
    assert Client().get(idea.get_absolute_url()).status_code == 404
    assert client_for("participation_coordinator").get(idea.get_absolute_url()).status_code == 200
    listing = Client().get(world.process.get_absolute_url()).content.decode()
    assert IDEA["title"] not in listing


def test_anonymous_ideas_where_the_process_allows_them(world, client_for):
    process = make_process(world.phase, slug="offen-fuer-alle", contributors="anonymous")
    response = _post(Client(), process)
    assert response.status_code == 302
    idea = Contribution.objects.get(title=IDEA["title"])
    assert idea.author is None and idea.author_state == AuthorState.ANONYMOUS
    assert "anonym" in Client().get(idea.get_absolute_url()).content.decode()
    # ... but not where it does not.
    response = Client().post(_url(world.process), IDEA)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]


def test_the_honeypot_catches_bots(world, client_for):
    response = _post(client_for("citizen"), world.process, website="http://spam.example")
    assert response.status_code == 400
    assert "website" in response.context["form"].errors
    assert not Contribution.objects.filter(title=IDEA["title"]).exists()


def test_a_form_sent_twice_saves_one_idea(world, client_for):
    client = client_for("citizen")
    token = str(uuid.uuid4())
    first = client.post(_url(world.process), {**IDEA, "form_token": token})
    second = client.post(_url(world.process), {**IDEA, "form_token": token})
    assert first.status_code == second.status_code == 302
    assert Contribution.objects.filter(title=IDEA["title"]).count() == 1


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"title": ""}, "title", "required"),
        ({"title": "Bank"}, "title", "min_length"),
        ({"text": "kurz"}, "text", "min_length"),
        ({"text": "x" * 5_001}, "text", "max_length"),
        ({"action_field": "999999"}, "action_field", "invalid_choice"),
        ({"action_field": "9" * 40}, "action_field", "invalid_choice"),
        ({"themes": ["abc"]}, "themes", "invalid_pk_value"),
        ({"title": "Markt\x00platz und mehr"}, "title", "null_characters_not_allowed"),
    ],
)
def test_bad_input_is_refused_with_a_reason(world, client_for, data, field, code):
    response = _post(client_for("citizen"), world.process, **data)
    assert response.status_code == 400
    assert code in [e.code for e in response.context["form"].errors.as_data()[field]]


def test_similar_ideas_are_shown_before_a_new_one_is_saved(world, client_for):
    client = client_for("citizen")
    similar = {
        "title": "Mehr Sitzbänke am Elbufer",
        "text": "Am Elbufer sollte es mehr Sitzbänke geben, am besten mit Schatten.",
    }
    response = _post(client, world.process, **similar)
    assert response.status_code == 200
    shown = response.context["similar"]
    assert shown and all("Elbufer" in idea.title for idea in shown)
    assert not Contribution.objects.filter(title=similar["title"]).exists()
    # The citizen decides their idea is different and sends it anyway.
    response = _post(client, world.process, confirm_new="on", **similar)
    assert response.status_code == 302
    assert Contribution.objects.filter(title=similar["title"]).exists()


def test_an_unrelated_idea_goes_straight_through(world, client_for):
    response = _post(client_for("citizen"), world.process)
    assert response.status_code == 302


def test_images_are_checked_and_re_encoded(world, client_for):
    client = client_for("citizen")
    response = _post(
        client,
        world.process,
        image_1=_image(exif=True),
        image_1_description="Die Wiese hinter dem Rathaus",
        image_2=_image("PNG", size=(3000, 1000)),
    )
    assert response.status_code == 302
    idea = Contribution.objects.get(title=IDEA["title"])
    images = list(idea.images.order_by("pk"))
    assert [i.description for i in images] == ["Die Wiese hinter dem Rathaus", ""]
    assert (images[1].width, images[1].height) == (1600, 533)  # scaled down
    served = client.get(images[0].get_absolute_url())
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    stored = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert stored.format == "JPEG" and not stored.getexif()  # no camera metadata kept
    assert images[0].file.name.endswith(f"{images[0].token}.jpg")


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("bild.png", b"not an image at all", "image/png"), "not_an_image"),
        (SimpleUploadedFile("bild.svg", b"<svg onload='x'/>", "image/svg+xml"), "not_an_image"),
        (_image("GIF"), "unsupported_type"),
        (SimpleUploadedFile("leer.jpg", b"", "image/jpeg"), "empty"),
    ],
)
def test_broken_or_foreign_files_get_a_clear_error(world, client_for, upload, code):
    response = _post(client_for("citizen"), world.process, image_1=upload)
    assert response.status_code == 400
    assert code in [e.code for e in response.context["form"].errors.as_data()["image_1"]]
    assert not ContributionImage.objects.exists()


def test_too_large_images_are_refused(world, client_for, settings):
    settings.STADTDACH_MAX_UPLOAD_BYTES = 1_000
    response = _post(client_for("citizen"), world.process, image_1=_image(size=(400, 400)))
    assert response.status_code == 400
    assert "too_large" in [e.code for e in response.context["form"].errors.as_data()["image_1"]]


def test_images_of_hidden_or_pending_ideas_are_not_served(world, client_for):
    client = client_for("citizen")
    _post(client, world.process, image_1=_image())
    image = ContributionImage.objects.get()
    url = image.get_absolute_url()
    assert Client().get(url).status_code == 200
    Contribution.objects.filter(pk=image.contribution_id).update(visibility=Visibility.HIDDEN)
    assert Client().get(url).status_code == 404
    assert client_for("participation_coordinator").get(url).status_code == 200
    assert Client().get("/beteiligung/bilder/gibt-es-nicht/").status_code == 404


def test_support_once_per_person_and_withdraw(world, personas, client_for):
    idea = world.process.contributions.first()
    url = reverse("participation:support", args=[idea.pk])
    client = client_for("citizen")
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a second click changes nothing
    assert Support.objects.filter(contribution=idea, user=personas.citizen).count() == 1
    page = client.get(idea.get_absolute_url())
    assert page.context["has_supported"]
    client.post(url, {"withdraw": "1"})
    assert not Support.objects.filter(contribution=idea, user=personas.citizen).exists()


def test_no_support_for_own_ideas_closed_processes_or_visitors(world, personas, client_for):
    idea = world.process.contributions.first()
    idea.author = personas.citizen
    idea.save()
    url = reverse("participation:support", args=[idea.pk])
    assert client_for("citizen").post(url).status_code == 403
    visitor = Client().post(url)
    assert visitor.status_code == 302 and "/konto/anmelden/" in visitor["Location"]
    world.process.starts_at -= datetime.timedelta(days=30)
    world.process.ends_at = world.process.starts_at + datetime.timedelta(days=1)
    world.process.save()
    response = client_for("steering_member").post(url)
    assert response.status_code == 403 and response.context["message"]
    assert not Support.objects.filter(contribution=idea).exclude(user__in=world.supporters).exists()


def test_the_list_filters_and_sorts(world, client_for):
    client = Client()
    url = world.process.get_absolute_url()
    field = world.world.fields[0]
    response = client.get(url + f"?handlungsfeld={field.slug}&sortierung=unterstuetzt")
    ideas = list(response.context["sections"][0]["ideas_page"])
    assert ideas and all(i.action_field == field for i in ideas)
    response = client.get(url + "?status=nonsense&sortierung=%00&seite=abc")
    assert response.status_code in (200, 400)


def test_idea_submission_is_rate_limited_with_a_german_429(world, client_for):
    client = client_for("citizen")
    for n in range(5):
        _post(client, world.process, title=f"Idee Nummer {n} zum Rathaus")
    response = _post(client, world.process, title="Noch eine Idee zum Rathaus")
    assert response.status_code == 429
    assert "Retry-After" in response


def test_a_pending_comment_is_shown_only_to_its_author(world, client_for):
    """Comments awaiting moderation show to their author only: the comment list of a
    reader with such a comment is theirs, never kept for another reader (the fragment
    cache is on in tests)."""
    from stadtdach.core.testing.personas import make_user
    from stadtdach.participation.models import Comment

    idea = Contribution.objects.filter(process=world.process).first()
    first, second = make_user("erste-leserin"), make_user("zweiter-leser")
    Comment.objects.create(
        contribution=idea, author=first, text="Noch nicht freigegeben A", visibility="pending"
    )
    Comment.objects.create(
        contribution=idea, author=second, text="Noch nicht freigegeben B", visibility="pending"
    )
    # Logged in first (a log-in is a write); each page twice: the first build of a
    # fragment only learns which tables it reads.
    clients = {u: client_for(u) for u in (first, second)}
    clients[first].get(idea.get_absolute_url())
    page_of = {u: c.get(idea.get_absolute_url()).content.decode() for u, c in clients.items()}
    assert "freigegeben A" in page_of[first] and "freigegeben B" not in page_of[first]
    assert "freigegeben B" in page_of[second] and "freigegeben A" not in page_of[second]
    for reader in ("citizen", None):
        page = client_for(reader).get(idea.get_absolute_url()).content.decode()
        assert "Noch nicht freigegeben" not in page
