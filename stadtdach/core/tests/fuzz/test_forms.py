"""Every form of the site, found by crawling it as each role, answers hostile values
without a server error, without echoing them unescaped, and without changing anything
when it refuses them (stadtdach/core/testing/fuzz.py says what is checked).

Each role's crawl and fuzzing run in one test process (xdist group), the roles in
parallel. A failure lists every problem with the seed and depth that reproduce it."""

import time

import pytest
from django.test import Client

from stadtdach.core.testing.fuzz import Fuzzer
from stadtdach.core.testing.fuzz_crawl import Discovery, walk_json
from stadtdach.core.testing.fuzz_endpoints import EndpointFuzzer
from stadtdach.core.testing.fuzz_uploads import TEST_LIMIT, UploadFuzzer
from stadtdach.core.tests.fuzz.conftest import PASSWORDS, ROLES, demo_user

# Hostile submits per role, spread over the fields of its forms (at least one each).
FIELD_BUDGET = 300
# The two coordinators see the same forms: each fuzzes half of them field by field.
SHARES = {"participation_coordinator": (0, 2), "coordinator": (1, 2)}


def intruders(role: str) -> list[str]:
    """Who tries the forms of ``role`` without being offered them: every role below it,
    and for the citizen another citizen."""
    lower = list(ROLES[: ROLES.index(role)])
    return [*lower, "other_citizen"] if role != "anonymous" else []


@pytest.mark.parametrize(
    "role", [pytest.param(r, marks=pytest.mark.xdist_group(f"fuzz-{r}")) for r in ROLES]
)
def test_every_form_survives_hostile_values(role, visitor, discover, personas):
    started = time.monotonic()
    found = discover(role)
    crawled = time.monotonic()
    client = visitor(role)
    csrf_client = Client(enforce_csrf_checks=True, raise_request_exception=True)
    if role != "anonymous":
        csrf_client.force_login(demo_user(role))
    others = {
        name: visitor(personas.citizen if name == "other_citizen" else name)
        for name in intruders(role)
    }
    fuzzer = Fuzzer(role, passwords=PASSWORDS, share=SHARES.get(role))
    fuzzer.plan(found.forms.values(), budget=FIELD_BUDGET)
    for number, form in enumerate(found.forms.values()):
        data = fuzzer.fuzz_form(client, form)
        fuzzer.csrf(csrf_client, form, data, wrong=bool(number % 2))
        if others:
            other = list(others)[number % len(others)]
            fuzzer.intruder(others[other], other, form, data)
    print(
        f"{role}: {found.pages} pages, {len(found.forms)} forms in {crawled - started:.1f}s; "
        f"{fuzzer.requests} requests in {time.monotonic() - crawled:.1f}s"
    )
    assert not found.errors, found.errors
    assert not fuzzer.failures, fuzzer.report()


@pytest.mark.parametrize(
    "role", [pytest.param(r, marks=pytest.mark.xdist_group(f"fuzz-{r}")) for r in ROLES]
)
def test_every_upload_refuses_hostile_files(role, visitor, discover, settings):
    settings.STADTDACH_MAX_UPLOAD_BYTES = TEST_LIMIT
    found = discover(role)
    client = visitor(role)
    fuzzer = UploadFuzzer(role, passwords=PASSWORDS, share=SHARES.get(role))
    for form in found.forms.values():
        if fuzzer.file_fields(form) and fuzzer.is_mine(form):
            fuzzer.fuzz_uploads(client, form)
    assert not fuzzer.failures, fuzzer.report()


# Hostile requests per role against the JSON and OParl interfaces.
ENDPOINT_BUDGET = 400


@pytest.mark.parametrize(
    "role",
    [
        pytest.param(r, marks=pytest.mark.xdist_group(f"fuzz-{r}"))
        for r in ("anonymous", "citizen", "coordinator")
    ],
)
def test_json_and_oparl_answer_hostile_parameters(role, visitor, discover):
    client = visitor(role)
    interfaces = Discovery(who=role, json_urls=dict(discover(role).json_urls))
    walk_json(client, "/oparl/v1/system", interfaces)
    urls = list(interfaces.json_urls.values())
    assert any("/oparl/v1/" in url for url in urls) and len(urls) > 10, urls
    fuzzer = EndpointFuzzer(role)
    fuzzer.plan_endpoints(urls, budget=ENDPOINT_BUDGET)
    for url in urls:
        fuzzer.fuzz_endpoint(client, url)
    assert not interfaces.errors, interfaces.errors
    assert not fuzzer.failures, fuzzer.report()


# Hostile requests per role against the query parameters of the pages.
QUERY_BUDGET = 250


@pytest.mark.parametrize(
    "role", [pytest.param(r, marks=pytest.mark.xdist_group(f"fuzz-{r}")) for r in ROLES]
)
def test_page_filters_answer_hostile_parameters(role, visitor, discover):
    found = discover(role)
    client = visitor(role)
    fuzzer = EndpointFuzzer(role)
    count = sum(len(names) for _, names in found.queries.values())
    if not fuzzer.sampler.fixed:
        fuzzer.sampler.per_field = max(1, QUERY_BUDGET // max(count, 1))
    for address, names in found.queries.values():
        fuzzer.fuzz_query(client, address, names)
    assert not fuzzer.failures, fuzzer.report()
