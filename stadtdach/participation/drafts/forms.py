"""Forms of draft commenting: the draft (staff) and a comment on a paragraph."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import SafeModelChoiceField, StadtdachModelForm
from stadtdach.participation.drafts.models import Draft
from stadtdach.participation.forms import COMMENT_MAX_LENGTH, PublicForm
from stadtdach.participation.models import TargetGroup


def vision_text(edition) -> str:
    """The vision (Leitbild) of an edition with its guiding principles, as draft text."""
    vision = getattr(edition, "vision", None) if edition is not None else None
    if vision is None:
        return ""
    parts = [f"# {vision.title}", vision.text]
    for principle in vision.principles.all():
        parts += [f"# {principle.title}", principle.text or principle.title]
    return "\n\n".join(part for part in parts if part.strip())


class DraftForm(StadtdachModelForm):
    use_vision = forms.BooleanField(
        label=_("Take the text from the vision (Leitbild) of the edition"),
        required=False,
        help_text=_("Fills the text with the vision and its guiding principles."),
    )

    class Meta:
        model = Draft
        fields = ["title", "draft_stage", "introduction", "text", "order"]
        help_texts = {
            "text": _(
                "Paragraphs are separated by an empty line. A line starting with “#” is a "
                "heading. Paragraphs you keep unchanged keep their comments."
            ),
        }

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        edition = process.phase.edition if process is not None else None
        stages = self.fields["draft_stage"].queryset
        self.fields["draft_stage"].queryset = (
            stages.filter(edition=edition) if edition is not None else stages.none()
        )
        self.fields["text"].required = False
        self.fields["text"].widget.attrs["rows"] = 16
        if not self.instance._state.adding:
            del self.fields["use_vision"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("use_vision") and not (cleaned.get("text") or "").strip():
            cleaned["text"] = vision_text(self.process.phase.edition)
            if not cleaned["text"]:
                self.add_error(
                    "use_vision",
                    ValidationError(_("The edition has no vision yet."), code="no_vision"),
                )
        if not (cleaned.get("text") or "").strip() and "text" not in self.errors:
            self.add_error(
                "text", ValidationError(_("Please enter the text of the draft."), code="required")
            )
        return cleaned

    def save(self, commit=True):
        self.instance.process = self.process
        self.instance.text = self.cleaned_data["text"]
        return super().save(commit)


class ParagraphCommentForm(PublicForm):
    text = forms.CharField(
        label=_("Your comment on this paragraph"),
        min_length=3,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What should stay, change or be added? Please no personal data of others."),
    )
    target_group = SafeModelChoiceField(
        label=_("I speak as part of this group (optional)"),
        queryset=TargetGroup.objects.all(),
        required=False,
        empty_label=_("Not stated"),
    )

    def clean_text(self):
        return self.cleaned_data["text"].strip()
