"""Staff forms of governance. Validation lives here and in the models' clean(): dates in
order, overlapping cadences, consultations in the order of their meetings, votes that add
up to the members present."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
from stadtdach.core.geo import parse_place
from stadtdach.core.text import german_slugify
from stadtdach.core.uploads import content_matches
from stadtdach.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    CadenceRule,
    Document,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Person,
)
from stadtdach.process.models import WorkPackage


def datetime_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


# First parts of addresses under /gremien/ that a body's short name must not take.
RESERVED_SLUGS = frozenset(
    {
        "neu",
        "stammdaten",
        "personen",
        "orte",
        "wahlperioden",
        "sitzungen",
        "top",
        "rhythmen",
        "vorlagen",
        "beratungen",
        "dokumente",
        "aufgaben",
        "ergebnisse",
        "mitgliedschaften",
    }
)


class BodyForm(StadtdachModelForm):
    class Meta:
        model = Body
        fields = [
            "name",
            "short_name",
            "slug",
            "kind",
            "description",
            "composition",
            "parent",
            "location",
            "start_date",
            "end_date",
            "order",
            "is_sample",
        ]
        widgets = {"start_date": date_input(), "end_date": date_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["parent"].queryset = Body.objects.exclude(pk=self.instance.pk)

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or german_slugify(self.data.get("name", ""))[:80]
        if not slug:
            raise ValidationError(_("Please enter a name."))
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This short name is reserved. Please choose another."))
        if Body.all_objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("This short name is already in use. Please choose another."))
        return slug


class PersonForm(StadtdachModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "form_of_address",
            "title",
            "given_name",
            "family_name",
            "user",
            "is_sample",
        ]

    def clean_user(self):
        user = self.cleaned_data.get("user")
        if user and Person.objects.filter(user=user).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("This account already belongs to another person."))
        return user


class MembershipForm(StadtdachModelForm):
    class Meta:
        model = Membership
        fields = [
            "person",
            "role",
            "voting_right",
            "on_behalf_of",
            "start_date",
            "end_date",
            "is_sample",
        ]
        widgets = {"start_date": date_input(), "end_date": date_input()}

    def __init__(self, *args, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body or self.instance.body
        self.instance.body = self.body
        if not self.instance._state.adding:
            self.fields["person"].disabled = True


class LocationForm(StadtdachModelForm):
    geojson = forms.CharField(
        label=_("Place on the map (GeoJSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_('Optional, for example {"type": "Point", "coordinates": [10.72, 53.38]}.'),
    )

    class Meta:
        model = Location
        fields = ["description", "room", "street_address", "postal_code", "locality", "geojson"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.geojson:
            import json

            self.initial["geojson"] = json.dumps(self.instance.geojson, ensure_ascii=False)

    def clean_geojson(self):
        return parse_place(self.cleaned_data.get("geojson"))


class LegislativeTermForm(StadtdachModelForm):
    class Meta:
        model = LegislativeTerm
        fields = ["name", "start_date", "end_date"]
        widgets = {"start_date": date_input(), "end_date": date_input()}


class MeetingForm(StadtdachModelForm):
    class Meta:
        model = Meeting
        fields = [
            "name",
            "start",
            "end",
            "location",
            "state",
            "is_public",
            "minutes",
            "internal_minutes",
            "is_sample",
        ]
        widgets = {"start": datetime_input(), "end": datetime_input()}

    def __init__(self, *args, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body or self.instance.body
        self.instance.body = self.body
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean(self):
        cleaned = super().clean()
        state, start = cleaned.get("state"), cleaned.get("start")
        if state == Meeting.State.HELD and start and start > timezone.now():
            self.add_error("state", _("A meeting in the future cannot have been held."))
        return cleaned


class CadenceRuleForm(StadtdachModelForm):
    class Meta:
        model = CadenceRule
        fields = [
            "title",
            "first_date",
            "time_of_day",
            "duration_minutes",
            "interval_days",
            "later_from",
            "later_interval_days",
            "until",
            "location",
            "is_public",
            "is_sample",
        ]
        widgets = {
            "first_date": date_input(),
            "later_from": date_input(),
            "until": date_input(),
            "time_of_day": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {
            "later_from": _("The first meeting of the later rhythm (for example every 4 weeks)."),
        }

    def __init__(self, *args, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body or self.instance.body
        self.instance.body = self.body

    def clean_duration_minutes(self):
        minutes = self.cleaned_data.get("duration_minutes")
        if minutes is not None and not 15 <= minutes <= 720:
            raise ValidationError(_("Please enter between 15 and 720 minutes."))
        return minutes


class AgendaItemForm(StadtdachModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "order",
            "name",
            "description",
            "is_public",
            "result",
            "resolution_text",
            "work_package",
            "is_sample",
        ]

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting or self.instance.meeting
        self.instance.meeting = self.meeting
        self.fields["work_package"].queryset = WorkPackage.objects.select_related("phase")


class AttendanceForm(forms.Form):
    """One choice per member of the body at the meeting's date."""

    def __init__(self, *args, meeting, memberships, attendance, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.memberships = memberships
        current = {a.person_id: a for a in attendance}
        choices = [("", _("not recorded")), *Attendance.Status.choices]
        for membership in memberships:
            key = f"person_{membership.person_id}"
            self.fields[key] = forms.ChoiceField(
                label=f"{membership.person.name}"
                + (f" ({membership.role})" if membership.role else ""),
                choices=choices,
                required=False,
                initial=getattr(current.get(membership.person_id), "status", ""),
            )

    def statuses(self) -> dict[int, tuple[str, bool]]:
        return {
            m.person_id: (self.cleaned_data.get(f"person_{m.person_id}") or "", m.voting_right)
            for m in self.memberships
        }


class DocumentForm(StadtdachModelForm):
    ALLOWED_TYPES = {".pdf", ".docx", ".odt", ".xlsx", ".ods", ".txt", ".png", ".jpg", ".jpeg"}

    class Meta:
        model = Document
        fields = ["name", "role", "file", "date", "is_public", "is_sample"]
        widgets = {"date": date_input()}

    def __init__(self, *args, body=None, meeting=None, agenda_item=None, paper=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body = body
        self.instance.meeting = meeting
        self.instance.agenda_item = agenda_item
        self.instance.paper = paper
        if body is not None and meeting is None and paper is None:
            # A document of a workspace is internal unless said otherwise.
            self.fields["is_public"].initial = False

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "size"):
            if upload.size > settings.STADTDACH_MAX_UPLOAD_BYTES:
                raise ValidationError(
                    _("The file is too large (at most %(mb)d MB).")
                    % {"mb": settings.STADTDACH_MAX_UPLOAD_BYTES // 2**20}
                )
            name = upload.name.lower()
            suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
            # The content must match the name: no program or web page renamed to .pdf.
            if suffix not in self.ALLOWED_TYPES or not content_matches(upload):
                raise ValidationError(
                    _("Allowed file types: PDF, DOCX, ODT, XLSX, ODS, TXT, PNG, JPEG.")
                )
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "chunks"):
            from stadtdach.governance.services import document_facts

            for key, value in document_facts(upload).items():
                setattr(self.instance, key, value)
        return super().save(commit)
