"""Staff forms of the formats' content (drafts, surveys and their questions, options of
prioritisations and consensus findings, offline events): create and change, audited and
safe against double posts (core.views.EditView), for those who run participation."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from stadtdach.core.views import DeleteView, EditView
from stadtdach.participation.models import ParticipationProcess


def process_or_404(slug: str) -> ParticipationProcess:
    return get_object_or_404(
        ParticipationProcess.objects.select_related("phase__edition"), slug=slug[:80]
    )


class FormatEditView(EditView):
    """Create (``slug`` of the process in the address) or change (``pk``) one object
    that belongs to a process. Subclasses set ``model``, ``form_class``, ``manage_url``
    (the format's staff page, by process slug) and the titles."""

    model = None
    permission = "participation.manage_formats"
    manage_url = ""
    title_new = ""
    title_edit = ""
    select_related: tuple[str, ...] = ("process",)

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            self.process = process_or_404(self.kwargs["slug"])
            return None
        obj = get_object_or_404(self.model.objects.select_related(*self.select_related), pk=pk)
        self.process = self.process_of(obj)
        return obj

    def process_of(self, obj) -> ParticipationProcess:
        return obj.process

    def get_permission_object(self):
        return self.process

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "process": self.process}

    def get_title(self) -> str:
        if self.object is not None:
            return f"{self.title_edit}: {self.object}"
        return f"{self.title_new} · {self.process.title}"

    def get_cancel_url(self) -> str:
        return reverse(self.manage_url, kwargs={"slug": self.process.slug})

    def get_success_url(self, saved) -> str:
        return self.get_cancel_url()


class ChildEditView(FormatEditView):
    """Create (``parent`` pk in the address) or change (``pk``) an object that belongs to
    a format object (a survey's question, an option). ``parent_model`` and
    ``parent_field`` name the parent."""

    parent_model = None
    parent_field = ""

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            self.parent = get_object_or_404(
                self.parent_model.objects.select_related("process"), pk=self.kwargs["parent"]
            )
            self.process = self.parent.process
            return None
        obj = get_object_or_404(
            self.model.objects.select_related(f"{self.parent_field}__process"), pk=pk
        )
        self.parent = getattr(obj, self.parent_field)
        self.process = self.parent.process
        return obj

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["parent"] = self.parent
        return kwargs

    def get_title(self) -> str:
        if self.object is not None:
            return f"{self.title_edit}: {self.object}"
        return f"{self.title_new} · {self.parent}"


class ChildDeleteView(DeleteView):
    """Delete a question or option while nobody has answered or voted on it yet
    (``in_use``); afterwards it stays, so that results remain true. The object's
    ``get_absolute_url`` is the format's staff page."""

    model = None
    parent_field = ""
    permission = "participation.manage_formats"

    def get_object(self):
        obj = get_object_or_404(
            self.model.objects.select_related(f"{self.parent_field}__process"),
            pk=self.kwargs["pk"],
        )
        if self.in_use(obj):
            raise Http404
        return obj

    def in_use(self, obj) -> bool:
        return False

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()
