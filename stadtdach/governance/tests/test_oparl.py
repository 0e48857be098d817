"""OParl 1.1: the whole tree, crawled from /oparl/v1/system, validates against the official
schemas (stadtdach/governance/oparl/schema/) and follows the specification's rules; the
non-public items of the world never appear; lists page, filter and fail cleanly."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from jsonschema import Draft7Validator
from referencing import Registry, Resource

from stadtdach.governance import services
from stadtdach.governance.models import Meeting, Paper
from stadtdach.governance.tests.factories import SECRET, add_meetings, build_gov_world

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "oparl" / "schema"
PREFIX = "https://schema.oparl.org/1.1/"
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
BASE = "http://testserver/oparl/v1/"
TOMBSTONE = {"id", "type", "created", "modified", "deleted"}


def _validators() -> dict[str, Draft7Validator]:
    resources = []
    schemas = {}
    for path in SCHEMA_DIR.glob("*.json"):
        schema = json.loads(path.read_text())
        resource = Resource.from_contents(schema)
        # "$ref": "Location.json" resolves against the $id ".../1.1/Body"; "Organization"
        # (in Body.mainOrganization) without the suffix.
        resources += [(PREFIX + path.name, resource), (PREFIX + path.stem, resource)]
        schemas[path.stem] = schema
    registry = Registry().with_resources(resources)
    return {
        name: Draft7Validator(
            schema, registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER
        )
        for name, schema in schemas.items()
    }


VALIDATORS = _validators()


def _check_rules(obj, path: str, problems: list[str]) -> None:
    """Rules the schemas do not carry: created/modified on every object (embedded ones
    too), date formats, full URLs as ids, no null and no empty lists."""
    if isinstance(obj, dict):
        if str(obj.get("type", "")).startswith(PREFIX) and not obj["type"].endswith("System"):
            for key in ("created", "modified"):
                if key not in obj:
                    problems.append(f"{path}: {obj['type']} without {key}")
            if not str(obj.get("id", "")).startswith(BASE):
                problems.append(f"{path}: id is not a full URL: {obj.get('id')}")
        for key, value in obj.items():
            if value is None or (value == [] and key != "legislativeTerm"):
                problems.append(f"{path}.{key}: null or empty list")
            text = value if isinstance(value, str) else None
            moments = ("created", "modified", "start", "end", "oparlSince")
            if text and key in moments and not DATE_TIME.match(text):
                problems.append(f"{path}.{key}: not a date-time with time zone: {text}")
            if text and key in ("startDate", "endDate", "date") and not DATE.match(text):
                problems.append(f"{path}.{key}: not a date: {text}")
            _check_rules(value, f"{path}.{key}", problems)
    elif isinstance(obj, list):
        for n, value in enumerate(obj):
            _check_rules(value, f"{path}[{n}]", problems)


def _urls_in(obj) -> set[str]:
    found = set()
    if isinstance(obj, dict):
        for value in obj.values():
            found |= _urls_in(value)
    elif isinstance(obj, list):
        for value in obj:
            found |= _urls_in(value)
    elif isinstance(obj, str) and obj.startswith(BASE):
        found.add(obj)
    return found


def crawl(client: Client) -> dict[str, dict]:
    """Every document reachable from the system object, by URL; validates as it goes."""
    seen: dict[str, dict] = {}
    queue = [BASE + "system"]
    problems: list[str] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, f"{url}: {response.status_code}"
        assert response["Content-Type"].startswith("application/json")
        data = response.json()
        seen[url] = data
        if "data" in data:  # a list page
            assert set(data) == {"data", "pagination", "links"}, url
            pagination, links = data["pagination"], data["links"]
            if pagination["currentPage"] < pagination["totalPages"]:
                assert "next" in links, f"{url}: no links.next before the last page"
            else:
                assert "next" not in links, url
            objects = data["data"]
        else:
            objects = [data]
        for obj in objects:
            name = obj["type"].removeprefix(PREFIX)
            for error in VALIDATORS[name].iter_errors(obj):
                problems.append(f"{url} {obj.get('id')}: {error.message} at {list(error.path)}")
            if obj.get("deleted"):
                required = set(VALIDATORS[name].schema.get("required", ()))
                assert set(obj) <= TOMBSTONE | required, obj
        _check_rules(data, url, problems)
        queue.extend(u for u in _urls_in(data) if u not in seen)
    assert not problems, "\n".join(problems[:30])
    return seen


@pytest.fixture
def world(db, personas):
    return build_gov_world(personas)


def test_the_whole_tree_validates_and_hides_non_public_items(world):
    tree = crawl(Client())
    text = json.dumps(tree, ensure_ascii=False)
    assert SECRET not in text
    types = {obj["type"] for doc in tree.values() for obj in doc.get("data", [doc])}
    for name in (
        "System",
        "Body",
        "Organization",
        "Person",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
        "LegislativeTerm",
        "Membership",
    ):
        assert PREFIX + name in types, name
    meeting = tree[f"{BASE}meeting/{world.public_meeting.pk}"]
    assert [item["name"] for item in meeting["agendaItem"]] == ["Prozess ISEK vorstellen"]
    assert meeting["agendaItem"][0]["order"] == 0
    assert f"{BASE}meeting/{world.secret_meeting.pk}" not in tree
    assert f"{BASE}paper/{world.secret_paper.pk}" not in tree


def test_non_public_objects_answer_404_at_their_address(world):
    client = Client()
    for path in (
        f"meeting/{world.secret_meeting.pk}",
        f"agendaitem/{world.secret_item.pk}",
        f"paper/{world.secret_paper.pk}",
        f"file/{world.internal_document.pk}",
    ):
        response = client.get(BASE + path)
        assert response.status_code == 404, path
        assert response.json()["type"].endswith("/Error")


def test_oparl_ignores_the_session_even_of_a_coordinator(world, client_for):
    text = json.dumps(crawl(client_for("coordinator")), ensure_ascii=False)
    assert SECRET not in text


def test_unknown_ids_and_addresses_give_a_json_404(world):
    client = Client()
    for path in (
        "meeting/999999",
        "meeting/99999999999999999999999",
        "nothing",
        "body/77",
        "body/77/meetings",
        "person/abc",
    ):
        response = client.get(BASE + path)
        assert response.status_code == 404, path
        assert response.json()["message"]


@pytest.mark.parametrize(
    "query",
    [
        "created_since=gestern",
        "modified_until=2021-01-01",  # a date without time and zone
        "modified_since=2021-01-01T00:00:00",  # no time zone
        "page=0",
        "page=abc",
        "elementsPerPage=-3",
        "limit=-1",
        "limit=0",
        "limit=²",
        "limit=abc",
        "limit=",
        "limit=1e3",
    ],
)
def test_bad_filter_values_give_a_json_400(world, query):
    response = Client().get(f"{BASE}body/{world.authority.pk}/meetings?{query}")
    assert response.status_code == 400
    assert response.json()["type"].endswith("/Error")


def test_a_page_beyond_the_last_gives_a_404(world):
    response = Client().get(f"{BASE}body/{world.authority.pk}/meetings?page=99")
    assert response.status_code == 404


def test_lists_page_with_next_links_and_keep_the_filters(world):
    add_meetings(world, 250)
    client = Client()
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    url = f"{BASE}body/{world.authority.pk}/meetings?elementsPerPage=40&modified_since={since}"
    pages, ids = 0, []
    while url:
        data = client.get(url).json()
        pages += 1
        ids += [obj["id"] for obj in data["data"]]
        assert len(data["data"]) <= 40
        url = data["links"].get("next")
        if url:
            assert "modified_since=" in url and "elementsPerPage=40" in url
    public = Meeting.objects.filter(is_public=True).count()
    assert len(ids) == len(set(ids)) == public
    assert pages == -(-public // 40)


def test_lists_have_a_bounded_default_page_and_take_a_limit(world):
    """25 objects a page by default, ``limit`` asks for fewer or more (at most 100), and
    the links keep the limit; a limit beyond the maximum is cut to it."""
    from stadtdach.governance.oparl.views import MAX_PAGE_SIZE, PAGE_SIZE

    add_meetings(world, 250)
    client = Client()
    base = f"{BASE}body/{world.authority.pk}/meetings"
    public = Meeting.objects.filter(is_public=True).count()
    first = client.get(base).json()
    assert len(first["data"]) == PAGE_SIZE == first["pagination"]["elementsPerPage"]
    assert first["pagination"]["totalPages"] == -(-public // PAGE_SIZE)
    assert "limit" not in first["links"]["next"] and "page=2" in first["links"]["next"]
    small = client.get(base + "?limit=7").json()
    assert len(small["data"]) == 7 and "limit=7" in small["links"]["next"]
    assert "limit=7" in small["links"]["last"]
    ids, url = [], base + "?limit=60"
    while url:
        data = client.get(url).json()
        assert len(data["data"]) <= 60
        ids += [obj["id"] for obj in data["data"]]
        url = data["links"].get("next")
    assert len(ids) == len(set(ids)) == public
    huge = client.get(base + "?limit=100000").json()
    assert huge["pagination"]["elementsPerPage"] == MAX_PAGE_SIZE
    last = first["pagination"]["totalPages"]
    assert client.get(base + f"?page={last}").status_code == 200
    assert client.get(base + f"?page={last + 1}").status_code == 404
    assert client.get(base + "?page=99999999999").status_code == 400


def test_filters_select_by_created_and_modified(world):
    client = Client()
    url = f"{BASE}body/{world.authority.pk}/papers"
    everything = client.get(url).json()["pagination"]["totalElements"]
    assert everything == 1
    future = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    assert client.get(url, {"created_since": future}).json()["data"] == []
    assert len(client.get(url, {"created_until": future}).json()["data"]) == 1
    # An unencoded "+" of the time zone arrives as a space and is still understood.
    raw = timezone.localtime(timezone.now() + datetime.timedelta(hours=1)).isoformat()
    response = client.get(url + "?modified_until=" + raw)
    assert response.status_code == 200 and len(response.json()["data"]) == 1


def test_deleted_objects_stay_as_tombstones_and_touch_their_parents(world, personas):
    paper_before = Paper.objects.get(pk=world.paper.pk).modified
    services.soft_delete(actor=personas.coordinator, instance=world.consultation)
    client = Client()
    tombstone = client.get(f"{BASE}consultation/{world.consultation.pk}")
    assert tombstone.status_code == 200
    data = tombstone.json()
    assert data["deleted"] is True and set(data) == TOMBSTONE
    paper = client.get(f"{BASE}paper/{world.paper.pk}").json()
    assert all(c["id"] != data["id"] for c in paper.get("consultation", []))
    assert Paper.objects.get(pk=world.paper.pk).modified > paper_before
    # The deleted consultation is still in the list, so syncing clients learn of it.
    listing = client.get(f"{BASE}body/{world.authority.pk}/consultations").json()
    assert any(c["id"] == data["id"] and c.get("deleted") for c in listing["data"])
    services.soft_delete(actor=personas.coordinator, instance=world.public_meeting)
    meeting = client.get(f"{BASE}meeting/{world.public_meeting.pk}").json()
    assert meeting["deleted"] is True
    item = client.get(f"{BASE}agendaitem/{world.public_item.pk}").json()
    assert item["deleted"] is True
    crawl(client)


def test_embedded_objects_leave_out_the_back_reference(world):
    client = Client()
    meeting = client.get(f"{BASE}meeting/{world.public_meeting.pk}").json()
    assert "meeting" not in meeting["agendaItem"][0]
    item = client.get(f"{BASE}agendaitem/{world.public_item.pk}").json()
    assert item["meeting"] == f"{BASE}meeting/{world.public_meeting.pk}"
    paper = client.get(f"{BASE}paper/{world.paper.pk}").json()
    assert all("paper" not in c for c in paper["consultation"])
    assert paper["consultation"][0]["stadtdach:votes"] == {"yes": 3, "no": 0, "abstain": 0}
    person = client.get(f"{BASE}person/{world.people[1].pk}").json()
    assert all("person" not in m for m in person["membership"])


def test_oparl_answers_are_open_to_other_sites(world):
    response = Client().get(BASE + "system")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["oparlVersion"] == PREFIX
