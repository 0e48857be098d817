"""Who sees which governance records. One place, used by pages, search, feeds, panels and
the OParl API, so that non-public items cannot leak through a side door.

A ``Viewer`` is worked out once per request (at most 2 queries: the account's roles and
its current memberships) and turns into ``Q`` filters:

- a meeting is visible when it is public, or the viewer belongs to its body;
- an agenda item when its meeting is visible and it is public, or the viewer belongs to
  the meeting's body;
- a paper when it is public, or the viewer belongs to a body that submitted or consults it;
- a document when it is public and everything it hangs on is visible, or the viewer
  belongs to the document's body;
- coordinators see everything; the anonymous public sees only public records.

``Viewer.public()`` is the view of the anonymous public (OParl, public feeds)."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from stadtdach.accounts.permissions import is_coordinator
from stadtdach.governance.permissions import member_bodies, member_body_ids


@dataclass(frozen=True)
class Viewer:
    sees_all: bool
    body_ids: frozenset[int]

    @classmethod
    def for_user(cls, user) -> "Viewer":
        if user is None or not user.is_authenticated:
            return cls.public()
        if is_coordinator(user):  # sees everything: the memberships do not matter
            return cls(True, frozenset())
        return cls(False, member_body_ids(user))

    @classmethod
    def for_filters(cls, user) -> "Viewer":
        """Like ``for_user``, but a member's bodies stay a subquery of the filters below
        (no query of their own, for a page that filters once). Only for the filters:
        ``is_insider``, ``cache_key`` and ``is_public`` need ``for_user``."""
        if (
            user is None
            or not user.is_authenticated
            or hasattr(user, "_governance_body_ids")
            or is_coordinator(user)
        ):
            return cls.for_user(user)
        return cls(False, member_bodies(user))

    @classmethod
    def public(cls) -> "Viewer":
        return cls(False, frozenset())

    def is_insider(self, body_id: int | None) -> bool:
        return self.sees_all or (body_id is not None and body_id in self.body_ids)

    @property
    def cache_key(self) -> tuple:
        """Everyone with the same key sees the same meetings, papers and documents."""
        return (self.sees_all, tuple(sorted(self.body_ids)))

    @property
    def is_public(self) -> bool:
        return not self.sees_all and not self.body_ids

    # Filters, with the path from the filtered model to the record they check.

    def meetings(self, prefix: str = "") -> Q:
        if self.sees_all:
            return Q()
        return Q(**{f"{prefix}is_public": True}) | Q(**{f"{prefix}body_id__in": self.body_ids})

    def agenda_items(self, prefix: str = "") -> Q:
        if self.sees_all:
            return Q()
        meeting_public = Q(**{f"{prefix}meeting__is_public": True})
        item_public = Q(**{f"{prefix}is_public": True})
        member = Q(**{f"{prefix}meeting__body_id__in": self.body_ids})
        return (meeting_public & item_public) | member

    def papers(self, prefix: str = "") -> Q:
        if self.sees_all:
            return Q()
        condition = Q(**{f"{prefix}is_public": True})
        if not isinstance(self.body_ids, frozenset) or self.body_ids:  # a subquery or keys
            from stadtdach.governance.models import Consultation

            consulted = Consultation.objects.filter(
                paper_id=OuterRef(f"{prefix}pk"), body_id__in=self.body_ids
            )
            condition |= Q(**{f"{prefix}originator_id__in": self.body_ids}) | Exists(consulted)
        return condition

    def documents(self) -> Q:
        if self.sees_all:
            return Q()
        member_meeting = Q(meeting__body_id__in=self.body_ids)
        parents_visible = (
            (Q(meeting__isnull=True) | Q(meeting__is_public=True) | member_meeting)
            & (
                Q(agenda_item__isnull=True)
                | (Q(agenda_item__is_public=True) & Q(agenda_item__meeting__is_public=True))
                | Q(agenda_item__meeting__body_id__in=self.body_ids)
            )
            & (Q(paper__isnull=True) | Q(paper__is_public=True))
        )
        return (Q(is_public=True) & parents_visible) | Q(body_id__in=self.body_ids)
