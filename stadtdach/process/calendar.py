"""iCalendar feeds. ``CalendarEvent`` is the one shape every app hands in; this module
turns a list of them into an .ics answer (RFC 5545, with the ``icalendar`` package).

Feeds collect their events from ``settings.STADTDACH_CALENDAR_SOURCES``: per feed name
("process", "participation") a tuple of functions ``(request) -> list[CalendarEvent]``.
Governance contributes the public meetings of all bodies to the process feed; the
participation app adds its events to the "participation" feed by listing a function
there, without this app importing it."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from icalendar import Calendar, Event

PRODUCT_ID = "-//Stadtdach//ISEK//DE"


@dataclass
class CalendarEvent:
    uid: str  # stable and unique: "<kind>-<pk>", the feed adds the host
    summary: str
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date | None = None
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False
    modified: datetime.datetime | None = None


def events_from_sources(feed: str, request) -> list[CalendarEvent]:
    events: list[CalendarEvent] = []
    for path in getattr(settings, "STADTDACH_CALENDAR_SOURCES", {}).get(feed, ()):
        events.extend(import_string(path)(request))
    return events


def _clean(text: str) -> str:
    # Control characters are not allowed in iCalendar text (and NUL never in a file).
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t")


def render(*, name: str, events: list[CalendarEvent], request, private: bool = False):
    """The .ics answer for ``events``. ``private`` feeds (with non-public meetings for a
    member) must not be stored by shared caches."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _clean(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", _clean(item.summary))
        start = item.start
        if isinstance(start, datetime.datetime):
            start = timezone.localtime(start)
        event.add("dtstart", start)
        if item.end:
            end = item.end
            event.add(
                "dtend", timezone.localtime(end) if isinstance(end, datetime.datetime) else end
            )
        elif not isinstance(start, datetime.datetime):
            event.add("dtend", start + datetime.timedelta(days=1))
        if item.location:
            event.add("location", _clean(item.location))
        if item.description:
            event.add("description", _clean(item.description))
        if item.url:
            event.add("url", request.build_absolute_uri(item.url))
        if item.modified:
            event.add("last-modified", item.modified)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()  # VTIMEZONE for Europe/Berlin, as RFC 5545 asks
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    return response
