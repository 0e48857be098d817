"""Pages of offline events: their part of the process page, an event with attendance,
documents, photos and results, and the staff pages to record them."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stadtdach.core.services import DuplicateSubmission
from stadtdach.core.storage import file_response
from stadtdach.core.text import german_slugify
from stadtdach.participation.ideas.selectors import action_field_queryset, theme_queryset
from stadtdach.participation.offline_events import selectors, services
from stadtdach.participation.offline_events.forms import (
    AttendanceForm,
    DocumentForm,
    EventForm,
    PhotoForm,
    ResultsForm,
)
from stadtdach.participation.offline_events.models import EventDocument, EventPhoto, OfflineEvent
from stadtdach.participation.selectors import PAGE_SIZE
from stadtdach.participation.views.format_edit import FormatEditView, process_or_404
from stadtdach.participation.views.helpers import page_number
from stadtdach.participation.views.staff_helpers import require_perm


def section_context(request, process) -> dict:
    """The events with their attendance and published results (1 query)."""
    return {"events": selectors.events_of(process)}


def event_detail(request, pk):
    """An event: facts, attendance, documents, photos, and its results (paged)."""
    event = selectors.event_detail(pk, request.user)
    page = Paginator(selectors.results_of(event), PAGE_SIZE).get_page(page_number(request))
    attendance = list(event.attendance.all())
    return render(
        request,
        "participation/offline_events/detail.html",
        {
            "event": event,
            "process": event.process,
            "attendance": attendance,
            "total": sum(a.count for a in attendance) + event.attendance_other,
            "page": page,
            "can_manage": request.user.has_perm("participation.manage_formats"),
        },
    )


@require_perm("participation.manage_formats")
def manage(request, slug):
    process = process_or_404(slug)
    return render(
        request,
        "participation/offline_events/manage.html",
        {"process": process, "events": selectors.events_of(process)},
    )


class EventEdit(FormatEditView):
    model = OfflineEvent
    form_class = EventForm
    manage_url = "participation:event_manage"

    @property
    def title_new(self):
        return _("New event")

    @property
    def title_edit(self):
        return _("Edit event")

    def get_success_url(self, saved) -> str:
        return saved.get_absolute_url()


def _event(pk) -> OfflineEvent:
    return get_object_or_404(OfflineEvent.objects.select_related("process"), pk=pk)


def _form_page(request, event, form, title, status=200, template="form.html"):
    return render(
        request,
        f"participation/offline_events/{template}",
        {"event": event, "form": form, "title": title, "cancel_url": event.get_absolute_url()},
        status=status,
    )


@require_perm("participation.manage_formats")
def attendance_edit(request, pk):
    event = _event(pk)
    form = AttendanceForm(data=request.POST or None, event=event)
    if request.method == "POST":
        if form.is_valid():
            services.attendance_save(
                actor=request.user,
                event=event,
                counts=form.counts(),
                other=form.cleaned_data.get("other") or 0,
            )
            messages.success(request, _("Saved."))
            return redirect(event.get_absolute_url() + "#teilnahme")
        return _form_page(request, event, form, _("Attendance"), 400)
    return _form_page(request, event, form, _("Attendance"))


@require_perm("participation.manage_formats")
def results_add(request, pk):
    """Record the results of an event, several at once."""
    event = _event(pk)
    form = ResultsForm(
        data=request.POST or None,
        action_fields=action_field_queryset(),
        themes=theme_queryset(),
    )
    title = _("Record results")
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.results_record(
                    actor=request.user,
                    event=event,
                    entries=form.cleaned_data["results"],
                    target_group=form.cleaned_data.get("target_group"),
                    action_field=form.cleaned_data.get("action_field"),
                    themes=form.cleaned_data.get("themes") or (),
                    submission_token=form.cleaned_data.get("form_token"),
                )
            except DuplicateSubmission:
                messages.info(request, _("These results had already been saved; once."))
                return redirect(event.get_absolute_url() + "#ergebnisse")
            messages.success(
                request,
                ngettext("%(count)d result recorded.", "%(count)d results recorded.", len(created))
                % {"count": len(created)},
            )
            return redirect(event.get_absolute_url() + "#ergebnisse")
        return _form_page(request, event, form, title, 400)
    return _form_page(request, event, form, title)


@require_perm("participation.manage_formats")
def photo_add(request, pk):
    event = _event(pk)
    form = PhotoForm(data=request.POST or None, files=request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            services.photo_add(
                actor=request.user,
                event=event,
                prepared=form.cleaned_data["image"],
                description=form.cleaned_data["description"].strip(),
            )
            messages.success(request, _("Saved."))
            return redirect(event.get_absolute_url() + "#fotos")
        return _form_page(request, event, form, _("Add a photo"), 400)
    return _form_page(request, event, form, _("Add a photo"))


@require_perm("participation.manage_formats")
def document_add(request, pk):
    event = _event(pk)
    form = DocumentForm(data=request.POST or None, files=request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            services.document_add(
                actor=request.user,
                event=event,
                checked=form.cleaned_data["file"],
                title=form.cleaned_data["title"].strip(),
            )
            messages.success(request, _("Saved."))
            return redirect(event.get_absolute_url() + "#dokumente")
        return _form_page(request, event, form, _("Add a document"), 400)
    return _form_page(request, event, form, _("Add a document"))


def _visible_event_file(request, queryset, token):
    item = get_object_or_404(queryset.select_related("event__process"), token=token[:32])
    if not request.user.has_perm("participation.view_process", item.event.process):
        raise Http404
    return item


def event_photo(request, token):
    photo = _visible_event_file(request, EventPhoto.objects.all(), token)
    response = file_response(request, photo.file, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def event_document(request, token):
    document = _visible_event_file(request, EventDocument.objects.all(), token)

    name = f"{german_slugify(document.title)[:80] or document.token}.{document.extension}"
    response = file_response(
        request,
        document.file,
        content_type=document.content_type,
        as_attachment=True,
        filename=name,
    )
    response["Cache-Control"] = "private, max-age=3600"
    return response
