"""Text helpers: German-aware slugs, and plain text with paragraphs and lists as safe HTML."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slugify(value: str, max_length: int = 80) -> str:
    """``Größe & Förderung`` → ``groesse-foerderung`` (slugify alone would drop umlauts)."""
    slug = slugify(value.translate(_GERMAN))[:max_length].strip("-")
    return slug or "eintrag"


_BULLET = re.compile(r"^\s*[-*•]\s+")


def plain_to_html(text: str) -> SafeString:
    """Render staff-entered plain text: blank lines separate paragraphs, lines that start
    with "- " form a list. Everything is escaped; no HTML from users reaches the page."""
    blocks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    html: list[str] = []
    for block in blocks:
        if not block.strip():
            continue
        lines = [line for line in block.split("\n") if line.strip()]
        if all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{escape(_BULLET.sub('', line))}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(escape(line.strip()) for line in lines) + "</p>")
    return mark_safe("".join(html))  # noqa: S308 - every piece above is escaped
