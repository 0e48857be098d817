"""Who may see and change what in governance.

Public: bodies, memberships, public meetings with their public agenda items, public
papers and documents. Internal documents, non-public meetings, agenda items and papers,
and a body's workspace are for the body's members and the coordinators only. Membership
means a current ``Membership`` of the ``Person`` linked to the account — a role alone
(say "council") does not open a body's non-public items.

The coordinators run the formal side ("Betreuung Entscheidungsebene (Beschlussfassung)"):
they keep bodies, people, meetings, papers and decisions. Members add documents and
findings to their body's workspace. Matrix: tests/test_permissions.py."""

import rules
from django.utils import timezone

from stadtdach.accounts.permissions import is_coordinator


def member_body_ids(user) -> frozenset[int]:
    """The bodies the account currently belongs to (1 query, then cached on the user)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_governance_body_ids", None)
    if cached is None:
        cached = frozenset(member_bodies(user))
        user._governance_body_ids = cached
    return cached


def member_bodies(user):
    """The keys of the bodies the account currently belongs to, as a query (a subquery
    of the filter that uses it costs no query of its own)."""
    from django.db.models import Q

    from stadtdach.governance.models import Membership

    today = timezone.localdate()
    return (
        Membership.objects.filter(person__user=user, person__deleted_at__isnull=True)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .values_list("body_id", flat=True)
    )


def _body_of(obj):
    """The body an object belongs to, for the membership check."""
    if obj is None:
        return None
    for attribute in ("body_id",):
        if hasattr(obj, attribute):
            return getattr(obj, attribute)
    return getattr(obj, "pk", None)


@rules.predicate
def is_member(user, obj) -> bool:
    """A current member of the body (``obj`` is a Body, or has a ``body``)."""
    body_id = _body_of(obj)
    return body_id is not None and body_id in member_body_ids(user)


insider = is_coordinator | is_member

rules.add_perm("governance.view_internal", insider)  # obj: a body
rules.add_perm("governance.add_document", insider)  # obj: a body
rules.add_perm("governance.change_document", is_coordinator)
rules.add_perm("governance.delete_document", is_coordinator)
rules.add_perm("governance.add_bodyfinding", insider)  # obj: a body
rules.add_perm("governance.change_bodyfinding", insider)  # obj: a finding
rules.add_perm("governance.manage", is_coordinator)
