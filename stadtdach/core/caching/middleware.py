"""The anonymous page cache. It sits above the session, CSRF and authentication
middleware: a visitor without a session is served a stored page without touching them.

Only requests that can carry nothing personal are served or stored: GET, no session
cookie, no message cookie, no Authorization header. Only responses that carry nothing
personal are stored: status 200, complete (not streamed), no message shown, no cookie
set but the CSRF cookie, not marked private or no-store. Form tokens are replaced by
placeholders and filled per visitor (holes.py). Language, host, scheme, the query string
and htmx's partial requests are part of the key. Anything the cache throws is a miss."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified

from stadtdach.core.caching import clock, entries, holes, tracking, versions

HEADER = "X-Stadtdach-Cache"
_UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")
# Headers that belong to one response, not to its stored copy.
_NOT_STORED = {"set-cookie", "date", "content-length", HEADER.lower()}


def _cacheable_request(request, config) -> bool:
    if request.method != "GET":
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META or len(request.META.get("QUERY_STRING", "")) > 2000:
        return False
    return not request.path.startswith(config["exclude"])


def _name(request) -> str:
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    parts = (
        request.scheme,
        request.META.get("HTTP_HOST", "").lower(),
        request.path,
        query,
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    )
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _cacheable_response(request, response, config) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - holes.allowed_cookies():
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages._queued_messages):
        return False  # a message for this visitor is on the page
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in _UNCACHEABLE_CONTROL):
        return False
    return len(response.content) <= config["max_bytes"]


def _etag(content: bytes) -> str:
    return '"' + hashlib.md5(content, usedforsecurity=False).hexdigest()[:20] + '"'


def _replay(request, stored) -> HttpResponse:
    headers, content, etag = stored
    if etag and etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
    else:
        response = HttpResponse()
        for name, value in headers:
            response[name] = value
        if etag:
            response["ETag"] = etag
            response.content = content
        else:  # per-visitor values: no ETag, a browser's old copy holds used tokens
            response.content = holes.fill(request, content)
            holes.set_cookie(request, response)
        response["Content-Length"] = str(len(response.content))
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        config = settings.STADTDACH_PAGE_CACHE
        if not config["pages"] or not _cacheable_request(request, config):
            return self.get_response(request)
        name = _name(request)
        found = entries.lookup(name)
        if found.fresh:
            return _replay(request, found.value)
        if found.snapshot is None:  # the cache fails: serve the page as if there were none
            return self.get_response(request)
        with tracking.recording() as recorder:
            response = self.get_response(request)
        if _cacheable_response(request, response, config):
            recorder.add((), clock.expiry(recorder.tables))
            content = holes.punch(response.content)
            etag = "" if holes.has_holes(content) else _etag(content)
            headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED]
            entries.store(name, found, recorder, (headers, content, etag))
            if etag:
                response.setdefault("ETag", etag)
            response[HEADER] = "miss"
        return response


class RequestRecordingMiddleware:
    """Records what each request reads (after authentication), so that a fragment built
    during it depends on the tables of everything the view had read before: data a
    view passes into a fragment is tracked like data the fragment reads itself. The
    session, the user and their roles are loaded first and not recorded: they are who
    asks, not what is shown (a fragment that shows them must have the user in its key)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions.request_scope(request.path):
            with tracking.paused():
                user = request.user
                if user.is_authenticated:
                    user.role_codes  # noqa: B018 - loaded here, unrecorded
            with tracking.recording():
                return self.get_response(request)
