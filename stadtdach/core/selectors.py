"""Reads shared by all apps."""

from django.db.models import QuerySet

from stadtdach.core.caching import entries
from stadtdach.core.models import AuditEntry, Municipality, TextBlock

_FALLBACK = Municipality(name="Stadtdach", official_name="Stadtdach")


def municipality() -> Municipality:
    """The configured town, or a neutral placeholder before the first set-up. Every page
    shows it: kept in the fragment cache (no query while it is unchanged)."""
    return entries.get_or_compute(
        "municipality", lambda: Municipality.objects.order_by("pk").first() or _FALLBACK
    )


def audit_entries(
    *, content_type_id: int | None = None, actor_id: int | None = None, action: str | None = None
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("content_type")
    if content_type_id:
        entries = entries.filter(content_type_id=content_type_id)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    if action:
        entries = entries.filter(action=action)
    return entries


def text_blocks(*keys: str) -> dict[str, str]:
    """The texts for the given keys in one query; a missing key gives an empty text."""
    found = dict(TextBlock.objects.filter(key__in=keys).values_list("key", "text"))
    return {key: found.get(key, "") for key in keys}
