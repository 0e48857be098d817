"""Template helpers used on every page."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stadtdach.core.text import plain_to_html

register = template.Library()

LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}


# The town's content is written in German. On pages in another language it is marked
# as German, so that screen readers pronounce it correctly (WCAG 2.1, 3.1.2).
CONTENT_LANGUAGE = "de"


def _foreign() -> bool:
    return (get_language() or CONTENT_LANGUAGE) != CONTENT_LANGUAGE


@register.filter
def plaintext(value: str):
    """Staff-entered text with paragraphs and "- " lists, escaped."""
    html = plain_to_html(value)
    if html and _foreign():
        return format_html('<div lang="{}">{}</div>', CONTENT_LANGUAGE, html)
    return html


@register.filter
def de(value):
    """Content of the town (German) inside a page in another language."""
    if value in (None, "") or not _foreign():
        return value
    return mark_safe(  # noqa: S308 - the value is escaped here
        f'<span lang="{CONTENT_LANGUAGE}">{conditional_escape(value)}</span>'
    )


@register.inclusion_tag("core/partials/sample_badge.html")
def sample_badge(obj):
    """Marks sample data: the whole record, or the parts its sample note names."""
    return {"is_sample": getattr(obj, "is_sample", False), "note": getattr(obj, "sample_note", "")}


def _in_language(path: str, code: str) -> str:
    """This page's address in another language. German pages carry no prefix, English
    ones /en/, and the addresses themselves are not translated (config/urls.py), so the
    prefix is all that changes; elsewhere Django's translate_url resolves the address."""
    if get_script_prefix() != "/":
        return translate_url(path, code)
    german = path[3:] if path.startswith("/en/") else path
    return german if code == settings.LANGUAGE_CODE else f"/{code}{german}"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Links to this page in every language; plain links work without JavaScript."""
    request = context["request"]
    current = get_language()
    links = []
    for code, name in LANGUAGE_NAMES.items():
        url = _in_language(request.path, code)
        if request.GET:
            url = f"{url}?{request.GET.urlencode()}"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def url_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def euro(value):
    """1234567.5 → "1.234.567,50 €" (German grouping, exact decimals)."""
    if value is None:
        return ""
    quantised = f"{value:,.2f}"
    return quantised.replace(",", "X").replace(".", ",").replace("X", ".") + "\u00a0€"


@register.simple_tag(takes_context=True)
def panels(context, slot: str, obj):
    """Render the panels of other apps for this object (see core.panels)."""
    from stadtdach.core.caching import fragments
    from stadtdach.core.panels import panels_for

    request = context.get("request")
    parts = []
    for panel in panels_for(slot, request, obj):

        def panel_context(panel=panel):
            return {**panel.data(), "object": obj}

        if panel.cache_key is None:
            parts.append(render_to_string(panel.template, panel_context(), request))
        else:
            name = f"panel:{panel.template}"
            parts.append(
                fragments.render(request, name, panel.template, panel_context, *panel.cache_key)
            )
    return mark_safe("".join(parts))  # noqa: S308 - rendered templates, escaped there
