"""The form of an idea. Without JavaScript a place is chosen from the named places (or
none); the map island fills the two coordinate fields instead."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from stadtdach.core.geo import parse_place
from stadtdach.participation.forms import PublicForm
from stadtdach.participation.images import MAX_IMAGES, ImageField
from stadtdach.participation.models import NamedPlace, TargetGroup

TITLE_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 5_000
# A point on the map must lie within this many degrees of the town's centre.
MAX_DISTANCE_DEGREES = 0.3


class IdeaForm(PublicForm):
    title = forms.CharField(
        label=_("Title of your idea"), min_length=5, max_length=TITLE_MAX_LENGTH
    )
    text = forms.CharField(
        label=_("Describe your idea"),
        min_length=20,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What should change, where, and why? Please no personal data of others."),
    )
    action_field = SafeModelChoiceField(
        label=_("Action field"),
        queryset=None,
        required=False,
        empty_label=_("I do not know / does not matter"),
    )
    themes = SafeModelMultipleChoiceField(
        label=_("Cross-cutting themes"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    named_place = SafeModelChoiceField(
        label=_("Place"),
        queryset=NamedPlace.objects.all(),
        required=False,
        empty_label=_("No particular place"),
        help_text=_("Choose a place from the list, or mark it on the map."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        widget=forms.HiddenInput,
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        widget=forms.HiddenInput,
    )
    target_group = SafeModelChoiceField(
        label=_("I speak as part of this group (optional)"),
        queryset=TargetGroup.objects.all(),
        required=False,
        empty_label=_("Not stated"),
    )
    confirm_new = forms.BooleanField(
        label=_("My idea is different from these: submit it anyway."), required=False
    )

    def __init__(self, *args, action_fields=None, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = action_fields
        self.fields["themes"].queryset = themes
        for n in range(1, MAX_IMAGES + 1):
            self.fields[f"image_{n}"] = ImageField(
                label=_("Image %(n)d (optional)") % {"n": n},
                help_text=_("JPEG, PNG or WebP, at most %(mb)d MB.")
                % {"mb": settings.STADTDACH_MAX_UPLOAD_BYTES // 1048576},
            )
            self.fields[f"image_{n}_description"] = forms.CharField(
                label=_("What does image %(n)d show?") % {"n": n},
                required=False,
                max_length=200,
            )
        # The honeypot last, out of the way of people.
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        cleaned["place"] = None
        if (lat is None) != (lon is None):
            raise ValidationError(_("The place on the map is incomplete."), code="place")
        if lat is not None:
            center_lat, center_lon = settings.STADTDACH_MAP["center"]
            if (
                abs(float(lat) - center_lat) > MAX_DISTANCE_DEGREES
                or abs(float(lon) - center_lon) > MAX_DISTANCE_DEGREES
            ):
                raise ValidationError(
                    _("The place on the map lies outside the town."), code="place"
                )
            cleaned["place"] = parse_place(
                {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}
            )
        return cleaned
