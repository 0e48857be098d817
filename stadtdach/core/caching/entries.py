"""Looking up and storing versioned values: whole pages (middleware) and fragments.

An entry holds the tables its value was built from, their version tokens taken *before*
the value was built, and the moment it expires. A value is fresh while every token is
unchanged and the moment has not come. Tokens are read before building, so a write that
commits while the value is built always makes it stale. The tables a value needs are
known only afterwards: the tokens are read for the tables the previous entry of the same
key needed; when the value needed more, only those tables are stored (a "hint", no
value), and the next request builds and stores it."""

import logging
import math
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from stadtdach.core.caching import local, tracking, versions
from stadtdach.core.caching.release import release

logger = logging.getLogger(__name__)

_NO_VALUE = object()


@dataclass(frozen=True)
class Entry:
    tables: frozenset[str]
    tokens: dict[str, str] | None  # None: a hint only
    expires: float
    value: Any


@dataclass
class Lookup:
    entry: Entry | None
    snapshot: dict[str, str] | None  # the tokens now, of the entry's tables
    fresh: bool

    @property
    def value(self):
        return self.entry.value if self.entry else None


def _key(name: str) -> str:
    return f"sd:e:{release()}:{name}"


def lookup(name: str) -> Lookup:
    key = _key(name)
    copy = local.entries.get(key)
    if copy is not None:
        snapshot = versions.snapshot(copy.tables)
        if snapshot is None:
            return Lookup(None, None, False)
        if _fresh(copy, snapshot):
            return Lookup(copy, snapshot, True)
        local.entries.discard(key)
    try:
        entry = versions.backend().get(key)
    except Exception as error:  # noqa: BLE001 - a broken or unreachable cache is a miss
        versions.warn("page cache: lookup failed", error)
        return Lookup(None, None, False)
    if not isinstance(entry, Entry) or not isinstance(entry.tables, frozenset):
        entry = None  # empty, or garbage: built anew
    snapshot = versions.snapshot(entry.tables if entry else ())
    fresh = bool(entry and snapshot is not None and _fresh(entry, snapshot))
    if fresh:
        local.entries.put(key, entry)
    return Lookup(entry, snapshot, fresh)


def _fresh(entry: Entry, snapshot: dict[str, str]) -> bool:
    return (
        entry.tokens is not None
        and time.time() < entry.expires
        and all(
            snapshot.get(t) == entry.tokens.get(t) for t in (*entry.tables, versions.EVERYTHING)
        )
    )


def store(name: str, found: Lookup, recorder: tracking.Recorder, value: Any) -> None:
    """Keep ``value``, built after ``found`` was looked up, with what ``recorder`` saw."""
    if found.snapshot is None:
        return  # the cache failed at lookup: do not write either
    needed = frozenset(recorder.tables)
    now = time.time()
    expires = min(recorder.expires, now + settings.STADTDACH_PAGE_CACHE["timeout"])
    if expires <= now:
        return
    if needed <= found.snapshot.keys():
        tokens = {t: found.snapshot[t] for t in (*needed, versions.EVERYTHING)}
        entry = Entry(needed, tokens, expires, value)
    else:  # the value read tables the lookup had no tokens for: remember them for next time
        previous = found.entry.tables if found.entry else frozenset()
        entry = Entry(needed | previous, None, math.inf, None)
    key = _key(name)
    try:
        versions.backend().set(key, entry, timeout=settings.STADTDACH_PAGE_CACHE["timeout"])
    except Exception as error:  # noqa: BLE001
        versions.warn("page cache: storing failed", error)
        return
    if entry.tokens is not None:
        local.entries.put(key, entry)


def limit(expires: float) -> None:
    """The value being built holds at most until ``expires`` (see clock)."""
    recorder = tracking.current()
    if recorder is not None:
        recorder.add((), expires)


def get_or_compute(
    name: str, compute, *, clock: bool = True, detached: bool = False, storable=None
):
    """A fragment: ``compute()``'s value, cached until a table it read changes or its
    time boundary passes. The value must not depend on who asks (or ``name`` says who).
    The value's tables and expiry pass to the value being built around it, unless
    ``detached`` (the clock's own bookkeeping). ``storable(value)`` may refuse a value."""
    from stadtdach.core.caching import clock as clock_module

    if not settings.STADTDACH_PAGE_CACHE["fragments"]:
        return compute()
    found = lookup(name)
    if found.fresh:
        outer = tracking.current()
        if outer is not None and not detached:
            outer.add(found.entry.tables, found.entry.expires)
        return found.value
    outer = tracking.current()
    with tracking.recording(detached=detached) as recorder:
        if outer is not None and not detached:
            # What the request read before (the view's objects, their annotations) may
            # show inside the fragment: it depends on those tables too.
            recorder.add(outer.tables)
        value = compute()
        if clock:
            recorder.add((), clock_module.expiry(recorder.tables))
    if storable is None or storable(value):
        store(name, found, recorder, value)
    return value
