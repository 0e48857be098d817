"""Panels of the participation app on pages of lower apps (core/panels.py, configured in
settings.STADTDACH_PANELS). Each makes a fixed number of queries."""

from django.db.models import Count, Window
from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.core.panels import Panel
from stadtdach.participation import formats, selectors
from stadtdach.participation.forms import CommentForm
from stadtdach.participation.models import Contribution, ParticipationProcess, Visibility

FIELD_CONTRIBUTIONS_SHOWN = 5


def open_participation(request, obj):
    """Home page: the processes open right now (1 query when built; the same for everyone
    who may see the same processes)."""
    user = request.user
    return Panel(
        "participation/panels/open_participation.html",
        lambda: {"processes": selectors.open_processes(user)},
        cache_key=(selectors.visibility_class(user),),
    )


def measure_contributions(request, measure):
    """Measure page: the contributions that fed this measure (2 queries)."""
    contributions, count = selectors.measure_contributions(measure)
    return Panel(
        "participation/panels/measure_contributions.html",
        {"contributions": contributions, "count": count},
    )


def measure_participation(request, measure):
    """Measure page: comments on the measure during its implementation, the comment form
    and following the measure (1 query, the newest comments with their number as a
    window count; 1 more for the signed-in user's subscription)."""
    comments = selectors.public_comments(measure=measure, user=request.user)
    newest = list(
        comments.annotate(_total=Window(Count("pk"))).order_by("-created", "-pk")[
            : selectors.COMMENTS_PAGE_SIZE
        ]
    )
    count, shown = (newest[0]._total if newest else 0), newest[::-1]
    user = request.user
    return Panel(
        "participation/panels/measure_participation.html",
        {
            "comments": shown,
            "comment_count": count,
            "form": CommentForm()
            if user.has_perm("participation.comment_measure", measure)
            else None,
            "comment_url": reverse("participation:measure_comment", args=[measure.pk]),
            "subscription": selectors.subscription_for(user, measure=measure),
            "can_subscribe": user.has_perm("participation.subscribe"),
        },
    )


def account_participation(request, user):
    """Account page: the latest own contributions and the subscriptions (3 queries)."""
    contributions = selectors.contributions_of(user)
    return Panel(
        "participation/panels/account.html",
        {
            "contributions": list(contributions[:5]),
            "contribution_count": contributions.count(),
            "subscriptions": selectors.subscriptions_of(user),
        },
    )


def action_field_participation(request, action_field):
    """Action field page: the latest contributions in this field and following it
    (1 query for visitors: the newest contributions with their number as a window
    count; 1 more for the signed-in user's subscription)."""
    rows = list(
        Contribution.objects.filter(
            action_field=action_field,
            visibility=Visibility.PUBLISHED,
            process__is_published=True,
            process__audience=ParticipationProcess.Audience.PUBLIC,
        )
        .select_related("process")
        .annotate(_total=Window(Count("pk")))
        .order_by("-created", "-pk")[:FIELD_CONTRIBUTIONS_SHOWN]
    )
    contributions, count = rows, (rows[0]._total if rows else 0)
    user = request.user
    return Panel(
        "participation/panels/action_field.html",
        {
            "contributions": contributions,
            "count": count,
            "subscription": selectors.subscription_for(user, action_field=action_field),
            "can_subscribe": user.has_perm("participation.subscribe"),
        },
    )


def workspace_participation(request, obj=None):
    """Staff workspace: what waits for the moderation and for an answer (3 queries);
    nothing for those who do not moderate."""
    user = request.user
    if not user.has_perm("participation.moderate"):
        return None

    def context():
        waiting, unanswered = selectors.work_counts()
        return {"waiting": waiting, "unanswered": unanswered}

    return Panel("participation/panels/workspace.html", context, cache_key=("moderation",))


# Part 2: the steering group's workspace, the process's timeline, calendars and tender
# specification (settings: STADTDACH_PANELS["workspace"], STADTDACH_TIMELINE_SOURCES,
# STADTDACH_CALENDAR_SOURCES, STADTDACH_SPECIFICATION_PARTICIPATION).


def workspace_steering(request, obj=None):
    """Staff workspace of the steering group and the coordinators: open consensus
    findings and prioritisations of internal processes, resources over plan, fund
    applications waiting (5 queries); nothing for others."""
    from stadtdach.participation.fund.selectors import open_review_count
    from stadtdach.participation.models import ConsensusFinding, Prioritisation
    from stadtdach.participation.resources.selectors import over_plan

    user = request.user
    if not user.has_perm("participation.view_resources"):
        return None
    internal = {"process__audience": "internal", "process__is_published": True}
    reviews = user.has_perm("participation.review_fund")
    return Panel(
        "participation/panels/workspace_steering.html",
        lambda: {
            "findings": list(
                ConsensusFinding.objects.filter(**internal).select_related("process")[:10]
            ),
            "prioritisations": list(
                Prioritisation.objects.filter(**internal).select_related("process")[:10]
            ),
            "over": over_plan(),
            "fund_waiting": open_review_count() if reviews else 0,
        },
        cache_key=("steering", reviews),
    )


def _processes_of(edition, *, internal: bool):
    from stadtdach.participation.models import ParticipationProcess

    processes = ParticipationProcess.objects.filter(phase__edition=edition, is_published=True)
    if not internal:
        processes = processes.filter(audience=ParticipationProcess.Audience.PUBLIC)
    return processes


def timeline_participation(request, edition, internal: bool, window=None):
    """One lane with the published participation processes of the edition that run in
    the timeline's window (internal ones on the internal timeline) and their offline
    events in the window, at most ``window.limit`` of each with their number (2
    queries)."""
    from django.db.models import Count, Window
    from django.utils import timezone

    from stadtdach.participation.models import OfflineEvent
    from stadtdach.process.timeline import Lane, TimelineItem, TimelineWindow

    window = window or TimelineWindow.default()
    start, end = window.moments()
    lane = Lane("participation", str(_("Participation")), total=0)
    all_processes = _processes_of(edition, internal=internal)
    processes = list(
        all_processes.filter(starts_at__lt=end, ends_at__gte=start)
        .annotate(in_window=Window(Count("pk")))
        .order_by("starts_at", "pk")[: window.limit]
    )
    for p in processes:
        lane.items.append(
            TimelineItem(
                p.title,
                timezone.localtime(p.starts_at).date(),
                timezone.localtime(p.ends_at).date(),
                kind="participation",
                url=p.get_absolute_url(),
                internal=p.is_internal,
                is_sample=p.is_sample,
                state=str(p.state().label),
            )
        )
    events = list(
        OfflineEvent.objects.filter(
            process__in=all_processes.values("pk"), starts_at__gte=start, starts_at__lt=end
        )
        .annotate(in_window=Window(Count("pk")))
        .order_by("starts_at", "pk")[: window.limit]
    )
    for e in events:
        lane.items.append(
            TimelineItem(
                e.title,
                timezone.localtime(e.starts_at).date(),
                kind="meeting",
                url=e.get_absolute_url(),
                is_sample=e.is_sample,
                state=str(e.get_kind_display()),
            )
        )
    lane.total = (processes[0].in_window if processes else 0) + (
        events[0].in_window if events else 0
    )
    return [lane] if lane.items else []


def calendar_participation(request):
    """Published public processes (their windows) and their offline events, for the
    participation feed /prozess/beteiligung.ics (2 queries)."""
    import datetime

    from django.utils import timezone

    from stadtdach.participation.models import OfflineEvent, ParticipationProcess
    from stadtdach.process.calendar import CalendarEvent

    since = timezone.now() - datetime.timedelta(days=366)
    processes = ParticipationProcess.objects.filter(
        is_published=True, audience=ParticipationProcess.Audience.PUBLIC, ends_at__gte=since
    ).order_by("starts_at", "pk")[:300]
    events = [
        CalendarEvent(
            uid=f"participation-process-{p.pk}",
            summary=str(_("Participation: %(title)s") % {"title": p.title}),
            start=timezone.localtime(p.starts_at).date(),
            end=timezone.localtime(p.ends_at).date() + datetime.timedelta(days=1),
            description=p.purpose[:500],
            url=p.get_absolute_url(),
            modified=p.modified,
        )
        for p in processes
    ]
    offline = (
        OfflineEvent.objects.filter(
            process__is_published=True,
            process__audience=ParticipationProcess.Audience.PUBLIC,
            starts_at__gte=since,
        )
        .select_related("process")
        .order_by("starts_at", "pk")[:300]
    )
    events += [
        CalendarEvent(
            uid=f"participation-event-{e.pk}",
            summary=e.title,
            start=e.starts_at,
            end=e.ends_at,
            location=e.place,
            description=e.description[:500],
            url=e.get_absolute_url(),
            modified=e.modified,
        )
        for e in offline
    ]
    return events


def specification_participation(specification):
    """Positions of the tender specification for the planned participation: one per
    participation process of the edition (formats, target groups) and one per offline
    event (2 queries)."""
    from stadtdach.participation.models import OfflineEvent, ParticipationProcess

    processes = list(
        ParticipationProcess.objects.filter(phase__edition_id=specification.edition_id)
        .prefetch_related("target_groups")
        .order_by("starts_at", "pk")[:200]
    )
    if specification.phase_id:
        processes = [p for p in processes if p.phase_id == specification.phase_id]
    items = []
    for p in processes:
        kinds = ", ".join(str(f.name) for f in formats.of_process(p))
        groups = ", ".join(g.name for g in p.target_groups.all())
        text = _("Participation process “%(title)s” (%(channel)s)") % {
            "title": p.title,
            "channel": p.get_channel_display(),
        }
        if kinds:
            text += f": {kinds}"
        if groups:
            text += " – " + str(_("target groups: %(groups)s") % {"groups": groups})
        items.append({"text": text, "unit": str(_("process")), "quantity": 1})
    events = OfflineEvent.objects.filter(process__in=[p.pk for p in processes]).order_by(
        "starts_at", "pk"
    )[:200]
    items += [
        {
            "text": str(
                _("Prepare, run and document: %(kind)s “%(title)s”")
                % {"kind": e.get_kind_display(), "title": e.title}
            ),
            "unit": str(_("event")),
            "quantity": 1,
        }
        for e in events
    ]
    return items
