"""Turn input no view can use into a clear 400 page instead of an error deep in the database."""

from django.shortcuts import render
from django.utils.translation import gettext as _


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            return render(
                request,
                "400.html",
                {"reason": _("The address contains a null character (NUL), which is not allowed.")},
                status=400,
            )
        return self.get_response(request)
