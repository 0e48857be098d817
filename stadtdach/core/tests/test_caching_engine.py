"""The parts of the page cache below the middleware: SQL parsing, version tokens, the
write hook inside and outside transactions, entries and the clock (docs/adr/0005)."""

import datetime
import math
import time

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import connection, models, transaction
from django.utils import timezone

from stadtdach.core.caching import clock, entries, tables, tracking, versions
from stadtdach.core.models import TextBlock


@pytest.fixture
def bumps(monkeypatch):
    """Every bump's tables, in order (the real bump still runs)."""
    seen: list[set[str]] = []
    real = versions.bump

    def recording_bump(names):
        seen.append(set(names))
        real(names)

    monkeypatch.setattr(versions, "bump", recording_bump)
    return seen


def test_parse_finds_the_tables_read_and_the_one_written():
    read, written = tables.parse(
        'UPDATE "core_textblock" SET "text" = %s WHERE "core_textblock"."id" IN '
        '(SELECT U0."id" FROM "core_municipality" U0)'
    )
    assert read == {"core_textblock", "core_municipality"}
    assert written == {"core_textblock"}

    assert tables.parse('INSERT INTO "core_auditentry" ("x") VALUES (%s)')[1] == {"core_auditentry"}
    assert tables.parse('DELETE FROM "core_textblock" WHERE id = 1')[1] == {"core_textblock"}
    assert tables.parse("INSERT OR IGNORE INTO core_textblock VALUES (1)")[1] == {"core_textblock"}
    assert tables.parse('TRUNCATE "core_textblock", "core_municipality" CASCADE')[1] == {
        "core_textblock",
        "core_municipality",
    }
    assert tables.parse('SELECT 1 FROM "core_textblock"') == ({"core_textblock"}, set())


def test_parse_ignores_the_database_cache_and_unknown_words():
    assert tables.parse('INSERT INTO "stadtdach_cache" VALUES (1)') == (set(), set())
    assert tables.parse("SELECT id FROM nothing_known") == (set(), set())
    assert tables.parse(b"SELECT 1") == (set(), set())


def test_known_tables_include_many_to_many_tables():
    through = apps.get_model("participation", "Contribution").themes.through
    assert through._meta.db_table in tables.known_tables()


def test_a_missing_token_is_created_fresh_and_never_repeats():
    first = versions.snapshot({"core_textblock"})
    assert first is not None
    caches["pages"].delete(versions.PREFIX + "core_textblock")  # evicted
    second = versions.snapshot({"core_textblock"})
    assert second["core_textblock"] != first["core_textblock"]
    assert second[versions.EVERYTHING] == first[versions.EVERYTHING]


@pytest.mark.django_db
def test_a_write_in_the_test_transaction_bumps_at_once(bumps):
    TextBlock.objects.create(key="a", text="x")
    TextBlock.objects.filter(key="a").update(text="y")

    assert bumps == [{"core_textblock"}, {"core_textblock"}]


@pytest.mark.django_db(transaction=True)
def test_a_transaction_bumps_when_first_written_and_again_after_commit(bumps):
    with transaction.atomic():
        TextBlock.objects.create(key="a", text="x")
        TextBlock.objects.create(key="b", text="x")
        assert bumps == [{"core_textblock"}]  # once early, not per row
    assert bumps == [{"core_textblock"}, {"core_textblock"}]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_does_not_bump_after(bumps):
    with pytest.raises(RuntimeError), transaction.atomic():
        TextBlock.objects.create(key="a", text="x")
        raise RuntimeError
    assert bumps == [{"core_textblock"}]
    assert not connection.run_on_commit


@pytest.mark.django_db(transaction=True)
def test_a_write_after_a_rolled_back_savepoint_is_bumped_on_commit(bumps):
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            TextBlock.objects.create(key="a", text="x")
            raise RuntimeError  # takes its commit callback with it
        TextBlock.objects.create(key="b", text="x")
    # early in the savepoint, early after it, and after the commit
    assert bumps == [{"core_textblock"}, {"core_textblock"}, {"core_textblock"}]
    assert TextBlock.objects.filter(key="b").exists()


@pytest.mark.django_db
def test_reads_are_recorded_and_nested_recordings_pass_outward():
    with tracking.recording() as outer:
        with tracking.recording() as inner:
            list(TextBlock.objects.all())
        assert inner.tables == {"core_textblock"}
        with tracking.recording(detached=True) as alone:
            list(apps.get_model("core", "Municipality").objects.all())
        assert alone.tables == {"core_municipality"}
    assert outer.tables == {"core_textblock"}


@pytest.mark.django_db
def test_a_fragment_is_kept_until_a_table_it_read_changes():
    calls = []

    def compute():
        calls.append(1)
        return sorted(TextBlock.objects.values_list("key", flat=True))

    assert entries.get_or_compute("keys", compute) == []  # records the tables (hint)
    assert entries.get_or_compute("keys", compute) == []  # stores
    assert entries.get_or_compute("keys", compute) == []  # served
    assert len(calls) == 2

    TextBlock.objects.create(key="new", text="")
    assert entries.get_or_compute("keys", compute) == ["new"]
    assert len(calls) == 3


@pytest.mark.django_db
def test_a_served_fragment_passes_its_tables_to_the_page_around_it():
    def compute():
        return TextBlock.objects.count()

    for _ in range(2):
        entries.get_or_compute("count", compute)
    with tracking.recording() as page:
        entries.get_or_compute("count", compute)  # served: no query runs
    assert page.tables == {"core_textblock"}


@pytest.mark.django_db
def test_a_fragment_is_not_kept_past_its_limit():
    def compute():
        entries.limit(time.time() + 0.2)
        return TextBlock.objects.count()

    for _ in range(2):
        entries.get_or_compute("short", compute)
    assert entries.lookup("short").fresh
    time.sleep(0.25)
    assert not entries.lookup("short").fresh


def test_garbage_in_the_cache_is_a_miss():
    caches["pages"].set(entries._key("broken"), "not an entry")
    found = entries.lookup("broken")
    assert found.entry is None
    assert not found.fresh


def test_no_value_is_kept_past_local_midnight():
    moment = datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC)  # 00:30 in Berlin
    midnight = clock.next_midnight(moment.timestamp())
    local = timezone.localtime(datetime.datetime.fromtimestamp(midnight, tz=datetime.UTC))
    assert (local.date(), local.hour, local.minute) == (datetime.date(2026, 3, 30), 0, 0)
    # over the change to summer time (29 March 2026): 23 hours later
    start = timezone.make_aware(datetime.datetime(2026, 3, 29, 0, 0))
    assert clock.next_midnight(start.timestamp()) - start.timestamp() == 23 * 3600


# Date-times that pages do not compare with the present: records of when something
# happened. A new date-time field must be added here or to STADTDACH_CLOCK_FIELDS.
NOT_CLOCK_FIELDS = {
    "created",
    "modified",
    "last_login",
    "date_joined",
    "deleted_at",
    "moderated_at",
    "answered_at",
    "published_at",
    "resolved_at",
    "sent_at",
    "decided_at",
    "started_at",
    "finished_at",
    "expire_date",
    "sent",
    "accepted_at",
    "recorded_at",
    "submitted_at",
    "imported_at",
    "generated_at",
    "given_at",
    "withdrawn_at",
    "confirmed_at",
    "read_at",
    "uploaded_at",
    "at",
    "enqueued_at",
    "run_after",
    "last_attempted_at",
    "timestamp",
    "last_seen",  # a task worker's heartbeat (core.ops.lease)
}


def test_every_date_time_field_is_a_clock_field_or_declared_not_one():
    from django.conf import settings

    listed = set(settings.STADTDACH_CLOCK_FIELDS)
    undecided = []
    for model in apps.get_models():
        if not model.__module__.startswith("stadtdach."):
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.DateTimeField):
                continue
            name = f"{model._meta.app_label}.{model.__name__}.{field.name}"
            if name not in listed and field.name not in NOT_CLOCK_FIELDS:
                undecided.append(name)
    assert not undecided, (
        "Date-time fields that may change a page when their moment comes: add each to "
        f"STADTDACH_CLOCK_FIELDS or to NOT_CLOCK_FIELDS in this test: {undecided}"
    )
    assert all(isinstance(f[0], type) for f in clock.fields())


def test_a_cache_that_cannot_be_reached_reads_as_none_and_retries_bumps(settings):
    settings.CACHES = {
        **settings.CACHES,
        "broken": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.STADTDACH_PAGE_CACHE = {**settings.STADTDACH_PAGE_CACHE, "alias": "broken"}
    try:
        assert versions.snapshot({"core_textblock"}) is None
        versions.bump({"core_textblock"})
        assert "core_textblock" in versions._pending
        assert entries.lookup("x").fresh is False
    finally:
        versions._pending.clear()
    assert math.isinf(tracking.Recorder().expires)


def test_the_redis_back_end_reuses_one_client_per_pool(settings):
    import redis
    from django.core.cache import caches

    from stadtdach.core.testing.services import skip_or_fail

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        skip_or_fail("Redis not reachable at 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "test-clients",
        },
    }
    cache = caches["shared"]
    cache.set("a", {"value": 1}, 30)
    assert cache.get("a") == {"value": 1} and cache.get_many(["a", "b"]) == {"a": {"value": 1}}
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b", write=True) is client  # one server: one pool
    cache.delete("a")
    assert cache.get("a") is None
