"""Version tokens: one per table, in the page cache. A write gives its table a new random
token; a cached value remembers the tokens it was built under.

A token that is missing (never set, evicted, the cache server restarted) is created
fresh, so it can never equal a token that a stored value remembers. When the cache
cannot be reached, reads answer None (the caller does not cache) and bumps are kept
and retried with the next bump or lookup of this process."""

import contextvars
import logging
import secrets
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

PREFIX = "sd:v:"
# Stands for every table: bumped by invalidate_all() (a release, a bulk load with COPY).
EVERYTHING = "*"

_pending: set[str] = set()
_pending_lock = threading.Lock()
_last_warning = 0.0


def backend():
    return caches[settings.STADTDACH_PAGE_CACHE["alias"]]


def _key(table: str) -> str:
    return PREFIX + table


def _token() -> str:
    return secrets.token_hex(8)


def warn(message: str, error: BaseException) -> None:
    """Log a cache failure at most once a minute per process (a down server fails often)."""
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 60:
        _last_warning = now
        logger.warning("%s: %s: %s", message, type(error).__name__, error)


# Tokens already read in this request: each table's token is read once per request (a
# page with several fragments asks for the same tables). Older tokens are never wrong:
# a value is then checked against, or stored under, a moment before the request began.
_seen: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "stadtdach_tokens_seen", default=None
)


# The tables whose tokens the last request to a path read: the next request to it reads
# them all in one round trip at its start instead of one per fragment.
_tables_of_path: OrderedDict[str, frozenset[str]] = OrderedDict()
_tables_of_path_lock = threading.Lock()
_PATHS_REMEMBERED = 2000


@contextmanager
def request_scope(path: str | None = None):
    seen: dict[str, str] = {}
    token = _seen.set(seen)
    try:
        known = _tables_of_path.get(path) if path is not None else None
        if known:
            found = _read(set(known))
            if found is not None:
                seen.update(found)
        yield
    finally:
        _seen.reset(token)
        if path is not None and seen:
            _remember(path, frozenset(seen))


def _remember(path: str, tables: frozenset[str]) -> None:
    if _tables_of_path.get(path) == tables:
        return
    with _tables_of_path_lock:
        _tables_of_path[path] = tables
        _tables_of_path.move_to_end(path)
        while len(_tables_of_path) > _PATHS_REMEMBERED:
            _tables_of_path.popitem(last=False)


def snapshot(tables) -> dict[str, str] | None:
    """The current tokens of these tables and of EVERYTHING; None if the cache fails."""
    seen = _seen.get()
    names = {*tables, EVERYTHING}
    if seen is None:
        return _read(names)
    missing = names - seen.keys()
    if missing:
        found = _read(missing)
        if found is None:
            return None
        seen.update(found)
    return {name: seen[name] for name in names}


def _read(names: set[str]) -> dict[str, str] | None:
    retry_pending()
    keys = {_key(name): name for name in names}
    try:
        cache = backend()
        found = cache.get_many(list(keys))
        missing = [key for key in keys if not isinstance(found.get(key), str)]
        if missing:
            for key in missing:
                cache.add(key, _token(), timeout=None)
            found.update(cache.get_many(missing))
    except Exception as error:  # noqa: BLE001 - any cache failure means: do not cache
        warn("page cache: reading versions failed", error)
        return None
    result = {}
    for key, name in keys.items():
        value = found.get(key)
        if not isinstance(value, str):
            return None
        result[name] = value
    return result


def bump(tables) -> None:
    """Give these tables new tokens: every value built from them is stale now."""
    names = set(tables)
    with _pending_lock:
        names |= _pending
        _pending.clear()
    if not names:
        return
    tokens = {name: _token() for name in names}
    seen = _seen.get()
    if seen is not None:
        seen.update(tokens)  # this request sees its own writes
    try:
        backend().set_many({_key(name): value for name, value in tokens.items()}, timeout=None)
    except Exception as error:  # noqa: BLE001 - never fail a write because of the cache
        with _pending_lock:
            _pending.update(names)
        warn("page cache: invalidation failed, will retry", error)


def retry_pending() -> None:
    if _pending:
        bump(())


def invalidate_all() -> None:
    """Make every cached page and fragment stale (after COPY loads, for operators)."""
    bump({EVERYTHING})
