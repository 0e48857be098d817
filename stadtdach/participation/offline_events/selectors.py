"""Reads of offline events, each in a fixed number of queries."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404

from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.offline_events.models import Attendance, EventResult, OfflineEvent


def _annotated(events):
    results = (
        EventResult.objects.filter(
            event=OuterRef("pk"), contribution__visibility=Visibility.PUBLISHED
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    attendance = (
        Attendance.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Sum("count"))
        .values("n")
    )
    return events.annotate(
        result_count=Coalesce(Subquery(results, output_field=IntegerField()), 0),
        attendance_groups=Coalesce(Subquery(attendance, output_field=IntegerField()), 0),
    )


def events_of(process) -> list[OfflineEvent]:
    """The events of a process with their published results and attendance (1 query)."""
    return list(
        _annotated(OfflineEvent.objects.filter(process=process)).select_related("named_place")
    )


def event_detail(pk: int, user) -> OfflineEvent:
    """An event with its process, place, attendance, documents and photos (4 queries);
    404 when the user may not see the process."""
    event = (
        _annotated(OfflineEvent.objects.all())
        .select_related("process__phase", "named_place")
        .prefetch_related(
            Prefetch("attendance", queryset=Attendance.objects.select_related("target_group")),
            "documents",
            "photos",
        )
        .filter(pk=pk)
        .first()
    )
    if event is None or not user.has_perm("participation.view_process", event.process):
        raise Http404
    return event


def results_of(event: OfflineEvent) -> QuerySet[Contribution]:
    """The event's results: published ones and hidden ones (with their reason)."""
    return (
        Contribution.objects.filter(
            offline_result__event=event,
            visibility__in=[Visibility.PUBLISHED, Visibility.HIDDEN],
        )
        .select_related("action_field", "target_group")
        .order_by("created", "pk")
    )
