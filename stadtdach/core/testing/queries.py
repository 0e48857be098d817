"""Query-count assertions: a list or detail view must not issue more queries as data grows.

Budgets measure what building a page costs: the page and fragment cache is off inside
them (a stored page costs no query at all, docs/adr/0005-page-cache.md)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext, override_settings


@contextmanager
def page_cache_off() -> Iterator[None]:
    """Build every page and fragment afresh inside the block."""
    with override_settings(
        STADTDACH_PAGE_CACHE={**settings.STADTDACH_PAGE_CACHE, "pages": False, "fragments": False}
    ):
        yield


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
    with page_cache_off(), CaptureQueriesContext(connections[using]) as context:
        yield context
    count = len(context.captured_queries)
    if count > max_queries:
        raise AssertionError(f"{count} queries, budget {max_queries} ({why}):\n{_listing(context)}")


def count_queries(func: Callable[[], object], *, using: str = DEFAULT_DB_ALIAS) -> int:
    """Run ``func`` and return how many queries it made (compare two data sizes with it)."""
    with page_cache_off(), CaptureQueriesContext(connections[using]) as context:
        func()
    return len(context.captured_queries)


def assert_flat_query_counts(pages, grow: Callable[[], object], *, sizes: str) -> None:
    """Measure every page, grow the data once with ``grow()``, measure every page again.

    ``pages`` holds ``(client, make_url, budget, why)``; ``make_url()`` is called at each
    measurement. Each page must answer 200, make the same number of queries before and
    after, and stay within its budget. All failures are reported together. Growing the
    data once for all pages keeps these tests fast; ``sizes`` reads like "10 and 1,000".
    """

    def measure(client, url) -> tuple[int, int]:
        with page_cache_off():  # warm-up: content types, per-process caches
            status = client.get(url).status_code
        return status, count_queries(lambda: client.get(url))

    pages = list(pages)
    before = [measure(client, make_url()) for client, make_url, _, _ in pages]
    grow()
    failures = []
    for (client, make_url, budget, why), (status, few) in zip(pages, before, strict=True):
        url = make_url()
        after, many = measure(client, url)
        if status != 200 or after != 200:
            failures.append(f"{url}: status {status} / {after}")
        elif few != many or many > budget:
            failures.append(
                f"{url}: {few} and {many} queries with {sizes}, budget {budget} ({why})"
            )
    assert not failures, "\n".join(failures)
