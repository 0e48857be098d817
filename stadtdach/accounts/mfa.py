"""Two-factor login (django-allauth's MFA; docs/adr/0006-staff-two-factor.md).

Who must use a second factor, whether they have one and passed it in this session, the
MFA adapter, and the audit entries of enrolment, use and removal (allauth's signals)."""

import logging

from allauth.account.internal.flows.login import (
    get_authentication_records,
    record_authentication,
)
from allauth.mfa import signals
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from stadtdach.accounts.roles import COORDINATORS, RoleCode
from stadtdach.core import audit
from stadtdach.core.models import AuditEntry

logger = logging.getLogger(__name__)

# The roles that see or change non-public data; the technical administration (Django's
# staff and superuser flags) too. Council members and citizens read what is public.
ROLES_REQUIRING_SECOND_FACTOR = frozenset(
    {*COORDINATORS, RoleCode.CONSULTANT, RoleCode.STEERING_GROUP, RoleCode.ADMINISTRATION}
)
# A second factor proper; recovery codes only stand in for a lost one.
FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def required() -> bool:
    """Whether this installation requires staff to use a second factor (the setting)."""
    return bool(getattr(settings, "STADTDACH_STAFF_MFA_REQUIRED", True))


def requires_second_factor(user) -> bool:
    """The user's role makes a second factor compulsory (whatever the setting says)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return bool(user.role_codes & ROLES_REQUIRING_SECOND_FACTOR)


def has_second_factor(user) -> bool:
    """One query: the user has an authenticator app or a security key."""
    return Authenticator.objects.filter(user_id=user.pk, type__in=FACTOR_TYPES).exists()


def passed_in_session(request, user) -> bool:
    """The user confirmed a second factor (or a recovery code) in this session: at the
    log-in, or afterwards on the confirmation page. No query (allauth's session record)."""
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff who must use a second factor cannot remove their last one (they may add
        another first); recovery codes go with the last factor."""
        user = authenticator.user
        if authenticator.type not in FACTOR_TYPES:
            return True
        if not (required() and requires_second_factor(user)):
            return True
        others = Authenticator.objects.filter(user_id=user.pk, type__in=FACTOR_TYPES)
        return others.exclude(pk=authenticator.pk).exists()


def factor_label(authenticator: Authenticator) -> str:
    kind = {
        Authenticator.Type.TOTP: _("authenticator app"),
        Authenticator.Type.RECOVERY_CODES: _("recovery codes"),
        Authenticator.Type.WEBAUTHN: _("security key"),
    }.get(authenticator.type, authenticator.type)
    return _("Second factor (%(kind)s) of %(user)s") % {
        "kind": kind,
        "user": authenticator.user.get_username(),
    }


def _record(user, action: str, authenticator: Authenticator, changes: dict) -> None:
    """An audit entry for the authenticator, never with its data (it holds the secret)."""
    with transaction.atomic():
        audit.record(
            actor=user,
            action=action,
            instance=authenticator,
            changes=changes,
            label=factor_label(authenticator),
        )


def on_added(sender, request, user, authenticator, **kwargs) -> None:
    _record(user, AuditEntry.Action.CREATE, authenticator, {"type": [None, authenticator.type]})
    if request is not None and authenticator.type in FACTOR_TYPES:
        # Setting it up proved the factor (a code of the app, the key's signature): the
        # staff pages open without asking for it again in this session.
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def on_removed(sender, request, user, authenticator, **kwargs) -> None:
    # The authenticator row is gone; the entry keeps its id and kind.
    _record(user, AuditEntry.Action.DELETE, authenticator, {"type": [authenticator.type, None]})


def on_reset(sender, request, user, authenticator, **kwargs) -> None:
    _record(user, AuditEntry.Action.UPDATE, authenticator, {"codes": ["old", "new"]})


def on_used(sender, request, user, authenticator, reauthenticated=False, **kwargs) -> None:
    purpose = "confirmation" if reauthenticated else "login"
    if kwargs.get("passwordless"):
        purpose = "passkey login"
    changes = {"used_for": [None, purpose]}
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        # Re-read: allauth marked the code used on its own copy of the row.
        fresh = Authenticator.objects.get(pk=authenticator.pk)
        unused = len(fresh.wrap().get_unused_codes())
        changes["unused_recovery_codes"] = [unused + 1, unused]
    _record(user, AuditEntry.Action.UPDATE, authenticator, changes)


def on_failed(sender, request, user, authenticator, **kwargs) -> None:
    # Not a change: logged, not audited (allauth's rate limit counts the failures).
    logger.warning("Second factor refused for user %s", user.pk)


def connect_signals() -> None:
    """Called once from AccountsConfig.ready()."""
    for signal, handler in (
        (signals.authenticator_added, on_added),
        (signals.authenticator_removed, on_removed),
        (signals.authenticator_reset, on_reset),
        (signals.authenticator_used, on_used),
        (signals.authentication_failed, on_failed),
    ):
        signal.connect(handler, dispatch_uid=f"stadtdach.accounts.mfa.{handler.__name__}")
