"""The anonymous page cache (core/caching/middleware.py, docs/adr/0005-page-cache.md):
what is stored and served, what never is, and that failures of the cache are misses."""

import datetime
import re
import time

import pytest
from django.test import Client
from django.utils import timezone

from stadtdach.core.caching import clock
from stadtdach.core.caching.middleware import HEADER
from stadtdach.core.testing.services import skip_or_fail

pytestmark = pytest.mark.django_db


def fetch(client, url, times=3, **extra):
    """The responses of ``times`` requests (the second one stores, the third is served)."""
    return [client.get(url, **extra) for _ in range(times)]


def test_a_page_is_built_twice_then_served_from_the_cache(demo):
    responses = fetch(Client(), "/massnahmen/")

    assert [r[HEADER] for r in responses] == ["miss", "miss", "hit"]
    assert responses[2].content == responses[1].content
    assert responses[2]["Content-Type"].startswith("text/html")
    assert responses[2]["Content-Security-Policy"] == responses[1]["Content-Security-Policy"]


def test_a_served_page_makes_no_query(demo, django_assert_num_queries):
    client = Client()
    fetch(client, "/")
    with django_assert_num_queries(0):
        assert client.get("/")[HEADER] == "hit"


def test_a_repeat_visit_with_the_etag_gets_304(demo):
    client = Client()
    *_, last = fetch(client, "/leitbild/")
    again = client.get("/leitbild/", HTTP_IF_NONE_MATCH=last["ETag"])

    assert again.status_code == 304
    assert again.content == b""


def test_logged_in_users_are_never_served_or_stored(demo, client_for):
    citizen = client_for("citizen")
    for response in fetch(citizen, "/massnahmen/"):
        assert HEADER not in response
        assert b"accounts/logout" in response.content or b"abmelden" in response.content

    anonymous = fetch(Client(), "/massnahmen/")
    assert [r[HEADER] for r in anonymous] == ["miss", "miss", "hit"]
    assert b"abmelden" not in anonymous[2].content


def _tokens(response) -> tuple[str, str]:
    html = response.content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return csrf, form


def test_a_stored_form_page_gives_every_visitor_their_own_tokens(demo):
    first = Client(enforce_csrf_checks=True)
    fetch(first, "/barrierefreiheit/")
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    served = [visitor.get("/barrierefreiheit/") for visitor in visitors]

    assert [r[HEADER] for r in served] == ["hit", "hit"]
    assert "ETag" not in served[0]
    assert int(served[0]["Content-Length"]) == len(served[0].content)
    (csrf_a, form_a), (csrf_b, form_b) = (_tokens(r) for r in served)
    assert csrf_a != csrf_b and form_a != form_b
    assert "__stadtdach" not in served[0].content.decode()
    # each visitor's token belongs to the cookie they were given: the form is accepted
    response = visitors[0].post(
        "/barrierefreiheit/",
        {
            "csrfmiddlewaretoken": csrf_a,
            "form_token": form_a,
            "name": "Erika Muster",
            "email": "erika@example.org",
            "page": "/massnahmen/",
            "message": "Der Kontrast der Tabelle ist zu schwach.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    # a visitor who keeps their cookie keeps their secret
    again = visitors[1].get("/barrierefreiheit/")
    assert again[HEADER] == "hit"
    assert visitors[1].cookies["csrftoken"].value


def test_every_template_writes_csrf_tokens_with_the_tag_only():
    """holes.py replaces the token that {% csrf_token %} renders; a token written any
    other way would be stored and served to others."""
    from pathlib import Path

    from django.conf import settings

    offenders = [
        str(path)
        for folder in ("templates", "stadtdach")
        for path in (Path(settings.BASE_DIR) / folder).rglob("*.html")
        if re.search(r"\{\{\s*csrf_token", path.read_text())
    ]
    assert not offenders


def test_a_visitor_with_a_message_waiting_is_not_served_a_stored_page(demo):
    client = Client()
    fetch(client, "/massnahmen/")
    client.cookies["messages"] = "anything"
    assert HEADER not in client.get("/massnahmen/")


def test_languages_query_strings_and_htmx_requests_are_kept_apart(demo):
    client = Client()
    german = fetch(client, "/massnahmen/")[2]
    english = fetch(client, "/en/massnahmen/")[2]
    filtered = fetch(client, "/massnahmen/?prioritaet=high")[2]
    partial = fetch(client, "/massnahmen/", HTTP_HX_REQUEST="true")[2]

    assert english["Content-Language"] == "en" and german["Content-Language"] == "de"
    assert len({german.content, english.content, filtered.content, partial.content}) == 4
    assert all(r[HEADER] == "hit" for r in (german, english, filtered, partial))
    # the same query in another order is the same page
    assert client.get("/massnahmen/?b=2&a=1")[HEADER] == "miss"
    assert client.get("/massnahmen/?a=1&b=2")[HEADER] == "miss"
    assert client.get("/massnahmen/?b=2&a=1")[HEADER] == "hit"


def test_errors_posts_and_the_readiness_check_are_not_stored(demo):
    client = Client()
    assert all(HEADER not in r for r in fetch(client, "/gibt-es-nicht/"))
    assert all(HEADER not in r for r in fetch(client, "/healthz"))
    assert HEADER not in client.post("/massnahmen/")


def test_a_write_shows_on_the_next_request(demo):
    from stadtdach.strategy.models import Measure

    client = Client()
    fetch(client, "/massnahmen/")
    measure = Measure.objects.first()
    Measure.objects.filter(pk=measure.pk).update(title="Ganz neuer Titel der Maßnahme")

    response = client.get("/massnahmen/")
    assert response[HEADER] == "miss"
    assert "Ganz neuer Titel der Maßnahme" in response.content.decode()


def test_a_process_that_opens_shows_as_open_when_its_moment_comes(demo):
    from stadtdach.participation.models import ParticipationProcess

    process = ParticipationProcess.objects.filter(
        is_published=True, audience=ParticipationProcess.Audience.PUBLIC
    ).first()
    opens = timezone.now() + datetime.timedelta(seconds=1.5)
    ParticipationProcess.objects.filter(pk=process.pk).update(
        title="Verfahren, das gleich beginnt",
        starts_at=opens,
        ends_at=opens + datetime.timedelta(days=30),
    )

    def section(html: str) -> str:
        for part in html.split('<section aria-labelledby="section-')[1:]:
            if "Verfahren, das gleich beginnt" in part:
                return part.split('"', 1)[0]
        return ""

    client = Client()
    before = fetch(client, "/beteiligung/")
    assert before[2][HEADER] == "hit"
    assert section(before[2].content.decode()) == "upcoming"

    time.sleep(max(0.0, opens.timestamp() - time.time()) + 0.05)
    after = client.get("/beteiligung/")
    assert after[HEADER] == "miss"
    assert section(after.content.decode()) == "open"


@pytest.fixture
def broken_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "broken": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.STADTDACH_PAGE_CACHE = {**settings.STADTDACH_PAGE_CACHE, "alias": "broken"}
    yield
    from stadtdach.core.caching import versions

    versions._pending.clear()


def test_pages_are_served_uncached_when_the_cache_server_is_down(demo, broken_cache):
    from stadtdach.strategy.models import Measure

    client = Client()
    for response in fetch(client, "/massnahmen/"):
        assert response.status_code == 200
        assert HEADER not in response
    Measure.objects.update(title="Geschrieben ohne Cache")  # the write does not fail either
    assert "Geschrieben ohne Cache" in client.get("/massnahmen/").content.decode()


def test_garbage_from_the_cache_never_breaks_a_page(demo, monkeypatch):
    from stadtdach.core.caching import entries, versions

    class Garbage:
        def get(self, *args, **kwargs):
            return b"\x00garbage"

        def get_many(self, keys):
            return dict.fromkeys(keys, 42)

        def add(self, *args, **kwargs):
            return True

        def set(self, *args, **kwargs):
            pass

        def set_many(self, *args, **kwargs):
            return []

    monkeypatch.setattr(versions, "backend", Garbage)
    assert entries.lookup("page:x").fresh is False
    for response in fetch(Client(), "/massnahmen/"):
        assert response.status_code == 200


def test_redis_holds_pages_and_versions_across_clients(demo, settings):
    import redis

    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except redis.exceptions.RedisError as error:
        skip_or_fail(f"Redis not reachable at 127.0.0.1:6379: {error}")
    prefix = f"test-{time.time_ns()}"
    settings.CACHES = {
        **settings.CACHES,
        "redis": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        },
    }
    settings.STADTDACH_PAGE_CACHE = {**settings.STADTDACH_PAGE_CACHE, "alias": "redis"}
    from stadtdach.strategy.models import Measure

    try:
        assert [r[HEADER] for r in fetch(Client(), "/massnahmen/")] == ["miss", "miss", "hit"]
        assert Client().get("/massnahmen/")[HEADER] == "hit"  # another visitor
        Measure.objects.update(title="In Redis invalidiert")
        fresh = Client().get("/massnahmen/")
        assert fresh[HEADER] == "miss"
        assert "In Redis invalidiert" in fresh.content.decode()
    finally:
        connection = redis.Redis(host="127.0.0.1", port=6379, db=15)
        for key in connection.scan_iter(f"{prefix}:*"):
            connection.delete(key)


def test_the_cache_can_be_switched_off(demo, settings):
    settings.STADTDACH_PAGE_CACHE = {**settings.STADTDACH_PAGE_CACHE, "pages": False}
    assert all(HEADER not in r for r in fetch(Client(), "/massnahmen/"))


def test_the_clock_ends_values_that_read_a_table_with_a_coming_moment(demo):
    from stadtdach.participation.models import ParticipationProcess

    process = ParticipationProcess.objects.first()
    soon = timezone.now() + datetime.timedelta(minutes=5)
    ParticipationProcess.objects.filter(pk=process.pk).update(ends_at=soon)
    table = ParticipationProcess._meta.db_table

    assert clock.expiry({table}) <= soon.timestamp() + 0.001
    assert clock.expiry({"core_textblock"}) == clock.next_midnight()
