"""Per-visitor values inside a stored page: the CSRF token of each form and the one-time
token of each create form (core.forms: a second submit of the same token is a double
click). A stored page holds placeholders instead; each visitor served from the cache gets
their own values, and a CSRF cookie when they have none yet.

Templates write CSRF tokens only with ``{% csrf_token %}`` (a test checks it), which
renders the one form these patterns know."""

import re
import uuid

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware, get_token

CSRF = b"__stadtdach_csrf_token__"
FORM_TOKEN = b"__stadtdach_form_token__"
_CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
_FORM_TOKEN_VALUE = re.compile(
    rb'(name="form_token" value=")[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(")'
)
_csrf = CsrfViewMiddleware(lambda request: None)


def punch(content: bytes) -> bytes:
    """The page with placeholders where this visitor's values were."""
    content = _CSRF_VALUE.sub(rb"\1" + CSRF + rb"\2", content)
    return _FORM_TOKEN_VALUE.sub(rb"\1" + FORM_TOKEN + rb"\2", content)


def has_holes(content: bytes) -> bool:
    return CSRF in content or FORM_TOKEN in content


def allowed_cookies() -> set[str]:
    """The only cookie a stored page may set: the CSRF cookie, set anew on every hit."""
    return {settings.CSRF_COOKIE_NAME}


def fill(request, content: bytes, response) -> bytes:
    """This visitor's values in the placeholders; the CSRF cookie on ``response``."""
    if CSRF in content:
        _csrf.process_request(request)  # reads the visitor's cookie, if any
        parts = content.split(CSRF)
        content = parts[0] + b"".join(get_token(request).encode() + part for part in parts[1:])
    if FORM_TOKEN in content:
        parts = content.split(FORM_TOKEN)
        content = parts[0] + b"".join(str(uuid.uuid4()).encode() + part for part in parts[1:])
    return content


def set_cookie(request, response) -> None:
    _csrf.process_response(request, response)
