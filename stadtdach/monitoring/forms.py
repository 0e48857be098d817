"""Staff forms of the monitoring app: the short progress form, implementation settings,
milestones, indicators and their values, and the file upload."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
from stadtdach.monitoring.models import (
    ImplementationMilestone,
    ImportJob,
    Indicator,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.strategy.models import ActionField, Measure

EARLIEST = datetime.date(1990, 1, 1)


class ProgressForm(StadtdachModelForm):
    """One short form: how far, which status, as of when, what happened."""

    note = forms.CharField(
        label=_("What happened"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = ProgressUpdate
        fields = ["progress", "status", "date", "note"]
        widgets = {"date": date_input()}
        help_texts = {"progress": _("0 to 100; 100 when the measure is completed.")}

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.fields["progress"].widget.attrs.update({"min": 0, "max": 100, "step": 1})

    def clean_date(self):
        date = self.cleaned_data["date"]
        if not EARLIEST <= date <= timezone.localdate():
            raise forms.ValidationError(
                _("The date lies between 1990 and today."), code="date_range"
            )
        return date

    def clean(self):
        data = super().clean()
        if data.get("status") == Measure.Status.COMPLETED and data.get("progress") not in (
            None,
            100,
        ):
            self.add_error(
                "progress",
                forms.ValidationError(
                    _("A completed measure has a progress of one hundred percent."),
                    code="completed",
                ),
            )
        return data


class ImplementationForm(StadtdachModelForm):
    class Meta:
        model = MeasureImplementation
        fields = ["responsible_unit", "contact", "update_interval_days"]


class MilestoneForm(StadtdachModelForm):
    class Meta:
        model = ImplementationMilestone
        fields = ["title", "due_on", "reached_on", "order"]
        widgets = {"due_on": date_input(), "reached_on": date_input()}

    def clean_reached_on(self):
        reached = self.cleaned_data.get("reached_on")
        if reached and reached > timezone.localdate():
            raise forms.ValidationError(
                _("A milestone cannot be reached in the future."), code="future"
            )
        return reached


class IndicatorForm(StadtdachModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "kind",
            "name",
            "action_field",
            "measure",
            "unit",
            "direction",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "decimals",
            "source",
            "description",
            "order",
        ]

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["measure"].queryset = Measure.objects.filter(edition=edition).select_related(
            "action_field"
        )
        self.fields["action_field"].queryset = ActionField.objects.all()
        self.fields["action_field"].help_text = _("For context indicators.")
        self.fields["measure"].help_text = _("For result indicators.")

    def clean_code(self):
        code = self.cleaned_data["code"]
        taken = Indicator.objects.filter(edition=self.edition, code__iexact=code)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another indicator has this code."), code="duplicate")
        return code

    def _post_clean(self):
        self.instance.edition = self.edition
        if self.cleaned_data.get("kind") == Indicator.Kind.RESULT and self.cleaned_data.get(
            "measure"
        ):
            # A result indicator belongs to its measure's action field.
            self.instance.action_field = self.cleaned_data["measure"].action_field
            self.cleaned_data["action_field"] = self.instance.action_field
        super()._post_clean()


class IndicatorValueForm(StadtdachModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "note"]
        widgets = {"date": date_input()}

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.instance.indicator = indicator

    def clean_date(self):
        date = self.cleaned_data["date"]
        if not EARLIEST <= date <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Enter a date between 1990 and 2100."), code="date_range")
        taken = IndicatorValue.objects.filter(indicator=self.indicator, date=date)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("The indicator already has a value for this date."), code="duplicate"
            )
        return date


class ImportForm(forms.Form):
    kind = forms.TypedChoiceField(
        label=_("What the file contains"),
        choices=ImportJob.Kind.choices,
        initial=ImportJob.Kind.PROGRESS,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "Use the template: one row per measure or value. Nothing is imported "
            "while a single row has an error."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [c for c in ImportJob.Kind.choices if c[0] in kinds]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.STADTDACH_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."), code="too_large")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or an XLSX file."), code="file_type")
        return upload
