"""Staff forms of the process. Validation lives here and in the models' clean()."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
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
from stadtdach.strategy.models import Measure


def _not_negative(value, message=None):
    if value is not None and value < 0:
        raise ValidationError(message or _("The amount cannot be negative."))
    return value


def _staff_users():
    """Accounts that can own a task: everybody with a role other than citizen."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__isnull=False)
        .exclude(groups__name="citizen")
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class EditionBoundForm(StadtdachModelForm):
    """A form whose phase (and other choices) belong to the given edition."""

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition or getattr(self.instance, "edition", None)
        if "phase" in self.fields:
            self.fields["phase"].queryset = Phase.objects.filter(edition=self.edition)

    def save(self, commit=True):
        if self.instance._state.adding:
            self.instance.edition = self.edition
        return super().save(commit)


class PhaseForm(StadtdachModelForm):
    class Meta:
        model = Phase
        fields = ["name", "description", "start", "end", "order"]
        widgets = {"start": date_input(), "end": date_input()}


class MilestoneForm(EditionBoundForm):
    class Meta:
        model = Milestone
        fields = [
            "name",
            "description",
            "phase",
            "kind",
            "date",
            "time_of_day",
            "place",
            "is_important",
            "is_completed",
            "is_sample",
        ]
        widgets = {"date": date_input(), "time_of_day": forms.TimeInput(attrs={"type": "time"})}


class DraftStageForm(EditionBoundForm):
    class Meta:
        model = DraftStage
        fields = ["name", "description", "phase", "milestone", "status", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = Milestone.objects.filter(edition=self.edition)


class TaskForm(EditionBoundForm):
    class Meta:
        model = Task
        fields = [
            "title",
            "description",
            "phase",
            "responsible_role",
            "owner",
            "due_date",
            "status",
            "completed_on",
            "is_public",
            "measures",
            "order",
            "is_sample",
        ]
        widgets = {
            "due_date": date_input(),
            "completed_on": date_input(),
            "measures": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _staff_users()
        self.fields["measures"].queryset = Measure.objects.filter(edition=self.edition)
        self.fields["measures"].help_text = _("The measures this task concerns.")

    def clean(self):
        cleaned = super().clean()
        status, done_on = cleaned.get("status"), cleaned.get("completed_on")
        if status == Task.Status.DONE and not done_on:
            cleaned["completed_on"] = timezone.localdate()
        if status and status != Task.Status.DONE and done_on:
            self.add_error("completed_on", _("Only a task that is done has a completion date."))
        return cleaned


class TaskStatusForm(StadtdachModelForm):
    """What the owner of a task may change: its status and a note."""

    class Meta:
        model = Task
        fields = ["status", "description"]

    def save(self, commit=True):
        if self.instance.status == Task.Status.DONE and not self.instance.completed_on:
            self.instance.completed_on = timezone.localdate()
        if self.instance.status != Task.Status.DONE:
            self.instance.completed_on = None
        return super().save(commit)


class ContractForm(EditionBoundForm):
    class Meta:
        model = Contract
        fields = [
            "title",
            "number",
            "phase",
            "contractor",
            "contact",
            "specification",
            "status",
            "awarded_on",
            "start",
            "end",
            "budget",
            "description",
            "is_sample",
        ]
        widgets = {"awarded_on": date_input(), "start": date_input(), "end": date_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specification"].queryset = Specification.objects.filter(edition=self.edition)
        self.fields["contact"].queryset = _staff_users()

    def clean_budget(self):
        return _not_negative(self.cleaned_data.get("budget"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in (Contract.Status.AWARDED, Contract.Status.COMPLETED) and not (
            cleaned.get("awarded_on")
        ):
            self.add_error("awarded_on", _("An awarded contract needs the date of the award."))
        return cleaned


class WorkPackageForm(EditionBoundForm):
    class Meta:
        model = WorkPackage
        fields = [
            "code",
            "title",
            "phase",
            "contract",
            "kind",
            "scope",
            "budget",
            "start",
            "due_date",
            "status",
            "order",
            "is_sample",
        ]
        widgets = {"start": date_input(), "due_date": date_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = Contract.objects.filter(edition=self.edition)
        # Acceptance is recorded by its own form, on behalf of the steering group.
        self.fields["status"].choices = [
            c for c in WorkPackage.Status.choices if c[0] != WorkPackage.Status.ACCEPTED
        ] + (
            [(WorkPackage.Status.ACCEPTED, WorkPackage.Status.ACCEPTED.label)]
            if self.instance.status == WorkPackage.Status.ACCEPTED
            else []
        )

    def clean_budget(self):
        return _not_negative(self.cleaned_data.get("budget"))

    def clean(self):
        cleaned = super().clean()
        contract, budget = cleaned.get("contract"), cleaned.get("budget")
        if contract and contract.budget is not None and budget is not None:
            others = sum(
                (p.budget or 0) for p in contract.work_packages.exclude(pk=self.instance.pk)
            )
            if others + budget > contract.budget:
                self.add_error(
                    "budget",
                    _(
                        "The work packages of the contract would cost more than the contract "
                        "value (%(value)s €)."
                    )
                    % {"value": contract.budget},
                )
        return cleaned


class WorkPackageReportForm(StadtdachModelForm):
    """What the contractor reports: work started or delivered."""

    class Meta:
        model = WorkPackage
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = (WorkPackage.Status.IN_PROGRESS, WorkPackage.Status.DELIVERED)
        self.fields["status"].choices = [c for c in WorkPackage.Status.choices if c[0] in allowed]

    def clean_status(self):
        if self.instance.status == WorkPackage.Status.ACCEPTED:
            raise ValidationError(_("The work package has already been accepted."))
        return self.cleaned_data["status"]


class AcceptanceForm(StadtdachModelForm):
    """The steering group's verdict on a delivered work package."""

    verdict = forms.ChoiceField(
        label=_("Verdict of the steering group"),
        choices=[
            (WorkPackage.Status.ACCEPTED, _("accepted")),
            (WorkPackage.Status.REWORK, _("rework requested")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = WorkPackage
        fields = ["accepted_on", "acceptance_note"]
        widgets = {"accepted_on": date_input()}
        labels = {"accepted_on": _("Date of the verdict")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accepted_on"].required = True
        if not self.instance.accepted_on:
            self.initial["accepted_on"] = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if self.instance.status not in (WorkPackage.Status.DELIVERED, WorkPackage.Status.REWORK):
            raise ValidationError(_("Only a delivered work package can be accepted."))
        day = cleaned.get("accepted_on")
        if day and day > timezone.localdate():
            self.add_error("accepted_on", _("The verdict cannot lie in the future."))
        if day and self.instance.start and day < self.instance.start:
            self.add_error("accepted_on", _("The verdict cannot lie before the work started."))
        if (
            cleaned.get("verdict") == WorkPackage.Status.REWORK
            and not (cleaned.get("acceptance_note") or "").strip()
        ):
            self.add_error("acceptance_note", _("Please say what has to be reworked."))
        return cleaned

    def save(self, commit=True):
        self.instance.status = self.cleaned_data["verdict"]
        return super().save(commit)


class DeliverableForm(StadtdachModelForm):
    class Meta:
        model = Deliverable
        fields = ["title", "description", "due_date", "delivered_on", "order", "is_sample"]
        widgets = {"due_date": date_input(), "delivered_on": date_input()}

    def __init__(self, *args, work_package=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.work_package = work_package or self.instance.work_package

    def clean_delivered_on(self):
        day = self.cleaned_data.get("delivered_on")
        if day and day > timezone.localdate():
            raise ValidationError(_("The delivery date cannot lie in the future."))
        return day

    def save(self, commit=True):
        if self.instance._state.adding:
            self.instance.work_package = self.work_package
        return super().save(commit)


class DeliveryForm(StadtdachModelForm):
    """What the contractor may change on a deliverable: that it was delivered."""

    class Meta:
        model = Deliverable
        fields = ["delivered_on"]
        widgets = {"delivered_on": date_input()}

    clean_delivered_on = DeliverableForm.clean_delivered_on


class SpecificationForm(EditionBoundForm):
    class Meta:
        model = Specification
        fields = ["title", "phase", "introduction", "status", "is_sample"]


class SpecificationSectionForm(StadtdachModelForm):
    class Meta:
        model = SpecificationSection
        fields = ["title", "text", "order"]


class SpecificationItemForm(StadtdachModelForm):
    class Meta:
        model = SpecificationItem
        fields = ["text", "quantity", "unit", "work_package", "order"]

    def __init__(self, *args, section=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section or self.instance.section
        edition = self.section.specification.edition
        self.fields["work_package"].queryset = WorkPackage.objects.filter(edition=edition)

    def clean_quantity(self):
        return _not_negative(
            self.cleaned_data.get("quantity"), _("The quantity cannot be negative.")
        )

    def save(self, commit=True):
        if self.instance._state.adding:
            self.instance.section = self.section
        return super().save(commit)


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "DOCX")])
