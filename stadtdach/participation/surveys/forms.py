"""Forms of surveys: the questionnaire built from the questions, and the staff's forms
of surveys and questions."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import SafeModelChoiceField, StadtdachModelForm
from stadtdach.participation.forms import COMMENT_MAX_LENGTH, PublicForm
from stadtdach.participation.models import TargetGroup
from stadtdach.participation.surveys.models import Question, Survey
from stadtdach.participation.surveys.services import option_lines

MAX_OPTIONS = 30


def field_name(question: Question) -> str:
    return f"frage_{question.pk}"


class Questionnaire(PublicForm):
    """One field per question: radio buttons, checkboxes, a scale or a text area."""

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        for question in self.questions:
            self.fields[field_name(question)] = self._field(question)
        self.fields["target_group"] = SafeModelChoiceField(
            label=_("I speak as part of this group (optional)"),
            queryset=TargetGroup.objects.all(),
            required=False,
            empty_label=_("Not stated"),
        )
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])

    @staticmethod
    def _field(question: Question) -> forms.Field:
        common = {
            "label": question.text,
            "required": question.required,
            "help_text": question.help_text,
        }
        options = [(o.pk, o.label) for o in question.options.all()]
        if question.kind == Question.Kind.SINGLE:
            return forms.TypedChoiceField(
                choices=options, coerce=int, widget=forms.RadioSelect, **common
            )
        if question.kind == Question.Kind.MULTIPLE:
            return forms.TypedMultipleChoiceField(
                choices=options, coerce=int, widget=forms.CheckboxSelectMultiple, **common
            )
        if question.kind == Question.Kind.SCALE:
            values = []
            for value in question.scale_values:
                label = str(value)
                if value == question.scale_min and question.scale_min_label:
                    label = f"{value} – {question.scale_min_label}"
                elif value == question.scale_max and question.scale_max_label:
                    label = f"{value} – {question.scale_max_label}"
                values.append((value, label))
            return forms.TypedChoiceField(
                choices=values, coerce=int, widget=forms.RadioSelect, **common
            )
        return forms.CharField(
            max_length=COMMENT_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
            **common,
        )

    def answers(self) -> dict[int, object]:
        values = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if isinstance(value, str):
                value = value.strip()
            values[question.pk] = value
        return values


class SurveyForm(StadtdachModelForm):
    class Meta:
        model = Survey
        fields = ["title", "introduction", "results", "order"]
        widgets = {"results": forms.RadioSelect}

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process

    def save(self, commit=True):
        self.instance.process = self.process
        return super().save(commit)


class QuestionForm(StadtdachModelForm):
    options_text = forms.CharField(
        label=_("Answer options (one per line)"),
        required=False,
        max_length=6_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("For single and multiple choice. Options that were chosen stay."),
    )

    class Meta:
        model = Question
        fields = [
            "text",
            "help_text",
            "kind",
            "required",
            "options_text",
            "scale_min",
            "scale_max",
            "scale_min_label",
            "scale_max_label",
            "order",
        ]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, process=None, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = parent
        self.answered = False
        for name in ("scale_min", "scale_max"):
            field = self.fields[name]
            field.min_value, field.max_value = 0, 10
            field.validators += [MinValueValidator(0), MaxValueValidator(10)]
            field.widget.attrs.update({"min": 0, "max": 10})
        if not self.instance._state.adding:
            self.answered = self.instance.answers.exists()
            self.fields["options_text"].initial = "\n".join(
                o.label for o in self.instance.options.all()
            )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        labels = option_lines(cleaned.get("options_text", ""))
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            if len(labels) < 2:
                self.add_error(
                    "options_text",
                    ValidationError(_("Please give at least two options."), code="too_few"),
                )
            elif len(labels) > MAX_OPTIONS:
                self.add_error(
                    "options_text",
                    ValidationError(
                        _("At most %(n)d options.") % {"n": MAX_OPTIONS}, code="too_many"
                    ),
                )
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if kind != Question.Kind.SCALE:
            # Only a scale uses these; the others keep what they had (the table's check
            # wants an ordered scale on every row, whatever was typed).
            cleaned["scale_min"] = self.instance.scale_min
            cleaned["scale_max"] = self.instance.scale_max
        elif low is not None and high is not None and low >= high:
            self.add_error(
                "scale_max",
                ValidationError(_("The scale must end above its start."), code="order"),
            )
        if self.answered:
            self._keep_what_was_answered(cleaned, labels)
        return cleaned

    def _keep_what_was_answered(self, cleaned, labels) -> None:
        """Once answered, a question keeps its kind, scale and chosen options: the
        results must stay true."""
        old = self.instance
        if cleaned.get("kind") and cleaned["kind"] != old.kind:
            self.add_error(
                "kind",
                ValidationError(_("The question was answered: its kind stays."), code="answered"),
            )
        scale = (cleaned.get("scale_min"), cleaned.get("scale_max"))
        if old.kind == Question.Kind.SCALE and scale != (old.scale_min, old.scale_max):
            self.add_error(
                "scale_min",
                ValidationError(_("The question was answered: its scale stays."), code="answered"),
            )
        chosen = set(
            old.options.filter(answers__isnull=False).values_list("label", flat=True).distinct()
        )
        if chosen - set(labels):
            self.add_error(
                "options_text",
                ValidationError(
                    _("Options that were chosen cannot be removed or renamed."), code="answered"
                ),
            )

    def save(self, commit=True):
        self.instance.survey = self.survey
        return super().save(commit)
