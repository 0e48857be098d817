"""Form conventions: length limits on every text, a one-time token on create forms,
the loaded version on change forms, and our accessible templates."""

import uuid
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

# Long enough for any real description, short enough that nobody pastes a book.
MAX_TEXT_LENGTH = 20_000


class Renderer(TemplatesSetting):
    """Renders forms with the project's template engine (and its built-in tags)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


# The largest primary key the databases store (BIGINT); a larger number typed into a
# choice field would make SQLite or PostgreSQL raise instead of "not a valid choice".
_MAX_PK = 2**63 - 1


def _too_large(value) -> bool:
    text = str(value).strip().lstrip("+-")
    # isdecimal, not isdigit: int() refuses "²", which isdigit() takes.
    return text.isdecimal() and int(text) > _MAX_PK


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and _too_large(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if any(_too_large(v) for v in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "…"}
            )
        return super()._check_values(value)


# Dates outside these years are typing errors (0202 for 2020); near the ends of the
# calendar a time converted to UTC for the database would even overflow (year 1, 9999).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2199


def validate_plausible_date(value) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if isinstance(day, date) and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValidationError(
            _("Please enter a date between the years %(earliest)s and %(latest)s."),
            code="date_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )


class StadtdachModelForm(forms.ModelForm):
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        creating = self.instance._state.adding
        if creating:
            del self.fields["loaded_version"]
            self.fields["form_token"].initial = uuid.uuid4()
        else:
            del self.fields["form_token"]
            modified = getattr(self.instance, "modified", None)
            self.fields["loaded_version"].initial = modified.isoformat() if modified else ""
        for name, field in self.fields.items():
            # The same fields with a range check on the typed key (no new state, so the
            # class of the generated instance can simply be narrowed).
            if type(field) is forms.ModelChoiceField:
                field.__class__ = SafeModelChoiceField
            elif type(field) is forms.ModelMultipleChoiceField:
                field.__class__ = SafeModelMultipleChoiceField
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(validate_plausible_date)
            model_field = self._meta_field(name)
            if isinstance(model_field, models.TextField) and isinstance(field, forms.CharField):
                field.max_length = field.max_length or MAX_TEXT_LENGTH
                field.validators.append(
                    forms.fields.validators.MaxLengthValidator(field.max_length)
                )
                field.widget.attrs.setdefault("rows", 6)
                field.widget.attrs["maxlength"] = str(field.max_length)

    def _meta_field(self, name):
        try:
            return self._meta.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - form-only fields have no model field
            return None


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HoneypotField(forms.CharField):
    """A field people never see or fill; bots do. Any value fails validation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            raise forms.ValidationError(_("This field must stay empty."))
