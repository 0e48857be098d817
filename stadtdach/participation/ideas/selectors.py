"""Reads of the idea collection."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from stadtdach.participation import similarity
from stadtdach.participation.formats import IDEAS
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.selectors import with_counts

# The duplicate check compares a new idea with at most this many recent ideas.
SIMILARITY_CANDIDATES = 2_000


@dataclass
class IdeaFilters:
    action_field: str = ""
    status: str = ""
    sort: str = "neu"

    @property
    def active(self) -> bool:
        return bool(self.action_field or self.status)


def ideas_of(process, filters: IdeaFilters, *, order: str = "-created") -> QuerySet[Contribution]:
    """The published ideas of a process with their counts and what the list shows."""
    ideas = with_counts(
        Contribution.objects.filter(
            process=process, format=IDEAS.code, visibility=Visibility.PUBLISHED
        )
    ).select_related("author", "action_field", "named_place")
    if filters.action_field:
        ideas = ideas.filter(action_field__slug=filters.action_field)
    if filters.status:
        ideas = ideas.filter(status=filters.status)
    return ideas.order_by(order, "-pk")


def action_field_queryset():
    """The action fields the current edition works with (all of them without an edition)."""
    from stadtdach.strategy.models import ActionField, Edition

    current = Edition.objects.filter(is_current=True).values("pk")[:1]
    selected = ActionField.objects.filter(
        edition_choices__edition__in=current, edition_choices__selected=True
    )
    return selected if selected.exists() else ActionField.objects.all()


def action_fields() -> list:
    return list(action_field_queryset())


def theme_queryset():
    from stadtdach.strategy.models import CrossCuttingTheme

    return CrossCuttingTheme.objects.all()


def supported_in(user, process) -> set[int]:
    """The ideas of the process the user supports (1 query, none for visitors)."""
    if not user.is_authenticated:
        return set()
    return set(
        Support.objects.filter(user=user, contribution__process=process).values_list(
            "contribution_id", flat=True
        )
    )


def similar_ideas(process, text: str, *, limit: int = 3) -> list[Contribution]:
    """Published ideas of the process that resemble ``text`` (2 queries)."""
    candidates = (
        Contribution.objects.filter(
            process=process, format=IDEAS.code, visibility=Visibility.PUBLISHED
        )
        .order_by("-created")
        .values_list("pk", "title", "text")[:SIMILARITY_CANDIDATES]
    )
    matches = similarity.similar(
        text, ((pk, f"{title} {title} {body}") for pk, title, body in candidates), limit=limit
    )
    if not matches:
        return []
    found = with_counts(Contribution.objects.filter(pk__in=[m.key for m in matches])).in_bulk()
    return [found[m.key] for m in matches if m.key in found]


def places(process) -> list[tuple[dict, str, str, str]]:
    """(GeoJSON point, title, url, status) of the published ideas with a place: the point
    set on the map, else the named place's point (1 query)."""
    rows = (
        Contribution.objects.filter(
            process=process, format=IDEAS.code, visibility=Visibility.PUBLISHED
        )
        .exclude(place__isnull=True, named_place__point__isnull=True)
        .values_list("pk", "title", "status", "place", "named_place__point")
        .order_by("pk")
    )
    return [
        (
            place or named_point,
            title,
            reverse("participation:contribution_detail", args=[pk]),
            status,
        )
        for pk, title, status, place, named_point in rows
        if place or named_point
    ]
