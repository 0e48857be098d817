"""The OParl 1.1 read API under /oparl/v1/ (no language prefix, no session: OParl is
stateless). Lists are paged: PAGE_SIZE objects a page unless the client asks for fewer
or more with ``limit`` (or ``elementsPerPage``), at most MAX_PAGE_SIZE (the
specification lets the server choose; ``links.next`` leads on), ``page`` numbers the
pages; lists are filtered by
``created_since``/``created_until``/``modified_since``/``modified_until``; bad values
answer a JSON 400, unknown addresses and ids a JSON 404 (the specification's error
object)."""

import datetime
import json
import math
from urllib.parse import urlencode

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from stadtdach.governance import selectors
from stadtdach.governance.models import Authority, LegislativeTerm
from stadtdach.governance.oparl import serializers as s
from stadtdach.governance.oparl.kinds import KINDS

# Objects per list page: a page stays small (about 20 KB of meetings) at any scale; a
# client may ask for up to MAX_PAGE_SIZE (the specification recommends paging lists
# longer than 100).
PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
SIZE_PARAMETERS = ("limit", "elementsPerPage")  # limit wins when both are given
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
ERROR_TYPE = "https://schema.oparl.org/1.0/Error"  # as the 1.1 specification names it


class BadRequest(Exception):
    pass


def respond(data: dict, status: int = 200) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        status=status,
        content_type="application/json; charset=utf-8",
    )
    # Open data: any website may read it (OParl recommends CORS for all origins).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status: int, message: str, debug: str = "") -> HttpResponse:
    return respond({"type": ERROR_TYPE, "message": message, "debug": debug}, status=status)


def not_found(request, *args, **kwargs) -> HttpResponse:
    return error(404, "Das Objekt wurde nicht gefunden.", request.path)


MAX_ID = 2**63 - 1  # larger numbers cannot be ids (and would overflow the database)


def _authority_or_none(pk: int) -> Authority | None:
    return Authority.objects.filter(pk=pk).first() if pk <= MAX_ID else None


@require_GET
def system(request):
    urls = s.Urls(request)
    authority = selectors.authority()
    data = {
        "id": urls.system(),
        "type": s.SCHEMA + "System",
        "oparlVersion": s.SCHEMA,
        "body": urls.absolute(reverse("oparl:bodies")),
        "name": f"Stadtdach – {authority.name}",
        "contactEmail": authority.contact_email,
        "contactName": authority.contact_name,
        "website": urls.web("/"),
        "product": "https://github.com/stadtdach/stadtdach",
        "license": authority.license,
        "created": s.moment(authority.created),
        "modified": s.moment(authority.modified),
        "web": urls.web("/"),
    }
    return respond({k: v for k, v in data.items() if v})


def _terms(authority: Authority) -> list[LegislativeTerm]:
    return list(LegislativeTerm.objects.filter(authority=authority).order_by("start_date", "pk"))


@require_GET
def body_list(request):
    """All bodies (corporations) of this system; one page, since there is one town."""
    selectors.authority()  # makes sure the town exists as an OParl Body
    urls = s.Urls(request)
    authorities = list(Authority.objects.order_by("pk"))
    terms = {a.pk: _terms(a) for a in authorities}
    try:
        data = _page(request, authorities, lambda a: s.authority(a, urls, terms=terms[a.pk]))
    except BadRequest as problem:
        return error(400, "Ungültige Anfrage.", str(problem))
    return respond(data)


@require_GET
def body(request, pk: int):
    authority = _authority_or_none(pk)
    if authority is None:
        return not_found(request)
    return respond(s.authority(authority, s.Urls(request), terms=_terms(authority)))


def _parse_moment(name: str, raw: str) -> datetime.datetime:
    value = raw.strip()
    # An unencoded "+" of the offset arrives as a space.
    if " " in value and "+" not in value:
        head, _, tail = value.rpartition(" ")
        value = f"{head}+{tail}"
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError as problem:
        raise BadRequest(f"{name}: not a date-time ({raw[:40]!r})") from problem
    if parsed.tzinfo is None:
        raise BadRequest(f"{name}: the date-time needs a time zone, e.g. +01:00")
    try:
        # The database compares in UTC: year 1 or 9999 with an offset leaves the calendar.
        parsed.astimezone(datetime.UTC)
    except OverflowError as problem:
        raise BadRequest(f"{name}: the date-time is out of range") from problem
    return parsed


def _filtered(request, queryset):
    for name in FILTERS:
        if name in request.GET:
            moment = _parse_moment(name, request.GET[name])
            field, direction = name.split("_")
            lookup = "gte" if direction == "since" else "lte"
            queryset = queryset.filter(**{f"{field}__{lookup}": moment})
    return queryset


def _number(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    # isdigit() alone also takes "²" and other digits that int() refuses.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or int(raw) < 1:
        raise BadRequest(f"{name}: a whole number from 1 is expected")
    value = int(raw)
    return min(value, maximum) if maximum else value


def _size_parameter(request) -> str:
    """The parameter the client sized its pages with (links keep using it)."""
    return next((name for name in SIZE_PARAMETERS if name in request.GET), "limit")


def _page_url(request, page: int, per_page: int) -> str:
    params = {k: request.GET[k] for k in FILTERS if k in request.GET}
    if per_page != PAGE_SIZE:
        params[_size_parameter(request)] = str(per_page)
    if page > 1:
        params["page"] = str(page)
    query = urlencode(sorted(params.items()))  # one canonical order of the parameters
    return request.build_absolute_uri(request.path) + (f"?{query}" if query else "")


def _page(request, records, serialize) -> dict:
    """A list page with data, pagination and links (``next`` on all pages but the last)."""
    per_page = _number(request, _size_parameter(request), PAGE_SIZE, MAX_PAGE_SIZE)
    page = _number(request, "page", 1)
    total = len(records) if isinstance(records, list) else records.count()
    pages = max(math.ceil(total / per_page), 1)
    if page > pages:
        raise LookupError
    chunk = records[(page - 1) * per_page : page * per_page]
    links = {
        "first": _page_url(request, 1, per_page),
        "self": _page_url(request, page, per_page),
        "last": _page_url(request, pages, per_page),
    }
    if page > 1:
        links["prev"] = _page_url(request, page - 1, per_page)
    if page < pages:
        links["next"] = _page_url(request, page + 1, per_page)
    return {
        "data": [serialize(record) for record in chunk],
        "pagination": {
            "totalElements": total,
            "elementsPerPage": per_page,
            "currentPage": page,
            "totalPages": pages,
        },
        "links": links,
    }


def object_list(request, pk: int, kind: str):
    """An external object list of the body (corporation) ``pk``."""
    if request.method != "GET":
        return error(405, "Nur GET ist erlaubt.")
    if _authority_or_none(pk) is None:
        return not_found(request)
    spec = KINDS[kind]
    urls = s.Urls(request)
    try:
        records = _filtered(request, spec.queryset(pk)).order_by("pk")
        data = _page(request, records, lambda record: spec.serialize(record, urls))
    except BadRequest as problem:
        return error(400, "Ungültige Anfrage.", str(problem))
    except LookupError:
        return error(404, "Diese Listenseite gibt es nicht.", request.get_full_path())
    return respond(data)


def object_detail(request, pk: int, kind: str):
    """One object at its id; deleted ones answer as tombstones with status 200."""
    if request.method != "GET":
        return error(405, "Nur GET ist erlaubt.")
    spec = KINDS[kind]
    authority = selectors.authority()
    record = spec.queryset(authority.pk).filter(pk=pk).first() if pk <= MAX_ID else None
    if record is None:
        return not_found(request)
    return respond(spec.serialize(record, s.Urls(request)))
