"""django-allauth's two-factor pages at German addresses under /konto/zwei-faktor/, with
allauth's URL names (it reverses them). Passwordless passkey log-in and passkey sign-up
are not offered (docs/adr/0006-staff-two-factor.md).

Each page that writes runs in one transaction with its audit entry; the pages that check
a code carry our per-address limit (a 429 page) on top of allauth's per-account limit on
failed codes (an error in the form)."""

from allauth.mfa.base import views as base_views
from allauth.mfa.recovery_codes import views as recovery_views
from allauth.mfa.totp import views as totp_views
from allauth.mfa.webauthn import views as webauthn_views
from django.db import transaction
from django.urls import path

from stadtdach.core.ratelimit import limit_posts


def _checks_codes(scope: str, view):
    return limit_posts(scope, requests=20, seconds=300)(transaction.atomic(view))


urlpatterns = [
    path("zwei-faktor/", base_views.index, name="mfa_index"),
    path(
        "zwei-faktor/anmelden/",
        _checks_codes("mfa-authenticate", base_views.authenticate),
        name="mfa_authenticate",
    ),
    path(
        "zwei-faktor/bestaetigen/",
        _checks_codes("mfa-reauthenticate", base_views.reauthenticate),
        name="mfa_reauthenticate",
    ),
    path(
        "zwei-faktor/app/einrichten/",
        _checks_codes("mfa-activate", totp_views.activate_totp),
        name="mfa_activate_totp",
    ),
    path(
        "zwei-faktor/app/entfernen/",
        transaction.atomic(totp_views.deactivate_totp),
        name="mfa_deactivate_totp",
    ),
    path(
        "zwei-faktor/wiederherstellungscodes/",
        recovery_views.view_recovery_codes,
        name="mfa_view_recovery_codes",
    ),
    path(
        "zwei-faktor/wiederherstellungscodes/neu/",
        transaction.atomic(recovery_views.generate_recovery_codes),
        name="mfa_generate_recovery_codes",
    ),
    path(
        "zwei-faktor/wiederherstellungscodes/herunterladen/",
        recovery_views.download_recovery_codes,
        name="mfa_download_recovery_codes",
    ),
    path(
        "zwei-faktor/sicherheitsschluessel/",
        webauthn_views.list_webauthn,
        name="mfa_list_webauthn",
    ),
    path(
        "zwei-faktor/sicherheitsschluessel/hinzufuegen/",
        transaction.atomic(webauthn_views.add_webauthn),
        name="mfa_add_webauthn",
    ),
    path(
        "zwei-faktor/sicherheitsschluessel/bestaetigen/",
        _checks_codes("mfa-reauthenticate-key", webauthn_views.reauthenticate_webauthn),
        name="mfa_reauthenticate_webauthn",
    ),
    path(
        "zwei-faktor/sicherheitsschluessel/<int:pk>/entfernen/",
        transaction.atomic(webauthn_views.remove_webauthn),
        name="mfa_remove_webauthn",
    ),
    path(
        "zwei-faktor/sicherheitsschluessel/<int:pk>/bearbeiten/",
        transaction.atomic(webauthn_views.edit_webauthn),
        name="mfa_edit_webauthn",
    ),
]
