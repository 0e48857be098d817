"""What the reports app reads for the ISEK document's participation chapter
(docs/reports.md, "The participation summary"). Public processes only: the document is
published. Five queries, whatever the number of contributions."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.participation import formats
from stadtdach.participation.models import (
    AuthorState,
    Contribution,
    ContributionStatus,
    ParticipationProcess,
    Visibility,
)

COUNTED = ~Q(visibility=Visibility.PENDING)


def _date(value):
    return timezone.localtime(value).date() if value else None


def participation_summary(edition) -> dict:
    processes = (
        ParticipationProcess.objects.filter(
            phase__edition=edition,
            is_published=True,
            audience=ParticipationProcess.Audience.PUBLIC,
        )
        .select_related("phase")
        .annotate(
            n=Count("contributions", filter=~Q(contributions__visibility=Visibility.PENDING)),
            people=Count(
                "contributions__author",
                distinct=True,
                filter=Q(contributions__author_state=AuthorState.ACCOUNT),
            ),
        )
        .order_by("starts_at", "pk")
    )
    processes = list(processes)
    rows = Contribution.objects.filter(COUNTED, process__in=[p.pk for p in processes]).order_by()
    by_group = rows.values("target_group__name").annotate(n=Count("pk")).order_by("-n")
    by_field = (
        rows.filter(action_field__isnull=False)
        .values("action_field__name", "action_field__order")
        .annotate(n=Count("pk"))
        .order_by("action_field__order", "action_field__name")
    )
    answered = rows.filter(~Q(answer="") | ~Q(status=ContributionStatus.RECEIVED)).count()
    total = sum(p.n for p in processes)
    return {
        "processes": [
            {
                "title": p.title,
                "format": ", ".join(str(f.name) for f in formats.of_process(p)),
                "phase": p.phase.name,
                "start": _date(p.starts_at),
                "end": _date(p.ends_at),
                "contributions": p.n,
                "participants": p.people,
            }
            for p in processes
        ],
        "contributions": total,
        "with_feedback": answered,
        "by_target_group": [(r["target_group__name"] or _("not stated"), r["n"]) for r in by_group],
        "by_action_field": [(r["action_field__name"], r["n"]) for r in by_field],
        "note": _("The participation processes and contributions include sample data.")
        if any(p.is_sample for p in processes)
        else "",
    }
