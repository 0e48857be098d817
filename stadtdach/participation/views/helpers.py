"""What the participation views share: why an action is closed, in words, and safe
redirects back to where a form was sent from."""

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def closed_message(reason: str, process=None) -> str:
    """A clear sentence for a Decision's reason (permissions.decide)."""
    if reason == "upcoming" and process is not None:
        return _("This process opens on %(date)s. You can take part from then on.") % {
            "date": date_format(localtime(process.starts_at), "DATETIME_FORMAT")
        }
    if reason == "closed" and process is not None:
        return _(
            "This process closed on %(date)s. Contributions, comments and votes are no "
            "longer possible; you can still read everything and follow what becomes of it."
        ) % {"date": date_format(localtime(process.ends_at), "DATETIME_FORMAT")}
    return {
        "not_published": _("This process is not published yet."),
        "internal": _("This process is for the steering group and the coordination only."),
        "not_offered": _("This is not possible in this process."),
        "login_required": _("Please log in or register to take part."),
        "inactive": _("Your account is deactivated."),
        "own": _("You cannot support your own idea."),
        "results_later": _("The results are published when the process has closed."),
        "already": _("You have already taken part. Everybody takes part once."),
    }.get(reason, _("This is not possible at the moment."))


def render_closed(request, reason: str, process=None, *, status: int = 403):
    return render(
        request,
        "participation/closed.html",
        {"message": closed_message(reason, process), "process": process},
        status=status,
    )


def safe_next(request, fallback: str) -> str:
    """The page to go back to: only a path on this site (redirect() would take anything
    else for the name of a view)."""
    candidate = (request.POST.get("next") or request.GET.get("next") or "")[:500]
    if (
        candidate.startswith("/")
        and not candidate.startswith("//")
        and candidate.isprintable()
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return fallback


def page_number(request) -> str:
    return request.GET.get("seite", "1")[:10]
