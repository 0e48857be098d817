"""The pages of django-allauth that Stadtdach uses, at German addresses under /konto/.

They carry allauth's URL names without a namespace (allauth reverses them). Log-in and
log-out are our own views (one log-in for staff and citizens, accounts/urls.py): the
allauth names point at the same pages. allauth's e-mail management page is not offered;
its name leads to the account page. The two-factor pages are in mfa_urls.py."""

from allauth.account import views as allauth_views
from django.contrib.auth import views as auth_views
from django.urls import path, re_path
from django.views.generic import RedirectView

from stadtdach.accounts import mfa_urls, views

urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="account_login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="account_logout"),
    path("registrieren/", views.signup, name="account_signup"),
    path(
        "bestaetigen/",
        allauth_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(
        r"^bestaetigen/(?P<key>[-:\w]+)/$",
        allauth_views.confirm_email,
        name="account_confirm_email",
    ),
    path("passwort/vergessen/", views.password_reset, name="account_reset_password"),
    path(
        "passwort/vergessen/gesendet/",
        allauth_views.password_reset_done,
        name="account_reset_password_done",
    ),
    re_path(
        r"^passwort/neu/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "passwort/neu/fertig/",
        allauth_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    path("passwort/aendern/", allauth_views.password_change, name="account_change_password"),
    path("passwort/setzen/", allauth_views.password_set, name="account_set_password"),
    path("bestaetigung/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path("inaktiv/", allauth_views.account_inactive, name="account_inactive"),
    path(
        "adressen/",
        RedirectView.as_view(pattern_name="accounts:profile"),
        name="account_email",
    ),
]
urlpatterns += mfa_urls.urlpatterns
