"""Query-count assertions: a list or detail view must not issue more queries as data grows."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext


def _listing(context: CaptureQueriesContext) -> str:
    return "\n".join(
        f"{number}. {query['sql']}" for number, query in enumerate(context.captured_queries, 1)
    )


@contextmanager
def query_budget(
    max_queries: int, why: str, *, using: str = DEFAULT_DB_ALIAS
) -> Iterator[CaptureQueriesContext]:
    """Fail when the block runs more than ``max_queries`` queries.

    ``why`` names the queries the budget allows (``"session, user, measures, themes"``);
    it is printed with the captured SQL when the budget is exceeded::

        with query_budget(4, "session, user, measure page, prefetched themes"):
            response = client.get(url)
    """
    with CaptureQueriesContext(connections[using]) as context:
        yield context
    count = len(context.captured_queries)
    if count > max_queries:
        raise AssertionError(f"{count} queries, budget {max_queries} ({why}):\n{_listing(context)}")


def count_queries(func: Callable[[], object], *, using: str = DEFAULT_DB_ALIAS) -> int:
    """Run ``func`` and return how many queries it made (compare two data sizes with it)."""
    with CaptureQueriesContext(connections[using]) as context:
        func()
    return len(context.captured_queries)
