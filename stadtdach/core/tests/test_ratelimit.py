import pytest
from django.core.cache import cache
from django.test import RequestFactory

from stadtdach.core import ratelimit


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Fake time for the fixed window (the cache's expiry reads the same clock)."""
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    return now


def test_hit_allows_the_limit_then_refuses(clock):
    results = [ratelimit.hit("feedback", "10.0.0.1", limit=3, seconds=60) for _ in range(5)]

    assert results == [True, True, True, False, False]


def test_hit_counts_each_scope_and_client_apart(clock):
    assert ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)
    assert not ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)

    assert ratelimit.hit("feedback", "10.0.0.2", limit=1, seconds=60)
    assert ratelimit.hit("login", "10.0.0.1", limit=1, seconds=60)


def test_hit_starts_again_in_the_next_window(clock):
    assert ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)
    assert not ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)

    clock[0] += 60

    assert ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)


def forwarded_request():
    return RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.9"
    )


def test_client_address_ignores_forwarded_for_by_default(settings):
    settings.STADTDACH_TRUST_X_FORWARDED_FOR = False
    assert ratelimit.client_address(forwarded_request()) == "10.0.0.9"


def test_client_address_behind_a_trusted_proxy(settings):
    settings.STADTDACH_TRUST_X_FORWARDED_FOR = True
    assert ratelimit.client_address(forwarded_request()) == "203.0.113.5"


def test_hit_lets_the_request_through_when_the_cache_server_is_down(settings, caplog):
    # A real Redis client against a port where nothing listens: every call fails.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "stadtdach.core.caching.redis_backend.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    assert ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)
    assert ratelimit.hit("feedback", "10.0.0.1", limit=1, seconds=60)
    assert "Rate limit feedback not counted" in caplog.text
