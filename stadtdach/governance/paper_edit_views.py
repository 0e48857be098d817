"""Staff forms of documents, papers, consultations, decisions, task links and findings
(see edit_views.py for the pattern and the base classes)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.governance import forms, paper_forms, selectors
from stadtdach.governance.edit_views import GovernanceDelete, GovernanceEdit
from stadtdach.governance.models import (
    Body,
    BodyFinding,
    Consultation,
    Decision,
    Document,
    Meeting,
    Paper,
    TaskLink,
)


class DocumentAdd(GovernanceEdit):
    """Upload a document to a body's workspace, a meeting, an agenda item or a paper."""

    model = Document
    form_class = forms.DocumentForm

    def get_object(self):
        self.context = {}
        kind, pk = self.kwargs["kind"], self.kwargs["parent_pk"]
        if kind == "gremium":
            body = get_object_or_404(Body, pk=pk)
            self.context = {"body": body}
            self.parent_url = reverse("governance:workspace", kwargs={"slug": body.slug})
        elif kind == "sitzung":
            meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
            self.context = {"body": meeting.body, "meeting": meeting}
            self.parent_url = meeting.get_absolute_url()
        elif kind == "vorlage":
            paper = get_object_or_404(Paper.objects.select_related("originator"), pk=pk)
            self.context = {"body": paper.originator, "paper": paper}
            self.parent_url = paper.get_absolute_url()
        else:
            raise Http404
        return None

    @property
    def permission(self):
        return "governance.add_document"

    def get_permission_object(self):
        return self.context.get("body")

    def dispatch(self, request, *args, **kwargs):
        paper = self.kwargs.get("kind") == "vorlage"
        if (
            paper
            and request.user.is_authenticated
            and not request.user.has_perm("governance.manage")
        ):
            raise PermissionDenied  # papers are kept by the coordinators
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**self.context}

    def get_cancel_url(self):
        return self.parent_url

    def get_success_url(self, saved):
        return self.parent_url

    def get_title(self):
        return _("New document")


class DocumentDelete(GovernanceDelete):
    model = Document
    permission = "governance.delete_document"

    def get_success_url(self):
        doc = self.object
        if doc.meeting_id:
            return doc.meeting.get_absolute_url()
        if doc.paper_id:
            return doc.paper.get_absolute_url()
        if doc.body_id:
            return reverse("governance:workspace", kwargs={"slug": doc.body.slug})
        return reverse("governance:index")


class PaperEdit(GovernanceEdit):
    model = Paper
    form_class = paper_forms.PaperForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "authority": selectors.authority()}

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("governance:paper_list")

    def get_title(self):
        return _("Edit paper: %(name)s") % {"name": self.object} if self.object else _("New paper")


class PaperDelete(GovernanceDelete):
    model = Paper

    def get_success_url(self):
        return reverse("governance:paper_list")


class ConsultationEdit(GovernanceEdit):
    model = Consultation
    form_class = paper_forms.ConsultationForm

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            obj = get_object_or_404(Consultation.objects.select_related("paper"), pk=pk)
            self.paper = obj.paper
            return obj
        self.paper = get_object_or_404(Paper, pk=self.kwargs["paper_pk"])
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "paper": self.paper}

    def get_cancel_url(self):
        return self.paper.get_absolute_url()

    def get_success_url(self, saved):
        return self.paper.get_absolute_url() + f"#beratung-{saved.pk}"

    def get_title(self):
        if self.object:
            return _("Edit consultation: %(name)s") % {"name": self.object}
        return _("New consultation of %(paper)s") % {"paper": self.paper}


class ConsultationDelete(GovernanceDelete):
    model = Consultation

    def get_success_url(self):
        return self.object.paper.get_absolute_url()


class DecisionEdit(GovernanceEdit):
    model = Decision
    form_class = paper_forms.DecisionForm

    def get_object(self):
        self.consultation = get_object_or_404(
            Consultation.objects.select_related("paper", "meeting", "body"),
            pk=self.kwargs["consultation_pk"],
        )
        return Decision.objects.filter(consultation=self.consultation).first()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def get_cancel_url(self):
        return self.consultation.paper.get_absolute_url()

    def get_success_url(self, saved):
        return saved.get_absolute_url()

    def get_title(self):
        return _("Decision of %(body)s on %(paper)s") % {
            "body": self.consultation.body,
            "paper": self.consultation.paper,
        }


class TaskLinkAdd(GovernanceEdit):
    model = TaskLink
    form_class = paper_forms.TaskLinkForm

    def get_object(self):
        kind, pk = self.kwargs["kind"], self.kwargs["parent_pk"]
        if kind == "gremium":
            body = get_object_or_404(Body, pk=pk)
            self.context, self.parent_url = (
                {"body": body},
                reverse("governance:workspace", kwargs={"slug": body.slug}),
            )
        elif kind == "sitzung":
            meeting = get_object_or_404(Meeting, pk=pk)
            self.context, self.parent_url = {"meeting": meeting}, meeting.get_absolute_url()
        elif kind == "beschluss":
            decision = get_object_or_404(
                Decision.objects.select_related("consultation__paper"), pk=pk
            )
            self.context, self.parent_url = {"decision": decision}, decision.get_absolute_url()
        else:
            raise Http404
        return None

    def get_form_kwargs(self):
        return {**self.context}

    def get_cancel_url(self):
        return self.parent_url

    def get_success_url(self, saved):
        return self.parent_url

    def get_title(self):
        return _("Link a task")


class FindingEdit(GovernanceEdit):
    model = BodyFinding
    form_class = paper_forms.BodyFindingForm

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            obj = get_object_or_404(BodyFinding.objects.select_related("body"), pk=pk)
            self.body = obj.body
            return obj
        self.body = get_object_or_404(Body, slug=self.kwargs["slug"])
        return None

    @property
    def permission(self):
        return "governance.change_bodyfinding" if self.object else "governance.add_bodyfinding"

    def get_permission_object(self):
        return self.object or self.body

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "body": self.body}

    def _workspace(self):
        return reverse("governance:workspace", kwargs={"slug": self.body.slug})

    def get_cancel_url(self):
        return self._workspace()

    def get_success_url(self, saved):
        return self._workspace() + "#ergebnisse"

    def get_title(self):
        return _("Edit finding") if self.object else _("New consensus finding or priority")
