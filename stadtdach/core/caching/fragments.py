"""Fragments: parts of pages kept until a table they read changes. Templates use the
tag ``{% fragment %}`` (core/templatetags/fragments.py); views use ``render`` when even
the data of the part should be read only when it is built."""

import hashlib

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from stadtdach.core.caching import entries, holes


def key(name: str, keys) -> str:
    """The cache name of a fragment: its name, the language and its keys."""
    parts = [name, get_language() or "", *(_part(k) for k in keys)]
    return "fragment:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _part(value) -> str:
    pk = getattr(value, "pk", None)
    if pk is not None:  # a model instance: its class and primary key
        return f"{type(value).__name__}:{pk}"
    return repr(value)


def cached(request, name: str, keys, build) -> SafeString:
    """``build()``'s HTML, kept as a fragment; forms in it get this visitor's tokens."""
    stored = entries.get_or_compute(key(name, keys), lambda: holes.punch(str(build())))
    html = holes.fill(request, stored) if request is not None else stored
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there


def render(request, name: str, template_name: str, context, *keys) -> SafeString:
    """``template_name`` rendered with ``context()`` (called only when the part is
    built), kept as the fragment ``name`` with ``keys``."""
    return cached(request, name, keys, lambda: render_to_string(template_name, context(), request))
