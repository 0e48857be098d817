from django import forms
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import MAX_TEXT_LENGTH, SafeModelMultipleChoiceField, StadtdachModelForm
from stadtdach.participation.forms import PublicForm, datetime_input
from stadtdach.participation.models import FundApplication, FundCall, TargetGroup

MAX_AMOUNT = 10**8
# Addresses of the fund's own pages (fund/urls.py) cannot be a call's short name.
RESERVED_SLUGS = {"neu", "meine-antraege", "antraege"}


class FundCallForm(StadtdachModelForm):
    class Meta:
        model = FundCall
        fields = [
            "title",
            "slug",
            "description",
            "budget",
            "max_amount",
            "opens_at",
            "closes_at",
            "is_published",
        ]
        widgets = {"opens_at": datetime_input(), "closes_at": datetime_input()}

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This short name is reserved; please choose another."))
        return slug

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The end must lie after the start."))
        budget, most = data.get("budget"), data.get("max_amount")
        if budget and most and most > budget:
            self.add_error("max_amount", _("An application cannot get more than the budget."))
        return data


class ApplicationForm(PublicForm):
    applicant_kind = forms.ChoiceField(
        label=_("Who applies?"), choices=FundApplication.ApplicantKind.choices
    )
    organisation = forms.CharField(label=_("Association or group"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    title = forms.CharField(label=_("Project title"), max_length=200, min_length=3)
    description = forms.CharField(
        label=_("Project description"),
        min_length=20,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What do you want to do, with whom, and how does it help the town?"),
    )
    target_groups = SafeModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    amount_requested = forms.DecimalField(
        label=_("Amount requested (euros)"),
        min_value=1,
        max_value=MAX_AMOUNT,
        max_digits=10,
        decimal_places=2,
    )
    timeframe = forms.CharField(label=_("When"), max_length=200, required=False)

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call

    def clean_amount_requested(self):
        amount = self.cleaned_data["amount_requested"]
        if self.call is not None and self.call.max_amount and amount > self.call.max_amount:
            raise forms.ValidationError(
                _("This call grants at most %(most)s euros per application.")
                % {"most": f"{self.call.max_amount:.2f}".replace(".", ",")}
            )
        return amount

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_kind")
        if kind and kind != FundApplication.ApplicantKind.CITIZEN and not data.get("organisation"):
            self.add_error("organisation", _("Please name the association or group."))
        return data


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (FundApplication.Status.IN_REVIEW, FundApplication.Status.IN_REVIEW.label),
            (FundApplication.Status.APPROVED, FundApplication.Status.APPROVED.label),
            (FundApplication.Status.REJECTED, FundApplication.Status.REJECTED.label),
        ],
        widget=forms.RadioSelect,
    )
    amount_granted = forms.DecimalField(
        label=_("Amount granted (euros)"),
        required=False,
        min_value=1,
        max_value=MAX_AMOUNT,
        max_digits=10,
        decimal_places=2,
    )
    reason = forms.CharField(
        label=_("Reason for the decision"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == FundApplication.Status.APPROVED and not data.get("amount_granted"):
            self.add_error("amount_granted", _("Please enter the amount granted."))
        if (
            status in (FundApplication.Status.APPROVED, FundApplication.Status.REJECTED)
            and not (data.get("reason") or "").strip()
        ):
            self.add_error("reason", _("A decision needs a reason."))
        return data
