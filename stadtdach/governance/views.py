"""Pages of governance: bodies, meetings, papers, documents, calendar feeds, and a body's
internal workspace. Every read goes through a ``Viewer`` (visibility.py)."""

import datetime

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from stadtdach.core.storage import file_response
from stadtdach.governance import selectors
from stadtdach.governance.models import Body, CadenceRule, Location, Paper, Person
from stadtdach.governance.visibility import Viewer
from stadtdach.process import calendar
from stadtdach.process.views import _page_number, needs


def index(request):
    """The bodies, the next meetings and the papers on their way to the council."""
    viewer = Viewer.for_user(request.user)
    # Everyone with the same view of the bodies sees the same lists: a fragment whose
    # data is read only when it is built.
    lists = SimpleLazyObject(
        lambda: {
            "bodies": selectors.bodies(),
            "upcoming": selectors.upcoming_meetings(viewer, limit=8),
            "on_their_way": selectors.papers_on_their_way(viewer),
        }
    )
    return render(
        request,
        "governance/index.html",
        {
            "lists": lists,
            "viewer_key": viewer.cache_key,
            "can_manage": request.user.has_perm("governance.manage"),
        },
    )


def body_detail(request, slug: str):
    viewer = Viewer.for_user(request.user)
    page = selectors.body_detail(slug, viewer)
    return render(
        request,
        "governance/body_detail.html",
        {"page": page, "body": page.body, "can_manage": request.user.has_perm("governance.manage")},
    )


def person_detail(request, pk: int):
    """A member of the town's bodies: memberships and attendance in visible meetings."""
    page = selectors.person_page(pk, Viewer.for_user(request.user))
    return render(
        request,
        "governance/person_detail.html",
        {
            "page": page,
            "person": page.person,
            "can_manage": request.user.has_perm("governance.manage"),
        },
    )


@require_GET
def body_calendar(request, slug: str):
    """The meetings of a body as iCalendar: public meetings for everybody; a member (or a
    coordinator) logged in gets the body's non-public meetings too, marked private."""
    body = get_object_or_404(Body, slug=slug)
    viewer = Viewer.for_user(request.user)
    since = timezone.now() - datetime.timedelta(days=366)
    meetings = (
        selectors.meetings(viewer)
        .filter(body=body, start__gte=since)
        .prefetch_related("agenda_items")
        .order_by("start", "pk")[:500]
    )
    insider = viewer.is_insider(body.pk)
    return calendar.render(
        name=body.name,
        events=[_event(m, insider) for m in meetings],
        request=request,
        private=insider,
    )


def _event(meeting, insider: bool) -> calendar.CalendarEvent:
    items = [i for i in meeting.agenda_items.all() if i.is_public or insider]
    agenda = "\n".join(f"{i.number} {i.name}".strip() for i in items)
    return calendar.CalendarEvent(
        uid=f"meeting-{meeting.pk}",
        summary=meeting.name,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location.one_line() if meeting.location else "",
        description=agenda,
        url=meeting.get_absolute_url(),
        cancelled=meeting.cancelled,
        modified=meeting.modified,
    )


def meeting_list(request):
    viewer = Viewer.for_user(request.user)
    body_slug = request.GET.get("gremium", "")
    body_list = list(selectors.bodies())
    if body_slug not in {b.slug for b in body_list}:
        body_slug = ""
    when = "vergangen" if request.GET.get("zeit") == "vergangen" else "kommend"
    return render(
        request,
        "governance/meeting_list.html",
        {
            "page": selectors.meeting_page(
                viewer, body_slug=body_slug, when=when, page=_page_number(request)
            ),
            "bodies": body_list,
            "body_slug": body_slug,
            "when": when,
        },
    )


def meeting_detail(request, pk: int):
    viewer = Viewer.for_user(request.user)
    meeting = selectors.visible_meeting(pk, viewer)
    # The agenda, documents and attendance are a fragment per view of the bodies,
    # read only when it is built.
    page = SimpleLazyObject(lambda: selectors.meeting_detail(pk, viewer, meeting=meeting))
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "page": page,
            "meeting": meeting,
            "viewer_key": viewer.cache_key,
            "can_manage": request.user.has_perm("governance.manage"),
            "can_add_document": request.user.has_perm("governance.add_document", meeting.body),
        },
    )


def paper_list(request):
    viewer = Viewer.for_user(request.user)
    kind = request.GET.get("art", "")
    if kind not in Paper.Kind.values:
        kind = ""
    open_only = request.GET.get("offen") == "1"
    return render(
        request,
        "governance/paper_list.html",
        {
            "page": selectors.paper_page(
                viewer, kind=kind, open_only=open_only, page=_page_number(request)
            ),
            "kinds": Paper.Kind.choices,
            "kind": kind,
            "open_only": open_only,
            "can_manage": request.user.has_perm("governance.manage"),
        },
    )


def paper_detail(request, pk: int):
    viewer = Viewer.for_user(request.user)
    page = selectors.paper_detail(pk, viewer)
    return render(
        request,
        "governance/paper_detail.html",
        {
            "page": page,
            "paper": page.paper,
            "can_manage": request.user.has_perm("governance.manage"),
        },
    )


def document_file(request, pk: int, file_name: str):
    """A document's file, if the visitor may see the document. Internal files are never
    cached by shared caches."""
    document = selectors.document_for_download(pk, Viewer.for_user(request.user))
    response = file_response(
        request,
        document.file,
        content_type=document.mime_type,
        as_attachment=request.GET.get("download") == "1",
        filename=document.file_name,
    )
    response["Cache-Control"] = (
        "public, max-age=3600" if document.is_public else "private, no-store"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def workspace(request, slug: str):
    """The internal working area of a body (the steering group's workspace): only for its
    members and the coordinators."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("governance.view_internal", body):
        raise PermissionDenied
    viewer = Viewer.for_user(request.user)
    return render(
        request,
        "governance/workspace.html",
        {
            "body": body,
            "space": selectors.workspace(body, viewer),
            "can_manage": request.user.has_perm("governance.manage"),
            "can_add_document": request.user.has_perm("governance.add_document", body),
            "can_add_finding": request.user.has_perm("governance.add_bodyfinding", body),
        },
    )


@needs("governance.manage")
def registry(request):
    """Master data for the coordinators: people, places, legislative terms, factions."""
    return render(
        request,
        "governance/registry.html",
        {
            "people": Person.objects.prefetch_related("memberships__body").select_related("user"),
            "locations": Location.objects.all(),
            "terms": selectors.legislative_terms(),
            "factions": Body.objects.filter(kind=Body.Kind.FACTION),
            "cadences": CadenceRule.objects.select_related("body"),
            "title": _("Master data of the bodies"),
        },
    )
