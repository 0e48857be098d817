"""A small fixed-window rate limit for public writes, kept in Django's cache."""

import functools
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    if getattr(settings, "STADTDACH_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Count one request; return False when the limit for this window is exceeded.

    When the cache does not answer (a Redis restart), the request passes and a warning
    is logged: a citizen's contribution outweighs a minute without a limit."""
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    try:
        cache.add(cache_key, 0, timeout=seconds + 5)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=seconds + 5)
            count = 1
    except Exception:  # any cache failure: let the request through
        logger.warning("Rate limit %s not counted: the cache failed", scope, exc_info=True)
        return True
    return count <= limit


def too_many_requests(request, exception=None, *, retry_seconds: int | None = None):
    """The 429 page of every rate limit: ours (``limit_posts``) and django-allauth's, which
    renders ``handler429`` of the root URLconf (config/urls.py) and knows no wait time."""
    minutes = -(-retry_seconds // 60) if retry_seconds else None
    response = render(request, "429.html", {"retry_minutes": minutes}, status=429)
    if retry_seconds:
        response["Retry-After"] = str(retry_seconds)
    return response


def limit_posts(scope: str, *, requests: int | None = None, seconds: int | None = None):
    """Decorate a view: POSTs beyond the rate get a 429 page in plain German.

    The rate defaults to settings.STADTDACH_RATE_LIMIT; a view may allow more (log-in).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            config = settings.STADTDACH_RATE_LIMIT
            if request.method == "POST" and client_address(request) not in config.get(
                "exempt", ()
            ):
                limit = requests or config["requests"]
                window = seconds or config["seconds"]
                if not hit(scope, client_address(request), limit=limit, seconds=window):
                    return too_many_requests(request, retry_seconds=window)
            return view(request, *args, **kwargs)

        # Marks the view for the tests that render every limiter's 429 page.
        wrapped.rate_limit_scope = scope
        return wrapped

    return decorator
