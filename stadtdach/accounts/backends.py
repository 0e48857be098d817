"""The authentication backend: allauth's (log in with the user name or the e-mail
address), which extends Django's model backend."""

import rules
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model

from stadtdach.core.caching import entries


class AuthenticationBackend(AllauthBackend):
    """Two savings on every logged-in request, without changing who may do what:

    - the logged-in user and their roles are kept in the fragment cache (2 queries),
      fresh as soon as any account, group or membership changes (docs/adr/0005);
    - permissions that django-rules decides (every app's permissions.py) are not also
      looked up among Django's model permissions, which nobody is given for them (2
      queries on every page that asks a rule which says no)."""

    def get_user(self, user_id):
        user = entries.get_or_compute(f"user:{user_id}", lambda: _load(user_id))
        return user if user is not None and self.user_can_authenticate(user) else None

    def has_perm(self, user_obj, perm, obj=None):
        if rules.perm_exists(perm):
            return False
        return super().has_perm(user_obj, perm, obj)


def _load(user_id):
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if user is not None:
        user.role_codes  # noqa: B018 - read now, so that it is kept with the user
    return user
