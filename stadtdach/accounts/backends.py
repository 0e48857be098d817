"""The authentication backend: allauth's (log in with the user name or the e-mail
address), which extends Django's model backend."""

import rules
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend


class AuthenticationBackend(AllauthBackend):
    """Permissions that django-rules decides (every app's permissions.py) are not also
    looked up among Django's model permissions, which nobody is given for them: that
    saved lookup is two queries on every page that asks a rule which says no."""

    def has_perm(self, user_obj, perm, obj=None):
        if rules.perm_exists(perm):
            return False
        return super().has_perm(user_obj, perm, obj)
