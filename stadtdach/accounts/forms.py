"""Forms of the accounts: the one log-in for staff and citizens, citizen sign-up (django-
allauth), the profile and the deletion of an account."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from stadtdach.accounts.consents import SIGNUP_CONSENTS
from stadtdach.accounts.models import User
from stadtdach.core.forms import StadtdachModelForm

# Passwords are hashed on every log-in; a megabyte of "password" must not cost seconds.
MAX_PASSWORD_LENGTH = 200


def _limit_password(field: forms.Field) -> None:
    field.max_length = MAX_PASSWORD_LENGTH
    field.validators.append(MaxLengthValidator(MAX_PASSWORD_LENGTH))
    field.widget.attrs["maxlength"] = str(MAX_PASSWORD_LENGTH)


def has_unconfirmed_address(user) -> bool:
    """A citizen who registered but has not confirmed any e-mail address yet. Staff
    accounts created by the administration have no address records: they are not held up."""
    addresses = list(EmailAddress.objects.filter(user=user).values_list("verified", flat=True))
    return bool(addresses) and not any(addresses)


class LoginForm(AuthenticationForm):
    """Django's log-in form: the user name or the e-mail address, and the password.
    Citizens must have confirmed their address first."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "unconfirmed": _(
            "Please confirm your e-mail address first: open the link in the e-mail we "
            "sent you. We have just sent you a new one."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("User name or e-mail address")
        # The length is checked before the name is looked up: a longer one would make
        # SQLite refuse the lookup ("LIKE or GLOB pattern too complex").
        self.fields["username"].max_length = 254
        self.fields["username"].validators.append(MaxLengthValidator(254))
        self.fields["username"].widget.attrs["maxlength"] = "254"
        _limit_password(self.fields["password"])

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if has_unconfirmed_address(user):
            self.unconfirmed_user = user
            raise forms.ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")


class SignupForm(AllauthSignupForm):
    """Registration of a citizen: e-mail address, display name, password, the consents.
    The honeypot field ("website", ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD) is allauth's."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        min_length=2,
        help_text=_(
            "Shown with your contributions. You can use your name or a nickname; please "
            "do not use your e-mail address."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    field_order = ["email", "display_name", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for consent in SIGNUP_CONSENTS:
            self.fields[f"consent_{consent.key}"] = forms.BooleanField(
                label=consent.text, required=consent.required
            )
        for name in ("password1", "password2"):
            if name in self.fields:
                _limit_password(self.fields[name])
                self.fields[name].widget.attrs.pop("placeholder", None)
        honeypot = self.fields.get("website")
        if honeypot is not None:
            # allauth styles its honeypot inline, which our CSP blocks: the template
            # hides it with the .hp class instead.
            honeypot.widget.attrs.pop("style", None)
            honeypot.widget.attrs["autocomplete"] = "off"
            honeypot.label = _("Leave this field empty")
        self.fields["email"].widget.attrs.pop("placeholder", None)
        self.fields["email"].widget.attrs["maxlength"] = "254"
        self.fields["email"].max_length = 254
        self.fields["email"].validators.append(MaxLengthValidator(254))
        self.fields["email"].label = _("E-mail address")
        self.fields["password1"].label = _("Password")
        # Django's help text is a list, which the field template puts into a paragraph.
        self.fields["password1"].help_text = _(
            "At least 10 characters; not a common password, not only digits, and not "
            "similar to your e-mail address or name."
        )
        if "password2" in self.fields:
            self.fields["password2"].label = _("Password (again)")

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if "@" in name:
            raise forms.ValidationError(
                _("Please choose a name without “@”: it is shown publicly."), code="email_like"
            )
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter at least two characters."), code="short")
        return name

    def accepted_consents(self):
        return [c for c in SIGNUP_CONSENTS if self.cleaned_data.get(f"consent_{c.key}")]


class ProfileForm(StadtdachModelForm):
    class Meta:
        model = User
        fields = ["display_name"]
        labels = {"display_name": _("Display name")}
        help_texts = {"display_name": _("Shown with your contributions.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].min_length = 2

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if "@" in name:
            raise forms.ValidationError(
                _("Please choose a name without “@”: it is shown publicly."), code="email_like"
            )
        return name


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, delete my account. My contributions stay, shown as from a deleted account.")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        _limit_password(self.fields["password"])

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
