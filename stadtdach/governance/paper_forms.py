"""Staff forms of papers and their way: papers, consultations (in the order of their
meetings, with votes that add up to the members present), decisions and what they
concern, task links and the findings of a body's workspace."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
from stadtdach.governance.models import (
    AgendaItem,
    Body,
    BodyFinding,
    Consultation,
    Decision,
    Meeting,
    Membership,
    Paper,
    TaskLink,
)
from stadtdach.process.models import Task
from stadtdach.strategy.models import Edition, Goal, Measure


class PaperForm(StadtdachModelForm):
    class Meta:
        model = Paper
        fields = [
            "reference",
            "name",
            "kind",
            "date",
            "originator",
            "parent",
            "edition",
            "proposal",
            "text",
            "is_public",
            "is_sample",
        ]
        widgets = {"date": date_input()}

    def __init__(self, *args, authority=None, **kwargs):
        super().__init__(*args, **kwargs)
        if authority is not None and self.instance._state.adding:
            self.instance.authority = authority
        self.fields["parent"].queryset = Paper.objects.exclude(pk=self.instance.pk)
        self.fields["edition"].queryset = Edition.objects.all()

    def clean_reference(self):
        reference = (self.cleaned_data.get("reference") or "").strip()
        if (
            reference
            and Paper.objects.filter(reference=reference).exclude(pk=self.instance.pk).exists()
        ):
            raise ValidationError(_("Another paper has this reference."))
        return reference


class ConsultationForm(StadtdachModelForm):
    class Meta:
        model = Consultation
        fields = [
            "order",
            "body",
            "role",
            "meeting",
            "agenda_item",
            "result",
            "votes_yes",
            "votes_no",
            "votes_abstain",
            "result_note",
        ]

    def __init__(self, *args, paper=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.paper = paper or self.instance.paper
        self.instance.paper = self.paper
        self.fields["body"].queryset = Body.objects.exclude(kind=Body.Kind.FACTION)
        self.fields["meeting"].queryset = Meeting.objects.select_related("body").order_by("-start")
        self.fields["agenda_item"].queryset = AgendaItem.objects.select_related("meeting").filter(
            Q(consultation__isnull=True) | Q(pk=self.instance.agenda_item_id)
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.start:%d.%m.%Y}: {item}"
        )

    def clean(self):
        cleaned = super().clean()
        body, meeting, item = (
            cleaned.get("body"),
            cleaned.get("meeting"),
            cleaned.get("agenda_item"),
        )
        result = cleaned.get("result")
        if meeting and body and meeting.body_id != body.pk:
            self.add_error("meeting", _("The meeting belongs to another body."))
        if item and not meeting:
            self.add_error("meeting", _("Choose the meeting of the agenda item."))
        elif item and meeting and item.meeting_id != meeting.pk:
            self.add_error("agenda_item", _("The agenda item belongs to another meeting."))
        if result and result != Consultation.Result.PENDING and not meeting:
            self.add_error("meeting", _("A result needs the meeting it was reached in."))
        if meeting and not self.errors:
            self._check_order(cleaned, meeting)
        self._check_votes(cleaned, meeting)
        return cleaned

    def _check_order(self, cleaned, meeting) -> None:
        """Earlier steps must not meet later than this one, later steps not earlier."""
        order = cleaned.get("order") or 0
        siblings = (
            Consultation.objects.filter(paper=self.paper, meeting__isnull=False)
            .exclude(pk=self.instance.pk)
            .select_related("meeting", "body")
        )
        for other in siblings:
            if other.order < order and other.meeting.start > meeting.start:
                self.add_error(
                    "meeting",
                    _(
                        "Step %(n)d (%(body)s) meets later, on %(date)s; the steps must follow the "
                        "order of the meetings."
                    )
                    % {
                        "n": other.order,
                        "body": other.body,
                        "date": f"{other.meeting.start:%d.%m.%Y}",
                    },
                )
                return
            if other.order > order and other.meeting.start < meeting.start:
                self.add_error(
                    "meeting",
                    _(
                        "Step %(n)d (%(body)s) meets earlier, on %(date)s; the steps must follow "
                        "the order of the meetings."
                    )
                    % {
                        "n": other.order,
                        "body": other.body,
                        "date": f"{other.meeting.start:%d.%m.%Y}",
                    },
                )
                return

    def _check_votes(self, cleaned, meeting) -> None:
        votes = [cleaned.get(n) for n in ("votes_yes", "votes_no", "votes_abstain")]
        if all(v is None for v in votes):
            return
        result = cleaned.get("result")
        if result not in Consultation.VOTED:
            self.add_error("votes_yes", _("Only a result that was voted on has votes."))
            return
        yes, no, abstain = (v or 0 for v in votes)
        total = yes + no + abstain
        if result in ("recommended", "adopted", "adopted_changed") and yes <= no:
            self.add_error("votes_yes", _("With these votes the proposal did not pass."))
        if result in ("not_recommended", "rejected") and yes > no:
            self.add_error("votes_no", _("With these votes the proposal passed."))
        if meeting is None:
            return
        present = meeting.attendance.filter(status="present", voting=True).count()
        if meeting.attendance.exists():
            if total != present:
                self.add_error(
                    "votes_yes",
                    _(
                        "The votes (%(total)d) do not add up to the %(present)d members present "
                        "with a vote."
                    )
                    % {"total": total, "present": present},
                )
            return
        day = timezone.localtime(meeting.start).date()
        members = (
            Membership.objects.filter(body_id=meeting.body_id, voting_right=True)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
            .count()
        )
        if total > members:
            self.add_error(
                "votes_yes",
                _("There are more votes (%(total)d) than members with a vote (%(members)d).")
                % {"total": total, "members": members},
            )


class DecisionForm(StadtdachModelForm):
    class Meta:
        model = Decision
        fields = ["number", "decided_on", "text", "measures", "goals", "editions", "is_sample"]
        widgets = {
            "decided_on": date_input(),
            "measures": forms.SelectMultiple(attrs={"size": 8}),
            "goals": forms.SelectMultiple(attrs={"size": 8}),
            "editions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, consultation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation or self.instance.consultation
        self.instance.consultation = self.consultation
        if self.consultation.meeting and not self.instance.decided_on:
            self.initial["decided_on"] = timezone.localtime(self.consultation.meeting.start).date()
        self.fields["measures"].queryset = Measure.objects.select_related("edition")
        self.fields["goals"].queryset = Goal.objects.select_related("action_field")
        self.fields["goals"].label_from_instance = lambda g: f"{g.action_field.name}: {g.title}"

    def clean(self):
        cleaned = super().clean()
        undecided = (
            Consultation.Result.PENDING,
            Consultation.Result.POSTPONED,
            Consultation.Result.WITHDRAWN,
        )
        if self.consultation.result in undecided:
            raise ValidationError(_("Record the result of the consultation first."))
        day, meeting = cleaned.get("decided_on"), self.consultation.meeting
        if day and meeting and day < timezone.localtime(meeting.start).date():
            self.add_error("decided_on", _("The decision cannot lie before the meeting."))
        return cleaned


class TaskLinkForm(StadtdachModelForm):
    class Meta:
        model = TaskLink
        fields = ["task"]

    def __init__(self, *args, body=None, meeting=None, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body, self.instance.meeting, self.instance.decision = body, meeting, decision
        self.fields["task"].queryset = Task.objects.filter(edition__is_current=True)


class BodyFindingForm(StadtdachModelForm):
    class Meta:
        model = BodyFinding
        fields = ["kind", "title", "text", "meeting", "rank", "is_sample"]

    def __init__(self, *args, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body or self.instance.body
        self.instance.body = self.body
        self.fields["meeting"].queryset = Meeting.objects.filter(body=self.body).order_by("-start")

    def clean_rank(self):
        rank = self.cleaned_data.get("rank")
        if rank is not None and not 1 <= rank <= 100:
            raise ValidationError(_("Please enter a rank between 1 and 100."))
        return rank
