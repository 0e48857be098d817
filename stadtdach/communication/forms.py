from django import forms
from django.utils.translation import gettext_lazy as _

from stadtdach.communication.models import AccessibilityFeedback
from stadtdach.core.forms import HoneypotField, StadtdachModelForm


class AccessibilityFeedbackForm(StadtdachModelForm):
    website = HoneypotField()

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page", "name", "email"]
        labels = {"message": _("Which barrier did you find?")}
        help_texts = {
            "page": _("Optional: the address or name of the page."),
            "email": _("Optional: if you would like an answer."),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Please describe the barrier in a few words."))
        return message


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search term"), max_length=100, min_length=2)
