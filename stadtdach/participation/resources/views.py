"""Resources of participation: the steering group's overview (plan against actuals, a
warning where the actuals exceed the plan), a process's plan and entries, and the
coordinators' forms (audited through core.services.save_form / delete_object)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.core.views import DeleteView, EditView
from stadtdach.participation.models import ParticipationProcess, ResourceEntry, ResourcePlan
from stadtdach.participation.resources import selectors
from stadtdach.participation.resources.forms import ResourceEntryForm, ResourcePlanForm


def _authorise(request, permission):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return None


def overview(request):
    if denied := _authorise(request, "participation.view_resources"):
        return denied
    rows = selectors.overview()
    return render(
        request,
        "participation/resources/overview.html",
        {
            "rows": rows,
            "over": [r for r in rows if r.has_plan and r.is_over],
            "can_change": request.user.has_perm("participation.change_resources"),
        },
    )


def process_resources(request, slug):
    if denied := _authorise(request, "participation.view_resources"):
        return denied
    process = get_object_or_404(ParticipationProcess, slug=slug)
    return render(
        request,
        "participation/resources/process.html",
        {
            "process": process,
            "row": selectors.process_row(process),
            "plan": selectors.plan_of(process),
            "entries": list(selectors.entries(process)[:200]),
            "can_change": request.user.has_perm("participation.change_resources"),
        },
    )


class _ProcessMixin:
    permission = "participation.change_resources"

    def dispatch(self, request, *args, **kwargs):
        self.process = get_object_or_404(ParticipationProcess, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return None

    def get_cancel_url(self):
        return reverse("participation:resources_process", kwargs={"slug": self.process.slug})

    def get_success_url(self, saved):
        return self.get_cancel_url()


class PlanEdit(_ProcessMixin, EditView):
    form_class = ResourcePlanForm

    def get_object(self):
        return ResourcePlan.objects.filter(process=self.process).first()

    def get_form_kwargs(self):
        return {"instance": self.object or ResourcePlan(process=self.process)}

    def get_title(self):
        return _("Resource plan: %(title)s") % {"title": self.process.title}


class EntryEdit(_ProcessMixin, EditView):
    form_class = ResourceEntryForm

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            return None
        return get_object_or_404(ResourceEntry, pk=pk, process=self.process)

    def get_form_kwargs(self):
        return {
            "instance": self.object
            or ResourceEntry(process=self.process, entered_by=self.request.user)
        }

    def get_title(self):
        return _("Actual resources: %(title)s") % {"title": self.process.title}


class EntryDelete(DeleteView):
    permission = "participation.change_resources"

    def get_object(self):
        return get_object_or_404(
            ResourceEntry, pk=self.kwargs["pk"], process__slug=self.kwargs["slug"]
        )

    def get_success_url(self):
        return reverse("participation:resources_process", kwargs={"slug": self.kwargs["slug"]})
