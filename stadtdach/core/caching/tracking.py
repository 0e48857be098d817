"""The connection hook: record the tables a cached value reads, bump the versions of the
tables a write changes.

A write outside a transaction is committed when the statement returns: its tables are
bumped at once. Inside a transaction they are bumped when the write is first seen (so
that a reader in the same process never keeps an old value) and again after the commit
(a reader elsewhere may have cached the old rows between the two). A rolled-back
transaction drops its commit callback with the rows. The transactions that a test case
wraps around each test stand for autocommit: they never commit."""

import contextvars
import math
from contextlib import contextmanager
from dataclasses import dataclass, field

from stadtdach.core.caching import tables, versions


@dataclass
class Recorder:
    """What a value being built has read, and until when it holds."""

    tables: set[str] = field(default_factory=set)
    expires: float = math.inf

    def merge(self, other: "Recorder") -> None:
        self.tables |= other.tables
        self.expires = min(self.expires, other.expires)

    def add(self, names, expires: float = math.inf) -> None:
        self.tables.update(names)
        self.expires = min(self.expires, expires)


_recorders: contextvars.ContextVar[tuple[Recorder, ...]] = contextvars.ContextVar(
    "stadtdach_recorders", default=()
)


@contextmanager
def paused():
    """Reads inside the block are not content of what is being built around it (the
    session and the user of a request); values built inside record their own reads."""
    with recording(detached=True):
        yield


@contextmanager
def recording(*, detached: bool = False):
    """Record the tables read inside the block; nested recordings pass theirs outward
    when they end, unless ``detached``."""
    recorder = Recorder()
    token = _recorders.set((*_recorders.get(), recorder))
    try:
        yield recorder
    finally:
        _recorders.reset(token)
        outer = _recorders.get()
        if outer and not detached:
            outer[-1].merge(recorder)


def current() -> Recorder | None:
    stack = _recorders.get()
    return stack[-1] if stack else None


class _Flush:
    """The commit callback of one transaction level: bumps the tables written in it."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def __call__(self) -> None:
        versions.bump(self.tables)


def _in_transaction(connection) -> bool:
    return connection.in_atomic_block and any(
        not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks
    )


def _flush_of(connection) -> _Flush:
    """The callback registered at the current savepoint level, or a new one. A savepoint
    rolled back takes its callback with it, so a later write registers anew."""
    level = set(connection.savepoint_ids)
    for sids, function, _robust in reversed(connection.run_on_commit):
        if isinstance(function, _Flush) and sids == level:
            return function
    flush = _Flush()
    connection.on_commit(flush, robust=True)
    return flush


def written(connection, names) -> None:
    if not _in_transaction(connection):
        versions.bump(names)
        return
    flush = _flush_of(connection)
    new = set(names) - flush.tables
    if new:
        flush.tables |= new
        versions.bump(new)


def execute_wrapper(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    read, write = tables.parse(sql)
    if read:
        stack = _recorders.get()
        if stack:
            stack[-1].tables.update(read)
    if write:
        written(context["connection"], write)
    return result


def install(connection, **kwargs) -> None:
    """connection_created receiver: hook every new database connection once."""
    if execute_wrapper not in connection.execute_wrappers:
        connection.execute_wrappers.append(execute_wrapper)
