"""The copy of entries in the process's memory and the per-path token read
(core/caching/local.py, versions.request_scope): as fresh as the shared cache, fewer
round trips."""

import pytest
from django.core.cache import caches

from stadtdach.core.caching import entries, local, versions
from stadtdach.core.models import TextBlock


class CountingCache:
    """The pages cache, counting the calls that would be round trips to a server."""

    def __init__(self, real):
        self.real = real
        self.calls: list[str] = []

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if name in ("get", "get_many", "set", "set_many", "add"):

            def counted(*args, **kwargs):
                self.calls.append(name)
                return attribute(*args, **kwargs)

            return counted
        return attribute


@pytest.fixture
def counting(monkeypatch):
    cache = CountingCache(caches["pages"])
    monkeypatch.setattr(versions, "backend", lambda: cache)
    return cache


def _keys():
    return sorted(TextBlock.objects.values_list("key", flat=True))


@pytest.mark.django_db
def test_a_fresh_copy_is_served_without_reading_the_entry_again(counting):
    for _ in range(2):
        entries.get_or_compute("keys", _keys)  # a hint, then the value
    counting.calls.clear()
    with versions.request_scope():
        assert entries.get_or_compute("keys", _keys) == []
    assert counting.calls == ["get_many"]  # the tokens only, not the entry


@pytest.mark.django_db
def test_a_write_makes_the_copy_stale_like_the_shared_entry():
    for _ in range(2):
        entries.get_or_compute("keys", _keys)
    TextBlock.objects.create(key="neu", text="")
    assert entries.get_or_compute("keys", _keys) == ["neu"]


@pytest.mark.django_db
def test_a_write_by_another_server_makes_the_copy_stale():
    """Another process bumps the token in the shared cache: this process's copy has
    the old token and is not used."""
    for _ in range(2):
        entries.get_or_compute("keys", _keys)
    caches["pages"].set(versions._key("core_textblock"), "from-elsewhere", timeout=None)
    found = entries.lookup("keys")
    assert not found.fresh


@pytest.mark.django_db
def test_objects_are_copied_so_that_one_request_cannot_change_another_s():
    def block():
        return TextBlock(key="k", text="shared")

    for _ in range(3):
        entries.get_or_compute("block", block)
    first = entries.get_or_compute("block", block)
    first.text = "changed by one request"
    assert entries.get_or_compute("block", block).text == "shared"


def test_the_copy_stays_within_its_size_and_can_be_off(settings):
    settings.STADTDACH_PAGE_CACHE = {**settings.STADTDACH_PAGE_CACHE, "local_bytes": 40_000}
    store = local.LocalEntries()
    for number in range(20):
        store.put(f"k{number}", entries.Entry(frozenset(), {}, 0, "x" * 3000))
    assert store._bytes <= 40_000
    assert store.get("k19") is not None and store.get("k0") is None
    store.put("big", entries.Entry(frozenset(), {}, 0, "x" * 10_000))  # over an eighth
    assert store.get("big") is None

    settings.STADTDACH_PAGE_CACHE = {**settings.STADTDACH_PAGE_CACHE, "local_bytes": 0}
    store.put("off", entries.Entry(frozenset(), {}, 0, "x"))
    assert store.get("off") is None


@pytest.mark.django_db
def test_a_path_reads_the_tokens_it_needed_last_time_in_one_round_trip(counting):
    def page():
        with versions.request_scope("/a/"):
            entries.get_or_compute("keys", _keys)
            entries.get_or_compute("count", TextBlock.objects.count)
            versions.snapshot({"core_municipality"})

    for _ in range(3):
        page()
    counting.calls.clear()
    page()
    assert counting.calls == ["get_many"]
