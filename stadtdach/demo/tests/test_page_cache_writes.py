"""Every way data changes shows on the next anonymous request, though the page was served
from the cache just before: a form of the site, the moderation, the Django admin, a
background task outside any request, raw SQL. And what is personal never reaches
another visitor through a stored page or fragment (docs/adr/0005-page-cache.md)."""

import datetime
import uuid

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from stadtdach.core.caching.middleware import HEADER
from stadtdach.participation import permissions
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.strategy.models import ActionField

pytestmark = pytest.mark.django_db


def warm(url: str) -> Client:
    """An anonymous client for which ``url`` is now served from the cache."""
    client = Client()
    responses = [client.get(url) for _ in range(3)]
    assert responses[2][HEADER] == "hit", url
    return client


def fresh(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert response[HEADER] == "miss", f"{url} was served stale from the cache"
    return response.content.decode()


def commentable_idea(user) -> Contribution:
    ideas = Contribution.objects.filter(visibility=Visibility.PUBLISHED).order_by("pk")
    for idea in ideas.select_related("process"):
        if permissions.decide(user, idea, permissions.COMMENT):
            return idea
    pytest.fail("the demo has no idea open for comments")


def test_a_comment_written_through_the_site_shows_at_once(demo, personas, client_for):
    idea = commentable_idea(personas.citizen)
    url = idea.get_absolute_url()
    anonymous = warm(url)
    text = "Ein Kommentar, der sofort auf der gespeicherten Seite stehen muss."
    response = client_for("citizen").post(
        reverse("participation:comment_add", args=[idea.pk]),
        {"text": text, "form_token": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    published = idea.comments.filter(text=text, visibility=Visibility.PUBLISHED).exists()
    assert (text in fresh(anonymous, url)) == published


def test_a_contribution_hidden_by_the_moderation_disappears_at_once(demo, client_for):
    idea = Contribution.objects.filter(visibility=Visibility.PUBLISHED).order_by("pk").first()
    anonymous = warm(idea.get_absolute_url())
    listing = warm(idea.process.get_absolute_url())
    report = Client().post(
        reverse("participation:report", args=["beitrag", idea.pk]), {"reason": "offensive"}
    )
    assert report.status_code in (200, 302)
    moderator = client_for("participation_coordinator")
    response = moderator.post(
        reverse("participation:moderation"),
        {"action": "hide", "reason": "Verstößt gegen die Netiquette", "contributions": [idea.pk]},
    )
    assert response.status_code == 302
    assert "Verstößt gegen die Netiquette" in fresh(anonymous, idea.get_absolute_url())
    assert idea.title not in fresh(listing, idea.process.get_absolute_url())


def test_a_change_in_the_django_admin_shows_at_once(demo, client):
    from django.contrib.auth import get_user_model

    field = ActionField.objects.order_by("order").first()
    pages = {url: warm(url) for url in ("/", "/handlungsfelder/", field.get_absolute_url())}
    admin = get_user_model().objects.create_superuser("technik-cache", "t@example.org", "x" * 12)
    client.force_login(admin)
    data = {k: ("" if v is None else v) for k, v in model_to_dict(field).items()}
    data["name"] = "Handlungsfeld aus der Technik umbenannt"
    response = client.post(reverse("admin:strategy_actionfield_change", args=[field.pk]), data)
    assert response.status_code == 302, response.content.decode()[:1000]
    for url, anonymous in pages.items():
        assert "Handlungsfeld aus der Technik umbenannt" in fresh(anonymous, url), url


def test_values_imported_by_the_task_worker_show_at_once(
    demo, client_for, django_capture_on_commit_callbacks
):
    from stadtdach.monitoring.imports import runner
    from stadtdach.monitoring.models import ImportJob, Indicator
    from stadtdach.monitoring.tests.test_imports import csv_file, upload

    indicator = Indicator.objects.filter(kind="context").order_by("pk").first()
    url = indicator.get_absolute_url()
    anonymous = warm(url)
    # More rows than the request imports itself: the task does it after the response,
    # outside any request, as the worker process would.
    days = [datetime.date(2100, 1, 1) + datetime.timedelta(days=n) for n in range(240)]
    assert len(days) > runner.SYNC_ROW_LIMIT
    rows = [f"{indicator.code};{day:%d.%m.%Y};{987000 + n};" for n, day in enumerate(days)]
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client_for("coordinator"),
            csv_file(*rows, header="Indikator;Stand am;Wert;Notiz"),
            name="werte.csv",
            kind="values",
        )
    assert response.status_code == 302
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    html = fresh(anonymous, url)
    assert "987.239" in html or "987239" in html


def test_raw_sql_outside_the_orm_shows_at_once(demo):
    field = ActionField.objects.order_by("order").first()
    anonymous = warm("/handlungsfelder/")
    table = ActionField._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET name = %s WHERE id = %s",  # noqa: S608 - constant table name
            ["Per SQL umbenanntes Handlungsfeld", field.pk],
        )
    assert "Per SQL umbenanntes Handlungsfeld" in fresh(anonymous, "/handlungsfelder/")


def test_a_rolled_back_write_leaves_the_stored_page_valid(demo):
    from django.db import transaction

    field = ActionField.objects.order_by("order").first()
    anonymous = warm("/handlungsfelder/")
    with pytest.raises(RuntimeError), transaction.atomic():
        ActionField.objects.filter(pk=field.pk).update(name="Nie gespeichert")
        raise RuntimeError
    html = anonymous.get("/handlungsfelder/").content.decode()
    assert "Nie gespeichert" not in html and field.name in html


def test_nothing_personal_reaches_another_visitor(demo, personas, client_for):
    """One citizen's support and log-in never show to another citizen or to a visitor,
    though the idea page and the idea list are built from shared fragments."""
    from django.utils import translation

    with translation.override("de"):
        supports_idea = translation.gettext("You support this idea.")
        supports_card = translation.gettext("you support it")
        log_out = translation.gettext("Log out")
    idea = commentable_idea(personas.citizen)
    pages = (idea.get_absolute_url(), idea.process.get_absolute_url())
    first = client_for("citizen")
    response = first.post(reverse("participation:support", args=[idea.pk]))
    assert response.status_code == 302
    own = [first.get(url).content.decode() for url in pages]
    assert supports_idea in own[0] and log_out in own[0]
    assert supports_card in own[1]

    for visitor in (client_for(other_citizen(personas)), Client(), Client()):
        html = [visitor.get(url).content.decode() for url in pages]
        assert supports_idea not in html[0] and supports_card not in html[1]
    assert log_out not in html[0]
    # The first citizen still sees their own state after the others filled the cache.
    assert supports_idea in first.get(pages[0]).content.decode()


def other_citizen(personas):
    from django.contrib.auth import get_user_model

    other = get_user_model().objects.create_user("zweite-buergerin", "z@example.org", "x" * 12)
    other.groups.set(personas.citizen.groups.all())
    return other
