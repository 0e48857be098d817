"""Pages of the accounts: one log-in for everybody, the citizen's account page with their
data download and the deletion of the account. Sign-up, e-mail confirmation and password
reset are django-allauth's views with our templates (allauth_urls.py)."""

import json

from allauth.account import views as allauth_views
from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.internal.flows.login import perform_password_login
from allauth.account.models import EmailAddress, Login
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from stadtdach.accounts import services
from stadtdach.accounts.adapter import landing_url
from stadtdach.accounts.forms import DeleteAccountForm, LoginForm, ProfileForm
from stadtdach.accounts.models import User
from stadtdach.core import ratelimit
from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import save_form

# A new confirmation link at most this often per address (the old links keep working).
RESEND_SECONDS = 180


@method_decorator(limit_posts("login", requests=10, seconds=300), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return landing_url(self.request.user)

    def form_valid(self, form):
        """Hand the checked user to allauth's log-in, whose stages ask for the second
        factor of somebody who has one (the address check is the form's, see forms.py)."""
        login = Login(
            user=form.get_user(),
            email_verification=EmailVerificationMethod.NONE,
            redirect_url=self.get_redirect_url() or None,
        )
        credentials = {"username": form.cleaned_data["username"]}
        return perform_password_login(self.request, credentials, login)

    def form_invalid(self, form):
        user = getattr(form, "unconfirmed_user", None)
        if user is not None:
            _resend_confirmation(self.request, user)
        return self.render_to_response(self.get_context_data(form=form), status=400)


def _resend_confirmation(request, user) -> None:
    address = EmailAddress.objects.filter(user=user, verified=False).order_by("-primary").first()
    if address is None:
        return
    if ratelimit.hit("confirm-resend", address.email.lower(), limit=1, seconds=RESEND_SECONDS):
        address.send_confirmation(request)


@limit_posts("signup", requests=5, seconds=600)
def signup(request, *args, **kwargs):
    return allauth_views.signup(request, *args, **kwargs)


@limit_posts("password-reset", requests=5, seconds=600)
def password_reset(request, *args, **kwargs):
    return allauth_views.password_reset(request, *args, **kwargs)


@login_required
def profile(request):
    """The own account: display name, e-mail address, data download, deletion; the
    participation app adds what the user contributed and follows (panel slot "account")."""
    user = request.user
    if request.method == "POST":
        # A plain instance: request.user is a lazy wrapper that the audit cannot snapshot.
        form = ProfileForm(instance=User.objects.get(pk=user.pk), data=request.POST)
        if form.is_valid():
            save_form(actor=user, form=form)
            messages.success(request, _("Saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=user)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "may_delete": services.may_delete_itself(user),
            "addresses": list(EmailAddress.objects.filter(user=user)),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def personal_data(request):
    """All data about the user as a JSON download."""
    data = services.personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="stadtdach-meine-daten-{stamp}.json"'
    return response


@login_required
@limit_posts("account-delete", requests=5, seconds=600)
def delete_account(request):
    user = request.user
    if not services.may_delete_itself(user):
        raise PermissionDenied
    form = DeleteAccountForm(data=request.POST or None, user=user)
    if request.method == "POST":
        if form.is_valid():
            logout(request)
            services.account_delete(user=user)
            messages.success(
                request, _("Your account has been deleted. Thank you for taking part.")
            )
            return redirect("communication:home")
        return render(request, "accounts/delete.html", {"form": form}, status=400)
    return render(request, "accounts/delete.html", {"form": form})
