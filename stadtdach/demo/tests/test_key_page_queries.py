"""Every key page of the benchmark (stadtdach/demo/benchmark.py) builds in at most 12 SQL
queries for a visitor, a citizen and a coordinator, with the caches off (issue 10), on
the demo and after the scale generator has added every kind of data to it; the count
does not change with the data.

A signed-in page spends 3 of the 12 on the session, the user and their roles; the pages
read the rest in a fixed number of queries (the per-page budgets with the queries named
are in each app's tests/test_query_budgets.py)."""

from django.contrib.auth import get_user_model
from django.test import Client

from stadtdach.core.testing.queries import count_queries, page_cache_off
from stadtdach.demo import benchmark
from stadtdach.demo.scale import benchmark_targets, run

BUDGET = 12
BERLIN = 0.002  # every part of the Berlin scale, a second or two to generate
ROLES = (None, benchmark.CITIZEN, benchmark.COORDINATOR)
# Pages only staff may open: measured for the coordinator alone.
STAFF_ONLY = {"coordinator: workspace", "coordinator: moderation"}


def _clients() -> dict:
    clients = {None: Client()}
    for username in ROLES[1:]:
        clients[username] = Client()
        clients[username].force_login(get_user_model().objects.get(username=username))
    return clients


def _measure(urls: dict[str, str], clients: dict) -> dict[tuple[str, str | None], int]:
    counts = {}
    for name, url in urls.items():
        roles = (benchmark.COORDINATOR,) if name in STAFF_ONLY else ROLES
        for role in roles:
            client = clients[role]
            with page_cache_off():  # warm-up: content types, per-process caches
                status = client.get(url).status_code
            assert status == 200, (name, role, status)
            counts[name, role] = count_queries(lambda client=client, url=url: client.get(url))
    return counts


def _over_budget(counts: dict) -> list[str]:
    return [
        f"{name} as {role or 'visitor'}: {n}" for (name, role), n in counts.items() if n > BUDGET
    ]


def test_key_pages_stay_within_twelve_queries_as_the_data_grows(demo):
    clients = _clients()
    urls = {page.name: page.url for page in benchmark.pages()}
    before = _measure(urls, clients)
    assert not _over_budget(before), _over_budget(before)

    run("berlin", factor=BERLIN)
    after = _measure(urls, clients)
    grown = {key: (before[key], n) for key, n in after.items() if n != before[key]}
    assert not grown, f"queries before and after the scale data: {grown}"

    # The generator's own targets: a measure with its implementation, milestones,
    # indicators, budget lines and comments, and the action field with most measures.
    targets = benchmark_targets()
    extra = {"a generated measure": targets["measure"]["url"]}
    extra["the fullest action field"] = targets["action_field"]["url"]
    measured = _measure(extra, clients)
    assert not _over_budget(measured), _over_budget(measured)
