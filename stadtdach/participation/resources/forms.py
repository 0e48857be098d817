from django import forms
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
from stadtdach.participation.models import ResourceEntry, ResourcePlan


class ResourcePlanForm(StadtdachModelForm):
    class Meta:
        model = ResourcePlan
        fields = ["planned_hours", "planned_costs", "note"]


class ResourceEntryForm(StadtdachModelForm):
    class Meta:
        model = ResourceEntry
        fields = ["date", "kind", "description", "hours", "costs"]
        widgets = {"date": date_input()}

    def clean(self):
        data = super().clean()
        if not data.get("hours") and not data.get("costs"):
            raise forms.ValidationError(_("Please enter staff hours or costs."))
        return data
