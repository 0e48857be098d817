"""Staff forms of the process. Each view: load → authorise (django-rules) → validate →
save through a service (audited) → redirect. Anonymous visitors are sent to the log-in."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stadtdach.core.views import DeleteView, EditView
from stadtdach.process import forms
from stadtdach.process.models import (
    Contract,
    Deliverable,
    DraftStage,
    Milestone,
    Phase,
    Specification,
    SpecificationItem,
    SpecificationSection,
    Task,
    WorkPackage,
)
from stadtdach.strategy.selectors import current_edition_or_404


class _EditionEdit(EditView):
    """Create or change an object of the current edition."""

    model = None
    add_permission = change_permission = ""
    list_url = "process:overview"
    noun = ""

    def get_object(self):
        self.edition = current_edition_or_404()
        pk = self.kwargs.get("pk")
        return get_object_or_404(self.model, pk=pk, edition=self.edition) if pk else None

    @property
    def permission(self):
        return self.change_permission if self.object else self.add_permission

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "edition": self.edition}

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse(self.list_url)

    def get_title(self):
        return _("Edit: %(name)s") % {"name": self.object} if self.object else self.noun


class PhaseEdit(_EditionEdit):
    model = Phase
    form_class = forms.PhaseForm
    change_permission = "process.change_phase"

    def get_form_kwargs(self):
        return {"instance": self.object}


class MilestoneEdit(_EditionEdit):
    model = Milestone
    form_class = forms.MilestoneForm
    add_permission = "process.add_milestone"
    change_permission = "process.change_milestone"

    def get_title(self):
        return (
            _("Edit milestone: %(name)s") % {"name": self.object}
            if self.object
            else _("New milestone")
        )


class MilestoneDelete(DeleteView):
    permission = "process.delete_milestone"

    def get_object(self):
        return get_object_or_404(Milestone, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("process:overview")


class DraftStageEdit(_EditionEdit):
    model = DraftStage
    form_class = forms.DraftStageForm
    add_permission = "process.add_draftstage"
    change_permission = "process.change_draftstage"
    noun = gettext_lazy("New draft stage")
    list_url = "process:timeline"


class TaskEdit(_EditionEdit):
    model = Task
    add_permission = "process.add_task"
    change_permission = "process.change_task"
    list_url = "process:task_list"

    def get_title(self):
        return _("Edit task: %(name)s") % {"name": self.object} if self.object else _("New task")

    @property
    def form_class(self):
        # An owner who is not a coordinator updates the status only.
        if self.object and not self.request.user.has_perm("process.add_task"):
            return forms.TaskStatusForm
        return forms.TaskForm

    def get_form_kwargs(self):
        if self.form_class is forms.TaskStatusForm:
            return {"instance": self.object}
        return super().get_form_kwargs()


class TaskDelete(DeleteView):
    permission = "process.delete_task"

    def get_object(self):
        return get_object_or_404(Task, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("process:task_list")


class ContractEdit(_EditionEdit):
    model = Contract
    form_class = forms.ContractForm
    add_permission = "process.add_contract"
    change_permission = "process.change_contract"
    list_url = "process:work_package_list"

    def get_title(self):
        return (
            _("Edit contract: %(name)s") % {"name": self.object}
            if self.object
            else _("New contract")
        )


class WorkPackageEdit(_EditionEdit):
    model = WorkPackage
    form_class = forms.WorkPackageForm
    add_permission = "process.add_workpackage"
    change_permission = "process.change_workpackage"
    list_url = "process:work_package_list"

    def get_title(self):
        return (
            _("Edit work package: %(name)s") % {"name": self.object}
            if self.object
            else _("New work package")
        )


class _WorkPackageAction(EditView):
    """A change of one work package by a narrower form (report, acceptance)."""

    def get_object(self):
        return get_object_or_404(
            WorkPackage.objects.select_related("contract"), pk=self.kwargs["pk"]
        )


class WorkPackageReport(_WorkPackageAction):
    form_class = forms.WorkPackageReportForm
    permission = "process.report_workpackage"

    def get_title(self):
        return _("Report progress: %(name)s") % {"name": self.object}


class WorkPackageAccept(_WorkPackageAction):
    form_class = forms.AcceptanceForm
    permission = "process.accept_workpackage"

    def get_title(self):
        return _("Acceptance by the steering group: %(name)s") % {"name": self.object}


class DeliverableEdit(EditView):
    form_class = forms.DeliverableForm

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            deliverable = get_object_or_404(
                Deliverable.objects.select_related("work_package"), pk=pk
            )
            self.work_package = deliverable.work_package
            return deliverable
        self.work_package = get_object_or_404(WorkPackage, pk=self.kwargs["package_pk"])
        return None

    permission = "process.change_workpackage"

    def get_permission_object(self):
        return self.work_package

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "work_package": self.work_package}

    def get_cancel_url(self):
        return self.work_package.get_absolute_url()

    def get_success_url(self, saved):
        return self.work_package.get_absolute_url()

    def get_title(self):
        return (
            _("Edit deliverable: %(name)s") % {"name": self.object}
            if self.object
            else _("New deliverable for %(package)s") % {"package": self.work_package}
        )


class DeliveryEdit(DeliverableEdit):
    """The contractor marks a deliverable as delivered."""

    form_class = forms.DeliveryForm
    permission = "process.report_workpackage"

    def get_form_kwargs(self):
        return {"instance": self.object}

    def get_title(self):
        return _("Delivery of %(name)s") % {"name": self.object}


class SpecificationEdit(_EditionEdit):
    model = Specification
    form_class = forms.SpecificationForm
    add_permission = "process.add_specification"
    change_permission = "process.change_specification"
    list_url = "process:specification_list"

    def get_title(self):
        return (
            _("Edit specification: %(name)s") % {"name": self.object}
            if self.object
            else _("New tender specification")
        )


class SectionEdit(EditView):
    form_class = forms.SpecificationSectionForm
    permission = "process.change_specification"

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            section = get_object_or_404(
                SpecificationSection.objects.select_related("specification"), pk=pk
            )
            self.specification = section.specification
            return section
        self.specification = get_object_or_404(Specification, pk=self.kwargs["spec_pk"])
        return None

    def get_permission_object(self):
        return self.specification

    def save(self, form):
        if form.instance._state.adding:
            form.instance.specification = self.specification
        return super().save(form)

    def get_cancel_url(self):
        return self.specification.get_absolute_url()

    def get_success_url(self, saved):
        return self.specification.get_absolute_url()

    def get_title(self):
        return (
            _("Edit section: %(name)s") % {"name": self.object} if self.object else _("New section")
        )


class SectionDelete(DeleteView):
    permission = "process.change_specification"

    def get_object(self):
        self.section = get_object_or_404(
            SpecificationSection.objects.select_related("specification"), pk=self.kwargs["pk"]
        )
        return self.section

    def get_success_url(self):
        return self.section.specification.get_absolute_url()


class ItemEdit(EditView):
    form_class = forms.SpecificationItemForm
    permission = "process.change_specification"

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            item = get_object_or_404(
                SpecificationItem.objects.select_related("section__specification__edition"),
                pk=pk,
            )
            self.section = item.section
            return item
        self.section = get_object_or_404(
            SpecificationSection.objects.select_related("specification__edition"),
            pk=self.kwargs["section_pk"],
        )
        return None

    def get_permission_object(self):
        return self.section.specification

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "section": self.section}

    def get_cancel_url(self):
        return self.section.specification.get_absolute_url()

    def get_success_url(self, saved):
        return self.section.specification.get_absolute_url()

    def get_title(self):
        return (
            _("Edit position")
            if self.object
            else _("New position in %(section)s") % {"section": self.section}
        )


class ItemDelete(DeleteView):
    permission = "process.change_specification"

    def get_object(self):
        self.item = get_object_or_404(
            SpecificationItem.objects.select_related("section__specification"),
            pk=self.kwargs["pk"],
        )
        return self.item

    def get_success_url(self):
        return self.item.section.specification.get_absolute_url()
