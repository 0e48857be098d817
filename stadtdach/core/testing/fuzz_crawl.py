"""Form discovery for the fuzz suite: crawl the site as one visitor and collect every
``<form method="post">`` with its fields, and every JSON address on the way.

The crawl follows links inside the site breadth-first. Pages of the same address pattern
(one URL route, with or without a query) are visited until one of them brought no form
that had not been seen yet (three in the full run, FUZZ_EXHAUSTIVE=1), so a route with
hundreds of objects costs a few requests, while a route whose pages differ (participation
formats under one address) is walked further. A form is known by its target route and its
field names: the first one found stands for all of its kind.
"""

import json
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.urls import Resolver404, resolve

from stadtdach.core.testing.fuzz_values import exhaustive

# Never followed: files, the admin (Django's own), language switch, log-out, media views.
SKIPPED_PREFIXES = ("/static/", "/media/", "/technik/", "/en/technik/", "/i18n/")
DOWNLOAD_SUFFIXES = (".pdf", ".docx", ".xlsx", ".csv", ".ics", ".zip", ".png", ".jpg", ".svg")
JSON_SUFFIXES = (".json", ".geojson")
# Visits per address pattern that brought nothing new before the pattern is left alone.
UNPRODUCTIVE_VISITS = 1
MAX_VISITS_PER_PATTERN = 12
_DIGITS = re.compile(r"\d+")


@dataclass
class Field:
    """One named control of a form as the page rendered it."""

    name: str
    kind: str  # text, textarea, select, checkbox, radio, hidden, file, number, date, ...
    value: str = ""
    options: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)
    multiple: bool = False
    required: bool = False
    checked: bool = False
    element_id: str = ""
    accept: str = ""


@dataclass
class Form:
    action: str
    enctype: str
    page: str
    method: str = "post"
    fields: list[Field] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # element id -> label text

    @property
    def route(self) -> str:
        return route_of(self.action)

    @property
    def signature(self) -> tuple:
        # Numbered fields (one per person, question or theme) count as one kind.
        return (self.route, tuple(sorted({_DIGITS.sub("#", f.name) for f in self.fields})))

    @property
    def multipart(self) -> bool:
        return "multipart" in self.enctype or any(f.kind == "file" for f in self.fields)

    def label_of(self, name: str) -> str:
        for candidate in self.fields:
            if candidate.name == name and candidate.element_id in self.labels:
                return self.labels[candidate.element_id]
        return ""

    def describe(self) -> str:
        return f"{self.action} (found on {self.page})"


def route_of(url: str, *, queries: bool = True) -> str:
    """The address pattern of a URL: its route and the names of its query parameters (or,
    without ``queries``, only whether it has any: filter and page variants of a list are
    one pattern for the crawl)."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        route = name or match.route
    except Resolver404:
        route = parts.path
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    if not queries:
        return route + ("?" if keys else "")
    return route + ("?" + "&".join(keys) if keys else "")


class _PageParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self.labels: dict[str, str] = {}
        self._form: Form | None = None
        self._select: Field | None = None
        self._in_option = False
        self._option_selected = False
        self._option: str | None = None
        self._option_text = ""
        self._textarea: Field | None = None
        self._label_for: str | None = None
        self._label_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "label":
            self._label_for = a.get("for")
            self._label_text = []
        elif tag == "form":
            self._form = Form(
                action=urljoin(self.page, a.get("action") or self.page),
                enctype=a.get("enctype", ""),
                page=self.page,
                method=a.get("method", "get").lower(),
            )
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image", "button", "reset"):
                self._form.buttons.append((a["name"], a.get("value", "")))
                return
            self._form.fields.append(
                Field(
                    name=a["name"],
                    kind=kind,
                    value=a.get("value", "on" if kind in ("checkbox", "radio") else ""),
                    required="required" in a,
                    checked="checked" in a,
                    element_id=a.get("id", ""),
                    accept=a.get("accept", ""),
                )
            )
        elif tag == "button" and a.get("name"):
            if a.get("type", "submit").lower() == "submit":
                self._form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = Field(
                name=a["name"],
                kind="select",
                multiple="multiple" in a,
                required="required" in a,
                element_id=a.get("id", ""),
            )
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._in_option = True
            self._option = a.get("value")
            self._option_text = ""
            self._option_selected = "selected" in a
        elif tag == "textarea" and a.get("name"):
            self._textarea = Field(
                name=a["name"],
                kind="textarea",
                required="required" in a,
                element_id=a.get("id", ""),
            )
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._label_for is not None:
            self._label_text.append(data)
        if self._textarea is not None:
            self._textarea.value += data
        if self._in_option:
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "label" and self._label_for:
            text = " ".join("".join(self._label_text).split())
            self.labels[self._label_for] = text
            self._label_for = None
        elif tag == "option" and self._select is not None:
            value = self._option if self._option is not None else self._option_text.strip()
            self._select.options.append(value)
            if self._option_selected:
                self._select.selected.append(value)
            self._in_option = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._textarea is not None and self._textarea.value.startswith("\n"):
                self._textarea.value = self._textarea.value[1:]
            self._textarea = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None

    def close(self):
        super().close()
        for form in self.forms:
            form.labels = dict(self.labels)


def parse_page(page: str, html: str, *, method: str = "post") -> tuple[list[str], list[Form]]:
    """The links of a page and its forms of ``method`` (post: the forms that change
    something; get: the filters and searches)."""
    parser = _PageParser(page)
    parser.feed(html)
    parser.close()
    return parser.links, [form for form in parser.forms if form.method == method]


@dataclass
class Discovery:
    """What one visitor's crawl found."""

    who: str
    forms: dict[tuple, Form] = field(default_factory=dict)
    json_urls: dict[str, str] = field(default_factory=dict)  # route -> first URL
    # route -> (an address, the query parameters its links and filter forms use)
    queries: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    pages: int = 0
    errors: list[str] = field(default_factory=list)  # pages that answered 5xx


def _internal(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith(SKIPPED_PREFIXES):
        return None
    if path.endswith(DOWNLOAD_SUFFIXES) or "/abmelden/" in path:
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _note_query(found: Discovery, url: str, names: set[str]) -> None:
    path = _internal(url)
    if not path or not names:
        return
    route = route_of(path, queries=False).rstrip("?")
    address, known = found.queries.get(route, (path, set()))
    found.queries[route] = (address, known | names)


def _form_target(url: str) -> bool:
    """Forms are fuzzed wherever they post inside the site (the language switch too)."""
    parts = urlsplit(url)
    return (
        parts.netloc in ("", "testserver")
        and parts.path.startswith("/")
        and not parts.path.startswith(SKIPPED_PREFIXES[:-1])
    )


def crawl(client, who: str, *, start=("/",), json_start=()) -> Discovery:
    """Walk the site as ``client`` and return the forms and JSON addresses it offers."""
    found = Discovery(who=who)
    queue = deque(start)
    seen: set[str] = set()
    visits: dict[str, int] = {}
    idle: dict[str, int] = {}
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        pattern = route_of(url, queries=False)
        if idle.get(pattern, 0) >= UNPRODUCTIVE_VISITS * (3 if exhaustive() else 1):
            continue
        if visits.get(pattern, 0) >= MAX_VISITS_PER_PATTERN * (3 if exhaustive() else 1):
            continue
        visits[pattern] = visits.get(pattern, 0) + 1
        if urlsplit(url).path.endswith(JSON_SUFFIXES):
            found.json_urls.setdefault(pattern, url)
            continue
        response = client.get(url)
        found.pages += 1
        if response.status_code >= 500:
            found.errors.append(f"GET {url} answered {response.status_code}")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode("utf-8", "replace")
        links, forms = parse_page(url, html)
        for search in parse_page(url, html, method="get")[1]:
            names = {f.name for f in search.fields if f.kind not in ("submit", "file")}
            _note_query(found, search.action.split("?")[0], names)
        new = False
        for form in forms:
            if form.signature not in found.forms and _form_target(form.action):
                found.forms[form.signature] = form
                new = True
        idle[pattern] = 0 if new else idle.get(pattern, 0) + 1
        for link in links:
            target = _internal(urljoin(url, link))
            if target and "?" in target:
                keys = {key for key, _ in parse_qsl(urlsplit(target).query)}
                _note_query(found, target, keys)
            if target and target not in seen:
                queue.append(target)
    for url in json_start:
        walk_json(client, url, found)
    found.visits = visits
    return found


def walk_json(client, start: str, found: Discovery, *, limit: int = 60) -> None:
    """Follow the links of a JSON interface (OParl) to collect its address patterns into
    ``found.json_urls`` (one address per pattern)."""
    queue = deque([start])
    seen: set[str] = set()
    # Only the interface itself: its objects also link their web pages.
    prefix = "/" + start.strip("/").split("/")[0] + "/"
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        pattern = route_of(url)
        if pattern in found.json_urls and found.json_urls[pattern] != url:
            continue
        found.json_urls.setdefault(pattern, url)
        response = client.get(url)
        if response.status_code >= 500:
            found.errors.append(f"GET {url} answered {response.status_code}")
            continue
        if response.status_code != 200 or response.streaming:
            continue
        if "json" not in response.get("Content-Type", ""):
            continue
        try:
            data = json.loads(response.content)
        except ValueError:
            continue
        for link in _json_links(data):
            target = _internal(link)
            if target and target.startswith(prefix) and route_of(target) not in found.json_urls:
                queue.append(target)


def _json_links(data) -> list[str]:
    links = []
    if isinstance(data, dict):
        for value in data.values():
            links.extend(_json_links(value))
    elif isinstance(data, list):
        for value in data[:3]:
            links.extend(_json_links(value))
    elif isinstance(data, str) and data.startswith(("http://testserver/", "/")):
        links.append(data)
    return links
