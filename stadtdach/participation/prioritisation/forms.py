"""Forms of prioritisation: the dot vote (one number per option) and the staff forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm
from stadtdach.participation.forms import PublicForm
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.prioritisation.models import Prioritisation, PriorityOption


def field_name(option: PriorityOption) -> str:
    return f"punkte_{option.pk}"


class DotVoteForm(PublicForm):
    def __init__(self, *args, prioritisation: Prioritisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.prioritisation = prioritisation
        self.options = list(prioritisation.options.all())
        limit = prioritisation.limit_per_option
        for option in self.options:
            self.fields[field_name(option)] = forms.IntegerField(
                label=option.display_label,
                min_value=0,
                max_value=limit,
                required=False,
                initial=0,
                help_text=option.description[:300] if option.description else "",
                widget=forms.NumberInput(attrs={"min": 0, "max": limit, "inputmode": "numeric"}),
            )
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])

    def points(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data.get(field_name(o)) or 0 for o in self.options}

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        total = sum(self.points().values())
        if total == 0:
            raise ValidationError(_("Please give at least one point."), code="empty")
        if total > self.prioritisation.points:
            raise ValidationError(
                _("You gave %(total)d points, but you have %(points)d.")
                % {"total": total, "points": self.prioritisation.points},
                code="too_many",
            )
        return cleaned


class PrioritisationForm(StadtdachModelForm):
    class Meta:
        model = Prioritisation
        fields = ["title", "introduction", "points", "max_per_option", "order"]

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.fields["points"].min_value = 1
        if not self.instance._state.adding and self.instance.ballots.exists():
            # The rules of a vote in progress stay as they were announced.
            for name in ("points", "max_per_option"):
                self.fields[name].disabled = True

    def save(self, commit=True):
        self.instance.process = self.process
        return super().save(commit)


class PriorityOptionForm(StadtdachModelForm):
    class Meta:
        model = PriorityOption
        fields = ["label", "description", "action_field", "measure", "contribution", "order"]
        help_texts = {
            "label": _("Leave empty to use the name of the action field, measure or idea."),
            "contribution": _("The number of the idea (in its address …/beitraege/NUMBER/)."),
        }
        widgets = {"contribution": forms.NumberInput(attrs={"min": 1})}

    def __init__(self, *args, process=None, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prioritisation = parent
        self.fields["measure"].queryset = self.fields["measure"].queryset.select_related(
            "action_field"
        )
        self.fields["contribution"].queryset = Contribution.objects.filter(
            format="ideas", visibility=Visibility.PUBLISHED
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance._state.adding and self.prioritisation.ballots.exists():
            raise ValidationError(
                _("People have voted already: new options would be unfair to them."),
                code="voted",
            )
        linked = [cleaned.get(n) for n in ("action_field", "measure", "contribution")]
        if sum(1 for item in linked if item) > 1:
            raise ValidationError(
                _("Link an option to one action field, measure or idea at most."), code="linked"
            )
        if not (cleaned.get("label") or "").strip() and not any(linked):
            self.add_error(
                "label",
                ValidationError(
                    _("Please name the option or link it to something."), code="required"
                ),
            )
        return cleaned

    def save(self, commit=True):
        self.instance.prioritisation = self.prioritisation
        return super().save(commit)
