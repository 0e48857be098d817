"""The one place that keeps staff without a second factor away from staff pages
(docs/adr/0006-staff-two-factor.md)."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse

from stadtdach.accounts import mfa

# Pages a logged-in member of staff reaches before the second factor: their account, the
# log-in, log-out, password and two-factor pages, the language switch and the health
# check. Everything else is a staff page for staff: public pages too, which show staff
# their edit links and internal parts. Static files never reach Django's views
# (WhiteNoise answers first).
EXEMPT_NAMESPACES = frozenset({"accounts"})
EXEMPT_PREFIXES = ("account_", "mfa_")
EXEMPT_NAMES = frozenset({"healthz", "set_language", "logout"})


def is_exempt(match) -> bool:
    if match is None:
        return True
    if EXEMPT_NAMESPACES & set(match.namespaces):
        return True
    name = match.url_name or ""
    if match.namespaces == ["admin"]:
        return name == "logout"
    return name in EXEMPT_NAMES or name.startswith(EXEMPT_PREFIXES)


class StaffSecondFactorMiddleware:
    """A member of staff whose role requires a second factor (mfa.requires_second_factor)
    and who has none is sent to set one up; one who has one but has not confirmed it in
    this session (a session from before, a log-in through the admin) is asked for it.
    Nothing happens when settings.STADTDACH_STAFF_MFA_REQUIRED is off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not mfa.required():
            return None
        user = getattr(request, "user", None)
        if not mfa.requires_second_factor(user):
            return None
        if is_exempt(request.resolver_match) or mfa.passed_in_session(request, user):
            return None
        target = "mfa_reauthenticate" if mfa.has_second_factor(user) else "mfa_index"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
