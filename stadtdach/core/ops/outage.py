"""While the database is unreachable (a restart, a fail-over), visitors get a short
503 page in German and English that asks them to try again in a moment, never a
stack trace or the generic error page. ``core.views.server_error`` (handler500) calls
``response_for`` first, so a database error anywhere in the request (view, middleware,
session save) ends here; ``DatabaseOutageMiddleware`` answers the views' errors early."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5


def is_database_outage(error: BaseException | None) -> bool:
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def unavailable_response() -> HttpResponse:
    # No request context: nothing that needs the database may run while rendering.
    response = HttpResponse(loader.get_template("ops/unavailable.html").render(), status=503)
    response["Retry-After"] = str(RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def response_for(request) -> HttpResponse | None:
    """The 503 page when the exception being handled is a database outage, else None."""
    if is_database_outage(sys.exc_info()[1]):
        return unavailable_response()
    return None


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            logger.warning("database unavailable: %s answered with 503", request.path)
            return unavailable_response()
        return None
