"""A small browser: a requests session that keeps secure cookies also on the plain HTTP
of an app server (it is told the scheme by X-Forwarded-Proto, as HAProxy does), fills
forms from the page (hidden tokens included) and names the client address."""

import html
import http.cookiejar
import re
from urllib.parse import urljoin, urlsplit

import requests

# The check talks to the app servers directly over plain HTTP, telling them the scheme
# (X-Forwarded-Proto), as HAProxy does: their cookies are secure-only, so this process
# sends secure cookies over HTTP too (requests copies the jar, hence the class patch).
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_FIELD = re.compile(r"<(input|textarea)\b([^>]*)>", re.I)
_SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S | re.I)
_ATTR = re.compile(r'([\w:-]+)(?:\s*=\s*"([^"]*)")?')
_OPTION = re.compile(r"<option\b([^>]*)>", re.I)


def _attrs(text: str) -> dict:
    return {k.lower(): html.unescape(v or "") for k, v in _ATTR.findall(text)}


def forms(page: str) -> list[dict]:
    """The page's forms: action, method, the fields a browser would send (checked boxes
    included) and the unchecked boxes and radios as "options". Regular expressions, not
    an HTML parser: the load test parses every form page and must stay cheap."""
    found = []
    for form_attrs, body in _FORM.findall(page):
        a = _attrs(form_attrs)
        form = {
            "action": a.get("action", ""),
            "method": a.get("method", "get").lower(),
            "fields": [],
            "id": a.get("id", ""),
        }
        for select_attrs, options in _SELECT.findall(body):
            name = _attrs(select_attrs).get("name")
            choices = [_attrs(o) for o in _OPTION.findall(options)]
            chosen = next((o for o in choices if "selected" in o), choices[0] if choices else {})
            if name:
                form["fields"].append((name, chosen.get("value", "")))
        for tag, field_attrs in _FIELD.findall(body):
            f = _attrs(field_attrs)
            name = f.get("name")
            if not name:
                continue
            if tag.lower() == "input":
                kind = f.get("type", "text").lower()
                if kind in ("checkbox", "radio") and "checked" not in f:
                    form.setdefault("options", []).append((name, f.get("value", "on"), kind))
                elif kind not in ("submit", "button", "file", "image"):
                    form["fields"].append((name, f.get("value", "")))
            else:
                form["fields"].append((name, ""))
        found.append(form)
    return found


def fill(fields: list[tuple[str, str]], values: dict) -> list[tuple[str, str]]:
    """The form's own pairs (several checked boxes of one name stay several), with the
    given values instead; a list gives a field several values. ``__files`` is skipped."""
    given = {k: v for k, v in values.items() if not k.startswith("__")}
    pairs = [(k, v) for k, v in fields if k not in given]
    for key, value in given.items():
        pairs += [(key, item) for item in value] if isinstance(value, list) else [(key, value)]
    return pairs


class Client:
    def __init__(self, base: str, *, address: str = "198.51.100.7", direct: bool = True):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.verify = False
        origin = "https://" + urlsplit(self.base).netloc
        self.session.headers["Referer"] = origin + "/"
        if direct:  # what HAProxy would add in front of an app server
            self.session.headers["X-Forwarded-Proto"] = "https"
            self.session.headers["X-Forwarded-For"] = address

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + path

    def get(self, path, **kw):
        # verify=False per request: a session's is overridden by REQUESTS_CA_BUNDLE.
        return self.session.get(
            self.url(path), allow_redirects=False, timeout=30, verify=False, **kw
        )

    def post(self, path, data, **kw):
        return self.session.post(
            self.url(path), data=data, allow_redirects=False, timeout=60, verify=False, **kw
        )

    def form(self, path: str, match: str = "", **values):
        """GET the page, take the form whose action contains ``match``, send it."""
        page = self.get(path)
        page.raise_for_status()
        for form in forms(page.text):
            action = form["action"] or path
            if "abmelden" in action and "abmelden" not in match:
                continue  # the header's log-out button
            if form["method"] == "post" and match in action:
                pairs = fill(form["fields"], values)
                action = urljoin(self.url(path), form["action"] or path)
                return self.post(action, pairs, files=values.get("__files"))
        raise AssertionError(f"no POST form with {match!r} on {path}")

    def login(self, username: str, password: str) -> None:
        response = self.form(
            "/konto/anmelden/", "", login=username, username=username, password=password
        )
        if response.status_code != 302:
            raise AssertionError(f"log-in of {username} failed: {response.status_code}")


def id_from(location: str, pattern: str) -> int | None:
    found = re.search(pattern, location or "")
    return int(found.group(1)) if found else None
