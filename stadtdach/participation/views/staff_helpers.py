"""Authorisation of function views: anonymous visitors go to the log-in page, accounts
without the right get the 403 page (the same as core.views.EditView)."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def require_perm(permission: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
