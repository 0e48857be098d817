"""Forms of offline events (staff): the event, attendance by target group, results,
photos and documents."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import (
    MAX_TEXT_LENGTH,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    StadtdachModelForm,
)
from stadtdach.participation.forms import DATETIME_FORMAT, datetime_input
from stadtdach.participation.images import ImageField
from stadtdach.participation.models import TargetGroup
from stadtdach.participation.offline_events.documents import DocumentField
from stadtdach.participation.offline_events.models import OfflineEvent
from stadtdach.participation.offline_events.services import parse_results

MAX_ATTENDANCE = 100_000


class EventForm(StadtdachModelForm):
    class Meta:
        model = OfflineEvent
        fields = [
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "named_place",
            "description",
        ]
        widgets = {"starts_at": datetime_input(), "ends_at": datetime_input()}

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_at"), cleaned.get("ends_at")
        if start and end and end <= start:
            self.add_error(
                "ends_at", ValidationError(_("The end must lie after the start."), code="order")
            )
        return cleaned

    def save(self, commit=True):
        self.instance.process = self.process
        return super().save(commit)


class AttendanceForm(forms.Form):
    """One number per target group, plus those who did not say."""

    def __init__(self, *args, event: OfflineEvent, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = list(TargetGroup.objects.all())
        current = {a.target_group_id: a.count for a in event.attendance.all()}
        for group in self.groups:
            self.fields[f"gruppe_{group.pk}"] = forms.IntegerField(
                label=group.name,
                min_value=0,
                max_value=MAX_ATTENDANCE,
                required=False,
                initial=current.get(group.pk, 0),
            )
        self.fields["other"] = forms.IntegerField(
            label=_("Further participants (no target group stated)"),
            min_value=0,
            max_value=MAX_ATTENDANCE,
            required=False,
            initial=event.attendance_other,
        )

    def counts(self) -> dict[int, int]:
        return {g.pk: self.cleaned_data.get(f"gruppe_{g.pk}") or 0 for g in self.groups}


class ResultsForm(forms.Form):
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    results = forms.CharField(
        label=_("Results"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "One result per paragraph, separated by an empty line. The first line is the "
            "title, the following lines the text. Each result becomes a contribution "
            "marked “offline”, evaluated and answered like online contributions."
        ),
    )
    target_group = SafeModelChoiceField(
        label=_("Target group (of all these results)"),
        queryset=TargetGroup.objects.all(),
        required=False,
        empty_label=_("Not stated"),
    )
    action_field = SafeModelChoiceField(
        label=_("Action field (of all these results)"),
        queryset=None,
        required=False,
        empty_label=_("Assign later in the evaluation"),
    )
    themes = SafeModelMultipleChoiceField(
        label=_("Cross-cutting themes"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, action_fields, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = action_fields
        self.fields["themes"].queryset = themes
        if not self.is_bound:
            self.fields["form_token"].initial = uuid.uuid4()

    def clean_results(self):
        entries = parse_results(self.cleaned_data["results"])
        if not entries:
            raise ValidationError(_("Please enter at least one result."), code="required")
        return entries


class PhotoForm(forms.Form):
    image = ImageField(label=_("Photo"), required=True)
    description = forms.CharField(
        label=_("What does the photo show?"),
        max_length=200,
        help_text=_("For people who cannot see it. Please no recognisable faces without consent."),
    )


class DocumentForm(forms.Form):
    file = DocumentField(label=_("Document"))
    title = forms.CharField(label=_("Title"), max_length=200)
