"""Uploading progress reports and indicator values as a file, the templates to fill in,
the import's status page, and the overview of due updates with the reminders."""

import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from stadtdach.core.services import DuplicateSubmission, claim_submission
from stadtdach.monitoring import selectors, services
from stadtdach.monitoring.forms import ImportForm
from stadtdach.monitoring.imports import runner
from stadtdach.monitoring.imports import templates as import_templates
from stadtdach.monitoring.imports.reader import FileProblem, read_table
from stadtdach.monitoring.models import ImportJob, Indicator
from stadtdach.monitoring.tasks import run_import
from stadtdach.strategy import selectors as strategy_selectors

KIND_PERMISSIONS = {
    ImportJob.Kind.PROGRESS: "monitoring.import_progress",
    ImportJob.Kind.VALUES: "monitoring.import_values",
}


class _StaffView(View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.allowed(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, request) -> bool:
        return False


def _kinds(user) -> list[str]:
    return [kind for kind, perm in KIND_PERMISSIONS.items() if user.has_perm(perm)]


class ImportStart(_StaffView):
    template_name = "monitoring/import_form.html"

    def allowed(self, request):
        return bool(_kinds(request.user))

    def render_form(self, form, token, status=200):
        jobs = list(selectors.import_jobs_for(self.request.user)[:10])
        return render(
            self.request,
            self.template_name,
            {"form": form, "form_token": token, "jobs": jobs, "kinds": _kinds(self.request.user)},
            status=status,
        )

    def get(self, request):
        return self.render_form(ImportForm(kinds=_kinds(request.user)), uuid.uuid4())

    def post(self, request):
        form = ImportForm(data=request.POST, files=request.FILES, kinds=_kinds(request.user))
        token = _token(request.POST.get("form_token"))
        if not form.is_valid():
            return self.render_form(form, token or uuid.uuid4(), status=400)
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            rows = len(read_table(data, upload.name).rows)
        except FileProblem as problem:
            form.add_error("file", problem.message)
            return self.render_form(form, token or uuid.uuid4(), status=400)
        upload.seek(0)
        try:
            with transaction.atomic():
                claim_submission(token)
                job = ImportJob.objects.create(
                    kind=form.cleaned_data["kind"],
                    file=upload,
                    original_name=upload.name[:200],
                    uploaded_by=request.user,
                    language=translation.get_language() or "de",
                    total_rows=rows,
                )
                if rows > runner.SYNC_ROW_LIMIT:
                    transaction.on_commit(lambda: run_import.enqueue(job.pk))
        except DuplicateSubmission:
            messages.info(request, _("This file had already been sent; it is imported once."))
            return redirect("monitoring:import_start")
        if rows <= runner.SYNC_ROW_LIMIT:
            runner.run(job.pk)
        return redirect(job.get_absolute_url())


def _token(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


class ImportDetail(_StaffView):
    def allowed(self, request):
        self.job = get_object_or_404(ImportJob, pk=self.kwargs["pk"])
        return self.job.uploaded_by_id == request.user.pk or request.user.has_perm(
            "monitoring.view_all_imports"
        )

    def get(self, request, pk):
        context = {"job": self.job}
        if request.headers.get("HX-Request"):
            return render(request, "monitoring/import_detail.html#progress", context)
        return render(request, "monitoring/import_detail.html", context)


class ImportTemplate(_StaffView):
    """?art=fortschritt|werte&format=csv|xlsx: a template with the user's measures or
    indicators filled in."""

    def allowed(self, request):
        self.kind = (
            ImportJob.Kind.VALUES if request.GET.get("art") == "werte" else ImportJob.Kind.PROGRESS
        )
        return request.user.has_perm(KIND_PERMISSIONS[self.kind])

    def get(self, request):
        edition = strategy_selectors.current_edition_or_404()
        fmt = request.GET.get("format", "xlsx")
        if fmt not in ("csv", "xlsx"):
            raise Http404
        if self.kind == ImportJob.Kind.PROGRESS:
            states = [
                s
                for s in selectors.updates_for(request.user, edition, timezone.localdate())
                if request.user.has_perm("monitoring.update_progress", s.measure)
            ]
            header = import_templates.progress_header()
            rows = import_templates.progress_rows(states)
            name = "fortschritt"
        else:
            indicators = [
                i
                for i in Indicator.objects.filter(edition=edition).select_related(
                    "action_field", "measure__action_field"
                )
                if request.user.has_perm("monitoring.enter_values", i)
            ]
            header = import_templates.values_header()
            rows = import_templates.values_rows(indicators)
            name = "indikatorwerte"
        if fmt == "csv":
            content = import_templates.as_csv(header, rows)
            content_type = "text/csv; charset=utf-8"
        else:
            content = import_templates.as_xlsx(
                header, rows, status_column=4 if self.kind == ImportJob.Kind.PROGRESS else None
            )
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="vorlage-{name}.{fmt}"'
        return response


class UpdatesOverview(_StaffView):
    """Which measures await a progress report: the department's own, or (coordinators)
    all, with the button that sends the reminders now."""

    def allowed(self, request):
        return request.user.has_perm("monitoring.view_updates")

    def get(self, request):
        from django.conf import settings
        from django.core.paginator import Paginator

        edition = strategy_selectors.current_edition_or_404()
        today = timezone.localdate()
        states = selectors.updates_for(request.user, edition, today)
        due = [s for s in states if s.update_due]
        shown = due if request.GET.get("alle") != "1" else states
        page = Paginator(shown, settings.STADTDACH_PAGE_SIZE).get_page(request.GET.get("seite"))
        return render(
            request,
            "monitoring/updates.html",
            {
                "edition": edition,
                "page": page,
                "due_count": len(due),
                "total": len(states),
                "show_all": request.GET.get("alle") == "1",
                "can_remind": request.user.has_perm("monitoring.send_reminders"),
                "today": today,
            },
        )

    def post(self, request):
        if not request.user.has_perm("monitoring.send_reminders"):
            raise PermissionDenied
        sent = services.reminders_send(actor=request.user)
        messages.success(
            request,
            ngettext(
                "Reminder queued for %(count)d department.",
                "Reminders queued for %(count)d departments.",
                sent,
            )
            % {"count": sent}
            if sent
            else _("No department needs a reminder now."),
        )
        return redirect("monitoring:updates")
