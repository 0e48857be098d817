"""OParl 1.1 under /oparl/v1/ (mounted without language prefix in config/urls.py).
Anything else under /oparl/v1/ answers with a JSON 404."""

from django.urls import path, re_path

from stadtdach.governance.oparl import views
from stadtdach.governance.oparl.kinds import KINDS

app_name = "oparl"

# The external lists of a Body, by their address segment.
LISTS = {
    "organizations": "organization",
    "persons": "person",
    "memberships": "membership",
    "legislative-terms": "legislative_term",
    "meetings": "meeting",
    "agenda-items": "agenda_item",
    "papers": "paper",
    "consultations": "consultation",
    "files": "file",
    "locations": "location",
}
# The object addresses, by kind.
SEGMENTS = {
    "organization": "organization",
    "person": "person",
    "membership": "membership",
    "legislative_term": "legislativeterm",
    "meeting": "meeting",
    "agenda_item": "agendaitem",
    "paper": "paper",
    "consultation": "consultation",
    "file": "file",
    "location": "location",
}
assert set(SEGMENTS) == set(KINDS) == set(LISTS.values())

urlpatterns = [
    path("system", views.system, name="system"),
    path("bodies", views.body_list, name="bodies"),
    path("body/<int:pk>", views.body, name="body"),
    *[
        path(
            f"body/<int:pk>/{segment}",
            views.object_list,
            {"kind": kind},
            name=f"body_{segment.replace('-', '_')}",
        )
        for segment, kind in LISTS.items()
    ],
    *[
        path(f"{segment}/<int:pk>", views.object_detail, {"kind": kind}, name=kind)
        for kind, segment in SEGMENTS.items()
    ],
    re_path(r"^.*$", views.not_found),
]
