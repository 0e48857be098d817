"""How django-allauth creates and mails citizen accounts in Stadtdach."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.accounts.roles import RoleCode


def user_display(user) -> str:
    """How allauth names a user in its mails and pages: the display name, never the
    generated user name."""
    return user.display_name or user.get_full_name() or user.get_username()


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # allauth's limits, e.g. on wrong codes of the two-factor log-in and its set-up.
        "too_many_login_attempts": _(
            "Too many attempts in a short time. Please wait a few minutes and try again."
        ),
        "rate_limited": _(
            "Too many attempts in a short time. Please wait a few minutes and try again."
        ),
    }

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        if commit:
            user.save()
            from stadtdach.accounts import services

            services.citizen_registered(user=user, consents=form.accepted_consents())
        return user

    def get_login_redirect_url(self, request):
        return landing_url(request.user)

    def get_signup_redirect_url(self, request):
        # Also used after the confirmation link logged a new citizen in.
        return landing_url(request.user)

    def send_mail(self, template_prefix, email, context):
        """Render the mail now (it needs the request), send it in the background."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from stadtdach.accounts.tasks import send_account_mail

        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
        alternatives = getattr(message, "alternatives", [])
        html = next((content for content, kind in alternatives if kind == "text/html"), None)
        payload = {
            "subject": message.subject,
            "body": message.body,
            "to": list(message.to),
            "html": html,
        }
        transaction.on_commit(lambda: send_account_mail.enqueue(**payload))


def landing_url(user) -> str:
    """Where somebody lands after logging in without a ``next``: staff in their workspace,
    citizens on their account page."""
    if user.has_perm("accounts.view_workspace"):
        return reverse("communication:workspace")
    return reverse("accounts:profile")


def citizen_group() -> Group:
    return Group.objects.get_or_create(name=RoleCode.CITIZEN)[0]
