"""Reads of the innovation fund (fixed queries)."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from stadtdach.participation.models import FundApplication, FundCall

ZERO = Decimal(0)
APPROVED = FundApplication.Status.APPROVED


def _granted():
    rows = (
        FundApplication.objects.filter(call=OuterRef("pk"), status=APPROVED)
        .order_by()
        .values("call")
        .annotate(total=Sum("amount_granted"))
        .values("total")
    )
    output = DecimalField(max_digits=14, decimal_places=2)
    return Coalesce(Subquery(rows, output_field=output), Value(ZERO), output_field=output)


def calls(user) -> QuerySet[FundCall]:
    """Published calls with ``granted`` (all of them for the coordination; 1 query)."""
    rows = FundCall.objects.annotate(granted=_granted())
    if not user.has_perm("participation.manage_fund"):
        rows = rows.filter(is_published=True)
    return rows


def call_detail(slug: str, user) -> FundCall:
    call = calls(user).filter(slug=slug).first()
    if call is None:
        raise Http404("No such call.")
    return call


def granted(call) -> Decimal:
    return FundApplication.objects.filter(call=call, status=APPROVED).aggregate(
        total=Coalesce(Sum("amount_granted"), Value(ZERO), output_field=DecimalField())
    )["total"]


def remaining(call, granted_sum: Decimal | None = None) -> Decimal:
    granted_sum = granted(call) if granted_sum is None else granted_sum
    return max(call.budget - granted_sum, ZERO)


def approved_projects(call) -> list[FundApplication]:
    return list(
        FundApplication.objects.filter(call=call, status=APPROVED).order_by("decided_at", "pk")
    )


def applications(call, *, status: str = "") -> QuerySet[FundApplication]:
    rows = FundApplication.objects.filter(call=call).select_related("applicant", "decided_by")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-created", "-pk")


def applications_of(user) -> list[FundApplication]:
    return list(
        FundApplication.objects.filter(applicant=user).select_related("call").order_by("-created")
    )


def open_review_count() -> int:
    return FundApplication.objects.filter(
        Q(status=FundApplication.Status.SUBMITTED) | Q(status=FundApplication.Status.IN_REVIEW)
    ).count()
