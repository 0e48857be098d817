"""Staff forms of the strategy. Validation lives here and in the models' clean()."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
from stadtdach.core.geo import parse_place
from stadtdach.core.text import german_slugify
from stadtdach.core.uploads import content_matches
from stadtdach.strategy.models import (
    ActionField,
    Concept,
    CrossCuttingTheme,
    EditionActionField,
    EvaluationFinding,
    Expectation,
    Goal,
    GuidingPrinciple,
    Measure,
    RatingScore,
    SwotEntry,
    Vision,
)


class SluggedForm(StadtdachModelForm):
    """Fills the address name from the name when left empty."""

    slug_source = "name"

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or german_slugify(
            self.cleaned_data.get(self.slug_source) or self.data.get(self.slug_source, "")
        )
        model = self._meta.model
        clash = model.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("This short name is already in use. Please choose another."))
        return slug


class ActionFieldForm(SluggedForm):
    class Meta:
        model = ActionField
        fields = ["name", "slug", "description", "group", "order", "lead_unit", "is_sample"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


class ActionFieldSelectionForm(StadtdachModelForm):
    class Meta:
        model = EditionActionField
        fields = ["selected", "reason"]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Please give a reason for the selection."))
        return cleaned


class ThemeForm(SluggedForm):
    class Meta:
        model = CrossCuttingTheme
        fields = ["name", "short_name", "slug", "description", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


class ConceptForm(SluggedForm):
    ALLOWED_DOCUMENT_TYPES = {".pdf", ".docx", ".odt", ".xlsx", ".ods"}

    class Meta:
        model = Concept
        fields = [
            "name",
            "slug",
            "year",
            "is_existing_or_planned",
            "is_active",
            "is_completed_or_outdated",
            "is_monitored_or_updated",
            "status_note",
            "note",
            "action_fields",
            "document",
            "order",
        ]
        widgets = {"action_fields": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        for name in Concept.STATUS_FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=Concept._meta.get_field(name).verbose_name,
                choices=[("", _("not assessed")), ("true", _("yes")), ("false", _("no"))],
                coerce=lambda value: {"true": True, "false": False}.get(value),
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial={True: "true", False: "false"}.get(getattr(self.instance, name), ""),
            )

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 1900 <= year <= 2100:
            raise ValidationError(_("Please enter a year between 1900 and 2100."))
        return year

    def clean_document(self):
        from django.conf import settings

        document = self.cleaned_data.get("document")
        if document and hasattr(document, "size"):
            if document.size > settings.STADTDACH_MAX_UPLOAD_BYTES:
                raise ValidationError(
                    _("The file is too large (at most %(mb)d MB).")
                    % {"mb": settings.STADTDACH_MAX_UPLOAD_BYTES // 2**20}
                )
            suffix = "." + document.name.rsplit(".", 1)[-1].lower() if "." in document.name else ""
            # The content must match the name: no program or web page renamed to .pdf.
            if suffix not in self.ALLOWED_DOCUMENT_TYPES or not content_matches(document):
                raise ValidationError(_("Allowed file types: PDF, DOCX, ODT, XLSX, ODS."))
        return document


class EvaluationFindingForm(StadtdachModelForm):
    class Meta:
        model = EvaluationFinding
        fields = ["criterion", "text", "order"]


class ExpectationForm(StadtdachModelForm):
    class Meta:
        model = Expectation
        fields = ["kind", "text", "detail", "answer", "answered_by", "order"]
        widgets = {"answered_by": forms.CheckboxSelectMultiple}


class VisionForm(StadtdachModelForm):
    class Meta:
        model = Vision
        fields = ["title", "text"]


class GuidingPrincipleForm(StadtdachModelForm):
    class Meta:
        model = GuidingPrinciple
        fields = ["title", "text", "order"]


class GoalForm(StadtdachModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description", "order"]


class SwotEntryForm(StadtdachModelForm):
    class Meta:
        model = SwotEntry
        fields = ["kind", "text", "order"]


class MeasureForm(StadtdachModelForm):
    place = forms.CharField(
        label=_("Place on the map (GeoJSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            "Optional. A point or an area as GeoJSON in WGS 84, for example "
            '{"type": "Point", "coordinates": [10.7236, 53.3806]}.'
        ),
    )

    class Meta:
        model = Measure
        fields = [
            "code",
            "title",
            "description",
            "action_field",
            "goals",
            "concepts",
            "priority",
            "status",
            "lead_unit",
            "partners",
            "start",
            "end",
            "estimated_cost",
            "place_name",
            "place",
        ]
        widgets = {
            "goals": forms.CheckboxSelectMultiple,
            "concepts": forms.CheckboxSelectMultiple,
            "start": date_input(),
            "end": date_input(),
        }

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition or self.instance.edition
        self.fields["goals"].queryset = Goal.objects.filter(edition=self.edition).select_related(
            "action_field"
        )
        self.fields["goals"].label_from_instance = lambda g: f"{g.action_field.name}: {g.title}"
        if self.instance.place:
            import json

            self.initial["place"] = json.dumps(self.instance.place, ensure_ascii=False)

    def clean_place(self):
        return parse_place(self.cleaned_data.get("place"))

    def clean_estimated_cost(self):
        cost = self.cleaned_data.get("estimated_cost")
        if cost is not None and cost < 0:
            raise ValidationError(_("The cost cannot be negative."))
        return cost

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end lies before the start."))
        action_field = cleaned.get("action_field")
        goals = cleaned.get("goals") or []
        foreign = [g for g in goals if action_field and g.action_field_id != action_field.pk]
        if foreign:
            self.add_error("goals", _("Goals must belong to the measure's action field."))
        return cleaned

    def save(self, commit=True):
        self.instance.edition = self.edition
        return super().save(commit)


class RatingsForm(forms.Form):
    """One rating and justification per cross-cutting theme; empty means "not rated"."""

    def __init__(self, *args, themes, ratings, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = themes
        choices = [("", _("not rated"))] + [(str(v), label) for v, label in RatingScore.choices]
        for theme in themes:
            current = ratings.get(theme.pk)
            self.fields[f"score_{theme.pk}"] = forms.TypedChoiceField(
                label=_("Rating"),
                choices=choices,
                required=False,
                coerce=int,
                empty_value=None,
                initial=str(current.score) if current else "",
            )
            self.fields[f"justification_{theme.pk}"] = forms.CharField(
                label=_("Justification"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.justification if current else "",
            )

    def rows(self):
        """(theme, rating field, justification field) per theme, for one fieldset each."""
        return [(t, self[f"score_{t.pk}"], self[f"justification_{t.pk}"]) for t in self.themes]

    def clean(self):
        cleaned = super().clean()
        for theme in self.themes:
            score = cleaned.get(f"score_{theme.pk}")
            text = (cleaned.get(f"justification_{theme.pk}") or "").strip()
            if score is None and text:
                self.add_error(
                    f"score_{theme.pk}", _("Please choose a rating or remove the justification.")
                )
        return cleaned

    def values(self) -> dict[int, tuple[int | None, str]]:
        return {
            t.pk: (
                self.cleaned_data.get(f"score_{t.pk}"),
                (self.cleaned_data.get(f"justification_{t.pk}") or "").strip(),
            )
            for t in self.themes
        }
