"""Which tables of our models an SQL statement reads and which one it writes.

Django quotes table names in the SQL it writes; we match every word against the known
table names instead of parsing SQL, which also covers raw SQL that does not quote."""

import re
from functools import lru_cache

from django.apps import apps
from django.conf import settings

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WRITE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPSERT\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)"
    r"\s+\"?([A-Za-z_][A-Za-z0-9_]*)",
    re.IGNORECASE,
)
_TRUNCATE = re.compile(r"^\s*TRUNCATE\b", re.IGNORECASE)
NOTHING: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
# SQL strings repeat (parameters are separate), so each is parsed once. Lists of
# parameters make some strings unique (IN (%s, %s, ...)); the memo is emptied when full.
_MEMO_SIZE = 4000
_memo: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def _cache_tables() -> set[str]:
    """Tables of Django's database cache: reading or writing them is not content."""
    return {
        str(config.get("LOCATION"))
        for config in settings.CACHES.values()
        if config.get("BACKEND", "").endswith("db.DatabaseCache")
    }


@lru_cache(maxsize=1)
def known_tables() -> frozenset[str]:
    names = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return frozenset(names - _cache_tables())


def parse(sql) -> tuple[frozenset[str], frozenset[str]]:
    """(tables read, tables written) by one statement; only tables of installed models."""
    if not isinstance(sql, str):  # psycopg's composed SQL of backend internals
        return NOTHING
    found = _memo.get(sql)
    if found is not None:
        return found
    known = known_tables()
    words = {word for word in _WORD.findall(sql) if word in known}
    written: frozenset[str] = frozenset()
    match = _WRITE.match(sql)
    if match and match.group(1) in known:
        written = frozenset({match.group(1)})
    elif _TRUNCATE.match(sql):
        written = frozenset(words)
    found = (frozenset(words), written)
    if len(_memo) >= _MEMO_SIZE:
        _memo.clear()
    _memo[sql] = found
    return found
