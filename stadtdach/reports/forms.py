"""Forms of the reports app: requesting a document, publishing a revision, choosing two
revisions to compare."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField, date_input
from stadtdach.reports.models import Report, Revision
from stadtdach.strategy.models import ActionField, Edition


class _Tokened(forms.Form):
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = uuid.uuid4()


class ReportRequestForm(_Tokened):
    edition = SafeModelChoiceField(label=_("ISEK edition"), queryset=Edition.objects.all())
    year = forms.IntegerField(
        label=_("Year"),
        min_value=1990,
        max_value=2100,
        help_text=_("The year the report covers (progress reports, milestones, budget)."),
    )
    committee = forms.CharField(
        label=_("Committee"),
        max_length=200,
        help_text=_(
            "The committee the report goes to, e.g. Ausschuss für Wirtschaft, Tourismus und Kultur."
        ),
    )
    action_fields = SafeModelMultipleChoiceField(
        label=_("Action fields of the committee"),
        queryset=ActionField.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats"),
        choices=Report.Format.choices,
        initial=[Report.Format.PDF, Report.Format.DOCX],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        current = Edition.objects.filter(is_current=True).first()
        self.fields["edition"].initial = current
        self.fields["year"].initial = timezone.localdate().year
        if kind == Report.Kind.ISEK:
            del self.fields["year"]
        if kind != Report.Kind.COMMITTEE:
            del self.fields["committee"]
            del self.fields["action_fields"]


class RevisionForm(_Tokened):
    edition = SafeModelChoiceField(label=_("ISEK edition"), queryset=Edition.objects.all())
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("e.g. 1st update 2025"))
    published_on = forms.DateField(label=_("Published on"), widget=date_input())
    change_note = forms.CharField(
        label=_("What changed and why"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": "20000"}),
        help_text=_("The entry of the change log: what the update changes, and why."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].initial = Edition.objects.filter(is_current=True).first()
        self.fields["published_on"].initial = timezone.localdate()

    def clean_published_on(self):
        value = self.cleaned_data["published_on"]
        if value.year < 1990 or value > timezone.localdate():
            raise forms.ValidationError(
                _("The date lies between 1990 and today."), code="date_range"
            )
        return value


class CompareForm(forms.Form):
    a = SafeModelChoiceField(
        label=_("Older revision"),
        queryset=Revision.objects.select_related("edition").defer("snapshot"),
    )
    b = SafeModelChoiceField(
        label=_("Newer revision"),
        queryset=Revision.objects.select_related("edition").defer("snapshot"),
    )

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise forms.ValidationError(_("Choose two different revisions."), code="same")
        return data
