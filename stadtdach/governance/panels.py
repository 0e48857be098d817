"""What governance shows on pages of the layers below it (core/panels.py), and what it
contributes to the process's timeline, calendar and weekly report. Listed in
settings (STADTDACH_PANELS, STADTDACH_TIMELINE_SOURCES, STADTDACH_CALENDAR_SOURCES,
STADTDACH_PROCESS_REPORT_SECTIONS). Each function fetches in a fixed number of queries."""

import datetime

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.core.panels import Panel
from stadtdach.governance import selectors
from stadtdach.governance.models import AgendaItem, Body, Meeting, TaskLink
from stadtdach.governance.visibility import Viewer
from stadtdach.process.calendar import CalendarEvent
from stadtdach.process.report import ReportSection
from stadtdach.process.timeline import Lane, TimelineItem, TimelineWindow


def _viewer(request) -> Viewer:
    return Viewer.for_user(getattr(request, "user", None))


# Panels ----------------------------------------------------------------------------------


def measure_decisions(request, measure):
    """On a measure's page: the decisions that concern it (1 query; a member's bodies
    are a subquery of it)."""
    viewer = Viewer.for_filters(getattr(request, "user", None))
    decisions = selectors.decisions_for_measure(measure, viewer)
    if not decisions:
        return None
    return Panel("governance/panels/decisions.html", {"decisions": decisions})


def home_meetings(request, edition):
    """On the start page: the next public meetings of the bodies (1 query when built; the
    same for everyone)."""
    return Panel(
        "governance/panels/next_meetings.html",
        lambda: {"meetings": selectors.upcoming_meetings(Viewer.public(), limit=3)},
        cache_key=(),
    )


def task_links(request, task):
    """On a task's page: the bodies, meetings and decisions it belongs to (2-3 queries)."""
    viewer = _viewer(request)
    links = list(
        TaskLink.objects.filter(task=task).select_related(
            "body", "meeting__body", "decision__consultation__paper"
        )
    )
    visible = []
    for link in links:
        if link.meeting and not (link.meeting.is_public or viewer.is_insider(link.meeting.body_id)):
            continue
        if link.decision:
            paper = link.decision.consultation.paper
            if not paper.is_public and not viewer.sees_all:
                continue
        visible.append(link)
    if not visible:
        return None
    return Panel("governance/panels/task_links.html", {"links": visible})


def workspace_links(request, user):
    """On a staff member's workspace page: the workspaces of their bodies (1-2 queries)."""
    viewer = _viewer(request)
    if not viewer.sees_all and not viewer.body_ids:
        return None

    def context():
        bodies = Body.objects.exclude(kind=Body.Kind.FACTION)
        if not viewer.sees_all:
            bodies = bodies.filter(pk__in=viewer.body_ids)
        return {"bodies": list(bodies)}

    key = ("all",) if viewer.sees_all else tuple(sorted(viewer.body_ids))
    return Panel("governance/panels/workspaces.html", context, cache_key=key)


def dashboard(request, edition):
    """On the process dashboard: next meetings (with non-public ones for members) and the
    papers on their way to the council (3-4 queries)."""
    viewer = _viewer(request)
    return Panel(
        "governance/panels/dashboard.html",
        {
            "meetings": selectors.upcoming_meetings(viewer, limit=8),
            "papers": selectors.papers_on_their_way(viewer),
        },
    )


def work_package_meetings(request, work_package):
    """On a work package's page: the agenda items that dealt with it (1 query)."""
    viewer = _viewer(request)
    items = list(
        AgendaItem.objects.filter(work_package=work_package)
        .filter(viewer.agenda_items())
        .select_related("meeting__body")
        .order_by("meeting__start")[:20]
    )
    if not items:
        return None
    return Panel("governance/panels/work_package_items.html", {"items": items})


# Timeline, calendar and report -----------------------------------------------------------


def timeline_meetings(request, edition, internal: bool, window=None) -> list[Lane]:
    """One lane per body with its meetings in the timeline's window, at most
    ``window.limit`` per body with their number in the window (1 query, numbered per
    body in the database)."""
    window = window or TimelineWindow.default()
    start, end = window.moments()
    viewer = _viewer(request) if internal else Viewer.public()
    meetings = (
        Meeting.objects.filter(viewer.meetings(), start__gte=start, start__lt=end)
        .exclude(state=Meeting.State.CANCELLED)
        .select_related("body")
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("body_id")], order_by=[F("start").asc(), F("pk").asc()]
            ),
            in_window=Window(Count("pk"), partition_by=[F("body_id")]),
        )
        .filter(rank__lte=window.limit)
        .order_by("body__order", "body_id", "start", "pk")
    )
    lanes: dict[int, Lane] = {}
    for meeting in meetings:
        lane = lanes.get(meeting.body_id)
        if lane is None:
            lane = lanes[meeting.body_id] = Lane(
                f"body-{meeting.body_id}",
                meeting.body.short_name or meeting.body.name,
                total=meeting.in_window,
                more_url=f"{reverse('governance:meeting_list')}?gremium={meeting.body.slug}",
            )
        lane.items.append(
            TimelineItem(
                meeting.name,
                timezone.localtime(meeting.start).date(),
                kind="meeting",
                url=meeting.get_absolute_url(),
                internal=not meeting.is_public,
                is_sample=meeting.is_sample,
                state=meeting.get_state_display(),
            )
        )
    return list(lanes.values())


def calendar_meetings(request) -> list[CalendarEvent]:
    """The public meetings of all bodies for the process calendar (2 queries)."""
    since = timezone.now() - datetime.timedelta(days=366)
    meetings = (
        Meeting.objects.filter(Viewer.public().meetings(), start__gte=since)
        .select_related("body", "location")
        .order_by("start", "pk")[:500]
    )
    return [
        CalendarEvent(
            uid=f"meeting-{m.pk}",
            summary=f"{m.body.short_name or m.body.name}: {m.name}",
            start=m.start,
            end=m.end,
            location=m.location.one_line() if m.location else "",
            url=m.get_absolute_url(),
            cancelled=m.cancelled,
            modified=m.modified,
        )
        for m in meetings
    ]


def report_section(edition, today) -> ReportSection:
    """For the coordinators' weekly mail: meetings of the next four weeks and the papers
    on their way to the council (the coordinators may see all)."""
    everything = Viewer(True, frozenset())
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    meetings = (
        Meeting.objects.filter(start__gte=start, start__lt=start + datetime.timedelta(days=28))
        .exclude(state=Meeting.State.CANCELLED)
        .select_related("body")
        .order_by("start", "pk")[:30]
    )
    lines = [
        f"{timezone.localtime(m.start):%d.%m.%Y %H:%M} {m.body.name}: {m.name}"
        + ("" if m.is_public else f" ({_('non-public')})")
        for m in meetings
    ]
    for paper in selectors.papers_on_their_way(everything, limit=20):
        steps = ", ".join(
            f"{c.body.short_name or c.body.name}: {c.get_result_display()}"
            for c in paper.consultations.all()
        )
        lines.append(f"{_('Paper')} {paper}: {steps}")
    return ReportSection(_("Meetings and papers"), lines, reverse("governance:index"))
