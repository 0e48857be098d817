"""Forms of the evaluation: assigning chosen contributions, and requesting a summary."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from stadtdach.participation.models import Contribution, ParticipationProcess
from stadtdach.strategy.models import ActionField, CrossCuttingTheme


class AssignForm(forms.Form):
    """The chosen rows of the list get an action field and/or themes; or the suggestion
    of one row ("accept") or of all chosen rows ("accept_chosen") is taken over."""

    contributions = SafeModelMultipleChoiceField(
        queryset=Contribution.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    action_field = SafeModelChoiceField(
        label=_("Action field"), queryset=ActionField.objects.all(), required=False
    )
    themes = SafeModelMultipleChoiceField(
        label=_("Add cross-cutting themes"),
        queryset=CrossCuttingTheme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accept = forms.IntegerField(required=False, min_value=1, max_value=2**62)
    accept_chosen = forms.BooleanField(required=False)

    def __init__(self, *args, contribution_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = Contribution.objects.filter(
            pk__in=list(contribution_ids)
        )
        self.contribution_ids = set(contribution_ids)

    def clean(self):
        data = super().clean()
        accept = data.get("accept")
        if accept is not None:
            if accept not in self.contribution_ids:
                raise forms.ValidationError(_("This contribution is not on the page."))
            return data
        if not data.get("contributions"):
            raise forms.ValidationError(_("Choose at least one contribution."))
        if (
            not data.get("accept_chosen")
            and not data.get("action_field")
            and not data.get("themes")
        ):
            raise forms.ValidationError(_("Choose an action field or a cross-cutting theme."))
        return data


class SummaryForm(forms.Form):
    process = SafeModelChoiceField(
        label=_("Participation process"),
        queryset=ParticipationProcess.objects.order_by("-starts_at"),
        required=False,
        empty_label=_("all processes of the current edition"),
    )
    include_internal = forms.BooleanField(
        label=_("include internal processes (steering group)"), required=False
    )
