"""Public pages of the process: the overview, the timeline, tasks and calendar feeds.
The internal timeline lives here too: the same page with more lanes for more people."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from stadtdach.core.selectors import text_blocks
from stadtdach.process import calendar, selectors, timeline
from stadtdach.process.models import Task
from stadtdach.strategy.selectors import current_edition, current_edition_or_404


def needs(permission: str):
    """For pages behind a permission: anonymous visitors are sent to the log-in page,
    logged-in users without the right get a 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def overview(request):
    """The process on one page: phases and milestones, structure and roles, next steps."""
    edition = current_edition_or_404()
    milestones = list(selectors.milestones(edition))
    return render(
        request,
        "process/overview.html",
        {
            "edition": edition,
            "standing": selectors.standing(edition, milestones),
            "milestones": milestones,
            "levels": selectors.structure(),
            "steps": selectors.next_steps(edition),
            "texts": text_blocks("phases_intro"),
        },
    )


# The table below the timeline lists this many items per page.
TIMELINE_TABLE_PAGE = 50


def _timeline(request, *, internal: bool):
    """A window of years (?von=2024; by default the last, this and the next year) drawn
    and listed as a table a page at a time (?seite=); the same queries for any amount
    of data."""
    edition = current_edition_or_404()
    window = timeline.TimelineWindow.from_query(request.GET.get("von"))
    lanes = timeline.lanes_for(request, edition, internal=internal, window=window)
    rows = Paginator(timeline.table_rows(lanes), TIMELINE_TABLE_PAGE).get_page(
        request.GET.get("seite")
    )
    default = timeline.TimelineWindow.default()
    return render(
        request,
        "process/timeline.html",
        {
            "edition": edition,
            "lanes": lanes,
            "drawing": timeline.draw(lanes, window=window),
            "internal": internal,
            "window": window,
            "earlier": window.earlier(),
            "later": window.later(),
            "default_window": None if window == default else default,
            "rows": rows,
            "capped": [lane for lane in lanes if lane.hidden],
        },
    )


def timeline_public(request):
    """Phases, milestones, draft stages and public dates of the bodies and participation."""
    return _timeline(request, internal=False)


@needs("process.view_internal")
def timeline_internal(request):
    """The same with work packages and non-public dates, for the people who run it."""
    return _timeline(request, internal=True)


def _page_number(request) -> int:
    raw = request.GET.get("seite", "1")
    return int(raw) if raw.isdecimal() and len(raw) < 7 else 1  # isdigit() takes "²"


def task_list(request):
    """Tasks and next steps; people who work on the process also see the internal ones."""
    edition = current_edition_or_404()
    internal = request.user.has_perm("process.view_internal")
    status = request.GET.get("status", "")
    filters = selectors.TaskFilter(
        status=status if status in Task.Status.values else "",
        late=request.GET.get("verspaetet") == "1",
        mine=request.GET.get("meine") == "1",
    )
    page = selectors.task_page(
        edition,
        user=request.user,
        internal=internal,
        filters=filters,
        page=_page_number(request),
    )
    return render(
        request,
        "process/task_list.html",
        {
            "edition": edition,
            "page": page,
            "filters": filters,
            "statuses": Task.Status.choices,
            "internal": internal,
            "can_add": request.user.has_perm("process.add_task"),
        },
    )


def task_detail(request, pk: int):
    internal = request.user.has_perm("process.view_internal")
    task = selectors.task_detail(pk, internal=internal)
    return render(
        request,
        "process/task_detail.html",
        {
            "task": task,
            "can_change": request.user.has_perm("process.change_task", task),
            "can_delete": request.user.has_perm("process.delete_task", task),
        },
    )


def calendar_feed(request):
    """The process calendar: milestones, and the public meetings of the bodies."""
    edition = current_edition()
    milestones = selectors.milestones(edition) if edition else []
    events = [
        calendar.CalendarEvent(
            uid=f"milestone-{m.pk}",
            summary=m.name,
            start=m.date,
            location=m.place,
            description=m.description,
            url=m.get_absolute_url(),
            modified=m.modified,
        )
        for m in milestones
    ]
    events += calendar.events_from_sources("process", request)
    return calendar.render(
        name=_("ISEK process %(edition)s") % {"edition": edition.name if edition else ""},
        events=events,
        request=request,
    )


def participation_feed(request):
    """Participation events. The participation app contributes them through
    ``STADTDACH_CALENDAR_SOURCES["participation"]``; until then the feed is empty."""
    edition = current_edition()
    return calendar.render(
        name=_("Participation %(edition)s") % {"edition": edition.name if edition else ""},
        events=calendar.events_from_sources("participation", request),
        request=request,
    )
