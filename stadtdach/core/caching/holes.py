"""Per-visitor values inside stored pages and fragments: the CSRF token of each form and
the one-time token of each create form (core.forms: a second submit of the same token
is a double click). What is stored holds placeholders instead; each time it is served,
this visitor's values go in, and the CSRF cookie when they have none yet.

Templates write CSRF tokens only with ``{% csrf_token %}`` (a test checks it), which
renders the one form these patterns know. A bound form (with what someone typed) must
never be stored: it is personal, not a placeholder."""

import re
import uuid

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware, get_token

CSRF = "__stadtdach_csrf_token__"
FORM_TOKEN = "__stadtdach_form_token__"  # noqa: S105 - a placeholder, not a secret
_CSRF_VALUE = r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")'
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_FORM_TOKEN_VALUE = r'(name="form_token" value=")' + _UUID + r'(")'
_PATTERNS = {
    str: (re.compile(_CSRF_VALUE), re.compile(_FORM_TOKEN_VALUE), CSRF, FORM_TOKEN),
    bytes: (
        re.compile(_CSRF_VALUE.encode()),
        re.compile(_FORM_TOKEN_VALUE.encode()),
        CSRF.encode(),
        FORM_TOKEN.encode(),
    ),
}
_csrf = CsrfViewMiddleware(lambda request: None)


def _patterns(content) -> tuple:
    return _PATTERNS[bytes if isinstance(content, bytes) else str]


def punch(content):
    """The text (str or bytes) with placeholders where this visitor's values were."""
    csrf, form, csrf_hole, form_hole = _patterns(content)
    glue = content[:0]
    content = csrf.sub(lambda m: glue.join((m.group(1), csrf_hole, m.group(2))), content)
    return form.sub(lambda m: glue.join((m.group(1), form_hole, m.group(2))), content)


def has_holes(content) -> bool:
    _csrf_re, _form_re, csrf_hole, form_hole = _patterns(content)
    return csrf_hole in content or form_hole in content


def allowed_cookies() -> set[str]:
    """The only cookie a stored page may set: the CSRF cookie, set anew on every hit."""
    return {settings.CSRF_COOKIE_NAME}


def fill(request, content):
    """This visitor's values in the placeholders (str or bytes)."""
    _csrf_re, _form_re, csrf_hole, form_hole = _patterns(content)
    encode = (lambda text: text.encode()) if isinstance(content, bytes) else str
    if csrf_hole in content:
        if "CSRF_COOKIE" not in request.META:  # served before the CSRF middleware ran
            _csrf.process_request(request)
        parts = content.split(csrf_hole)
        content = parts[0] + content[:0].join(
            encode(get_token(request)) + part for part in parts[1:]
        )
    if form_hole in content:
        parts = content.split(form_hole)
        content = parts[0] + content[:0].join(
            encode(str(uuid.uuid4())) + part for part in parts[1:]
        )
    return content


def set_cookie(request, response) -> None:
    """The CSRF cookie for a visitor served before the CSRF middleware ran."""
    _csrf.process_response(request, response)
