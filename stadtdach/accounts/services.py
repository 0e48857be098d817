"""Writes of the accounts: a citizen registers, downloads their data, deletes the account."""

from collections.abc import Iterable
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from stadtdach.accounts.consents import ConsentText
from stadtdach.accounts.models import Consent, User
from stadtdach.accounts.roles import RoleCode
from stadtdach.core import audit
from stadtdach.core.models import AuditEntry

# How a deleted account is named wherever its contributions or log entries remain.
DELETED_ACCOUNT_LABEL = "gelöschtes Konto"


def citizen_registered(*, user: User, consents: Iterable[ConsentText]) -> None:
    """A citizen signed up: they get the citizen role and their consents are stored with
    the wording they saw (in the language of the page they registered on)."""
    from django.contrib.auth.models import Group

    with transaction.atomic():
        user.groups.add(Group.objects.get_or_create(name=RoleCode.CITIZEN)[0])
        Consent.objects.bulk_create(
            Consent(user=user, key=c.key, version=c.version, text=str(c.text)) for c in consents
        )


def _providers():
    return [import_module(path) for path in settings.STADTDACH_PERSONAL_DATA]


def personal_data(*, user: User) -> dict:
    """Everything Stadtdach stores about a user, as JSON-safe data (Art. 15/20 GDPR)."""
    from allauth.account.models import EmailAddress

    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "consents": [
            {"key": c.key, "version": c.version, "text": c.text, "given_at": c.given_at.isoformat()}
            for c in user.consents.all()
        ],
    }
    for provider in _providers():
        data.update(provider.export_personal_data(user))
    return data


def may_delete_itself(user: User) -> bool:
    """Citizens delete their own account; staff accounts are closed by the administration,
    because their changes must stay attributable in the audit log."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and not user.has_perm("accounts.view_workspace")
    )


def account_delete(*, user: User) -> None:
    """Delete a citizen's account. What they contributed stays, shown as from a deleted
    account (each app's erase_personal_data decides what stays and what goes); the audit
    log keeps the entries but no longer names them."""
    with transaction.atomic():
        for provider in _providers():
            provider.erase_personal_data(user)
        AuditEntry.objects.filter(actor=user).update(actor_label=DELETED_ACCOUNT_LABEL)
        audit.record(
            actor=None,
            action=AuditEntry.Action.DELETE,
            instance=user,
            label=DELETED_ACCOUNT_LABEL,
            changes={},
        )
        user.delete()
