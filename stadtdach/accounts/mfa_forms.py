"""allauth's two-factor forms with our labels and length limits (settings.MFA_FORMS)."""

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from allauth.mfa.webauthn.forms import (
    AddWebAuthnForm,
    AuthenticateWebAuthnForm,
    EditWebAuthnForm,
    ReauthenticateWebAuthnForm,
)
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Longer than any code (six digits, or an eight-character recovery code with spaces).
MAX_CODE_LENGTH = 32
MAX_KEY_NAME_LENGTH = 100


def _code_field(form, label, help_text) -> None:
    field = form.fields["code"]
    field.label = label
    field.help_text = help_text
    field.max_length = MAX_CODE_LENGTH
    field.validators.append(MaxLengthValidator(MAX_CODE_LENGTH))
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update(
        {
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "maxlength": str(MAX_CODE_LENGTH),
            "spellcheck": "false",
            "autocapitalize": "off",
        }
    )


def _name_field(form) -> None:
    field = form.fields["name"]
    field.label = _("Name of the key")
    field.help_text = _("So that you can tell your keys apart, e.g. “USB key” or “laptop”.")
    field.max_length = MAX_KEY_NAME_LENGTH
    field.validators.append(MaxLengthValidator(MAX_KEY_NAME_LENGTH))
    field.widget.attrs["maxlength"] = str(MAX_KEY_NAME_LENGTH)


class _LogInCode:
    """The code field of the log-in and the confirmation: app code or recovery code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _code_field(
            self,
            _("Code"),
            _("The six-digit code your authenticator app shows, or one of your recovery codes."),
        )


class CodeAuthenticateForm(_LogInCode, AuthenticateForm):
    pass


class CodeReauthenticateForm(_LogInCode, ReauthenticateForm):
    pass


class TOTPActivateForm(ActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _code_field(
            self,
            _("Code from the app"),
            _("The six-digit code the app shows after you added the account."),
        )


# allauth reads the browser's answer of a security key without checking its shape: a
# forged one (keys missing or of the wrong type) would raise instead of being refused.
_FORGED = (KeyError, TypeError, ValueError, AttributeError)


def _unreadable_key_answer() -> forms.ValidationError:
    return forms.ValidationError(
        _("The security key's answer could not be read. Please try again."),
        code="bad_credential",
    )


class KeyAddForm(AddWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _name_field(self)

    def clean(self):
        try:
            return super().clean()
        except _FORGED as error:
            raise _unreadable_key_answer() from error


class KeyAuthenticateForm(AuthenticateWebAuthnForm):
    def clean_credential(self):
        try:
            return super().clean_credential()
        except _FORGED as error:
            raise _unreadable_key_answer() from error


class KeyReauthenticateForm(ReauthenticateWebAuthnForm):
    def clean_credential(self):
        try:
            return super().clean_credential()
        except _FORGED as error:
            raise _unreadable_key_answer() from error


class KeyEditForm(EditWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _name_field(self)
