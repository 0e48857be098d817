from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from stadtdach.core import selectors
from stadtdach.core.models import AuditEntry


@login_required
def audit_log(request):
    """Who changed what and when: for the coordinators."""
    if not request.user.has_perm("core.view_auditentry"):
        raise PermissionDenied

    def number(name: str) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value.isdecimal() and len(value) < 10 else None

    action = request.GET.get("aktion", "")
    action = action if action in AuditEntry.Action.values else ""
    entries = selectors.audit_entries(content_type_id=number("typ"), action=action or None)
    page = Paginator(entries, settings.STADTDACH_PAGE_SIZE * 2).get_page(request.GET.get("seite"))
    for entry in page:
        entry.rows = _change_rows(entry)
    types = ContentType.objects.filter(pk__in=AuditEntry.objects.values("content_type").distinct())
    return render(
        request,
        "core/audit_log.html",
        {
            "page": page,
            "types": types,
            "actions": AuditEntry.Action.choices,
            "selected_type": number("typ"),
            "selected_action": action,
        },
    )


def _change_rows(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """The changes of an entry with the fields' readable names."""
    model = entry.content_type.model_class() if entry.content_type else None
    rows = []
    for name, values in (entry.changes or {}).items():
        label = name
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except Exception:  # noqa: BLE001 - a field that no longer exists keeps its name
                label = name
        old, new = [*values, None, None][:2] if isinstance(values, list) else (None, values)
        rows.append((label, old, new))
    return rows
