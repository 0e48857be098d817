"""Forms of consensus finding: the ballot (a 0–10 choice per option) and the staff forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm
from stadtdach.participation.consensus.models import (
    MAX_RESISTANCE,
    ConsensusFinding,
    ConsensusOption,
)
from stadtdach.participation.forms import PublicForm

SCALE = [(value, f"{value}") for value in range(MAX_RESISTANCE + 1)]


def field_name(option: ConsensusOption) -> str:
    return f"widerstand_{option.pk}"


class ResistanceForm(PublicForm):
    """Every option needs a resistance: 0 no objection … 10 strong objection."""

    def __init__(self, *args, finding: ConsensusFinding, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = list(finding.options.all())
        for option in self.options:
            self.fields[field_name(option)] = forms.TypedChoiceField(
                label=option.display_label,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "resistance-scale"}),
                help_text=option.description[:300] if option.description else "",
                error_messages={"required": _("Please give this option a resistance.")},
            )
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])

    def values(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data[field_name(o)] for o in self.options}


class FindingForm(StadtdachModelForm):
    class Meta:
        model = ConsensusFinding
        fields = ["title", "question", "introduction", "order"]

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process

    def save(self, commit=True):
        self.instance.process = self.process
        return super().save(commit)


class ConsensusOptionForm(StadtdachModelForm):
    class Meta:
        model = ConsensusOption
        fields = ["label", "description", "order"]

    def __init__(self, *args, process=None, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.finding = parent
        self.fields["label"].required = True

    def clean(self):
        cleaned = super().clean()
        if self.instance._state.adding and self.finding.ballots.exists():
            raise ValidationError(
                _("People have rated already: every option needs everybody's rating."),
                code="rated",
            )
        return cleaned

    def save(self, commit=True):
        self.instance.finding = self.finding
        return super().save(commit)
