"""Forms of the participation core: comments, reports, the town's answer, moderation,
subscriptions, and the staff forms of processes and target groups."""

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stadtdach.accounts.roles import COORDINATORS, RoleCode
from stadtdach.core.forms import HoneypotField, StadtdachModelForm
from stadtdach.core.text import german_slugify
from stadtdach.participation import formats
from stadtdach.participation.models import (
    DECIDED_STATUSES,
    Contribution,
    Frequency,
    ParticipationProcess,
    Report,
    Subscription,
    TargetGroup,
)
from stadtdach.participation.services.moderation import ACTIONS as MODERATION_ACTIONS

COMMENT_MAX_LENGTH = 2_000
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def datetime_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class PublicForm(forms.Form):
    """A form anybody can send: a one-time token against double posts, and a honeypot."""

    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["form_token"].initial = uuid.uuid4()


class CommentForm(PublicForm):
    text = forms.CharField(
        label=_("Your comment"),
        min_length=3,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_text(self):
        return self.cleaned_data["text"].strip()


class ReportForm(PublicForm):
    reason = forms.ChoiceField(
        label=_("What is the problem?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def coordinators():
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name__in=COORDINATORS) | Q(groups__name=RoleCode.CONSULTANT), is_active=True
        )
        .distinct()
    )


class ProcessForm(StadtdachModelForm):
    formats = forms.MultipleChoiceField(
        label=_("Formats"),
        choices=formats.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The ways to take part that this process offers."),
    )

    class Meta:
        model = ParticipationProcess
        fields = [
            "title",
            "slug",
            "purpose",
            "phase",
            "draft_stage",
            "target_groups",
            "channel",
            "starts_at",
            "ends_at",
            "coordinator",
            "contributors",
            "moderation",
            "audience",
            "formats",
            "is_published",
        ]
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "starts_at": datetime_input(),
            "ends_at": datetime_input(),
            "channel": forms.RadioSelect,
            "contributors": forms.RadioSelect,
            "moderation": forms.RadioSelect,
            "audience": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["coordinator"].queryset = coordinators()
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or german_slugify(self.data.get("title", ""))
        clash = ParticipationProcess.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(
                _("This short name is already in use. Please choose another."), code="taken"
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_at"), cleaned.get("ends_at")
        if start and end and end <= start:
            self.add_error(
                "ends_at", ValidationError(_("The end must lie after the start."), code="order")
            )
        stage, phase = cleaned.get("draft_stage"), cleaned.get("phase")
        if stage and phase and stage.phase_id not in (None, phase.pk):
            self.add_error(
                "draft_stage",
                ValidationError(_("This draft stage belongs to another phase."), code="phase"),
            )
        return cleaned


class TargetGroupForm(StadtdachModelForm):
    class Meta:
        model = TargetGroup
        fields = ["name", "slug", "description", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or german_slugify(self.data.get("name", ""))
        if TargetGroup.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("This short name is already in use. Please choose another."), code="taken"
            )
        return slug


class AnswerForm(StadtdachModelForm):
    """The town's feedback on a contribution ("Was wurde aus meinem Vorschlag?")."""

    class Meta:
        model = Contribution
        fields = [
            "status",
            "status_reason",
            "answer",
            "measures",
            "goals",
            "action_field",
            "themes",
        ]
        help_texts = {
            "status_reason": _(
                "Required for adopted, partly adopted and not adopted: shown publicly."
            ),
            "answer": _("Shown publicly on the contribution's page; the author is notified."),
            "measures": _("The measures this contribution fed."),
            "goals": _("The goals this contribution fed."),
        }
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = self.fields["measures"].queryset.select_related(
            "action_field"
        )
        self.fields["goals"].queryset = self.fields["goals"].queryset.select_related("action_field")

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") in DECIDED_STATUSES
            and not (cleaned.get("status_reason") or "").strip()
        ):
            self.add_error(
                "status_reason",
                ValidationError(
                    _("Please give the public reason for this decision."), code="required"
                ),
            )
        return cleaned


class ModerationForm(forms.Form):
    """Bulk moderation: the chosen items of the queue and what to do with them."""

    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("publish", _("Publish")),
            ("hide", _("Hide (with a public reason)")),
            ("keep", _("Keep as it is (close the reports)")),
        ],
    )
    reason = forms.CharField(
        label=_("Public reason for hiding"),
        required=False,
        max_length=300,
        help_text=_("Shown in place of the hidden content, for example “Personal data of others”."),
    )
    contributions = forms.TypedMultipleChoiceField(coerce=int, required=False)
    comments = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, contribution_ids=(), comment_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].choices = [(pk, pk) for pk in contribution_ids]
        self.fields["comments"].choices = [(pk, pk) for pk in comment_ids]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") not in MODERATION_ACTIONS:
            return cleaned
        if not cleaned.get("contributions") and not cleaned.get("comments"):
            raise ValidationError(_("Please choose at least one entry."), code="empty")
        if cleaned.get("action") == "hide" and not (cleaned.get("reason") or "").strip():
            self.add_error(
                "reason",
                ValidationError(_("Please give the public reason for hiding."), code="required"),
            )
        return cleaned


class SubscribeForm(forms.Form):
    kind = forms.ChoiceField(choices=[(t, t) for t in Subscription.TARGETS])
    target = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    frequency = forms.ChoiceField(
        label=_("How often?"), choices=Frequency.choices, initial=Frequency.IMMEDIATE
    )
    next = forms.CharField(required=False, max_length=500)


class SubscriptionChangeForm(forms.Form):
    subscription = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    frequency = forms.ChoiceField(choices=Frequency.choices, required=False)
    remove = forms.BooleanField(required=False)
