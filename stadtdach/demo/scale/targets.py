"""The records the benchmark measures, found again in any database the generator (or
only the demo) filled: ``benchmark_targets()``."""

from django.db.models import Count, Q

from stadtdach.core.models import AuditEntry
from stadtdach.demo.scale.context import CODE_PREFIX
from stadtdach.demo.scale.scales import AUDIT_LABEL, FIFTY_COMMENTS_TITLE
from stadtdach.governance.models import Authority, Meeting, Paper
from stadtdach.monitoring.models import Indicator
from stadtdach.participation.models import Contribution, ParticipationProcess, Visibility
from stadtdach.reports.models import Revision
from stadtdach.strategy.models import ActionField, Measure


def _target(obj, **extra) -> dict | None:
    if obj is None:
        return None
    return {"pk": obj.pk, "url": obj.get_absolute_url(), **extra}


def benchmark_targets() -> dict[str, dict | None]:
    """Name → {"pk", "url", and "slug" where the address uses one} (None if there is
    none). About a dozen queries.

    - ``idea``: the idea with exactly 50 comments (title ``FIFTY_COMMENTS_TITLE``); in a
      database without generated data (scale demo), the published idea with most
      comments. ``idea_list``: its process, whose page lists the ideas.
    - ``measure``: the first generated measure (SK-00001), else the edition's first.
    - ``meeting``: the generated public meeting with the most papers on its agenda,
      else the demo's latest public meeting. ``paper``: the first generated paper.
    - ``action_field``: the action field with the most measures.
    - ``indicator``, ``revision`` (the latest), ``oparl_body`` (the OParl body, whose
      ``/meetings`` and ``/papers`` lists grow with the data)."""
    idea = (
        Contribution.objects.filter(title=FIFTY_COMMENTS_TITLE, format="ideas", is_sample=True)
        .select_related("process")
        .first()
    )
    if idea is None:
        idea = (
            Contribution.objects.filter(
                format="ideas",
                visibility=Visibility.PUBLISHED,
                process__is_published=True,
                process__audience=ParticipationProcess.Audience.PUBLIC,
            )
            .annotate(n=Count("comments", filter=Q(comments__visibility=Visibility.PUBLISHED)))
            .order_by("-n", "pk")
            .select_related("process")
            .first()
        )
    measure = (
        Measure.objects.filter(code=f"{CODE_PREFIX}00001").first()
        or Measure.objects.filter(edition__is_current=True).order_by("pk").first()
    )
    field = ActionField.objects.annotate(n=Count("measures")).order_by("-n", "order", "pk").first()
    authority = Authority.objects.order_by("pk").first()
    return {
        "idea": _target(idea),
        "idea_list": _target(idea.process, slug=idea.process.slug) if idea else None,
        "measure": _target(measure),
        "meeting": _target(_meeting()),
        "paper": _target(
            Paper.objects.filter(reference__startswith=CODE_PREFIX).order_by("pk").first()
            or Paper.objects.filter(is_public=True).order_by("-date", "pk").first()
        ),
        "action_field": _target(field, slug=field.slug) if field else None,
        "indicator": _target(
            Indicator.objects.filter(code=f"{CODE_PREFIX}00001").first()
            or Indicator.objects.order_by("pk").first()
        ),
        "revision": _target(Revision.objects.order_by("-published_on", "-pk").first()),
        "oparl_body": {"pk": authority.pk, "url": f"/oparl/v1/body/{authority.pk}"}
        if authority
        else None,
    }


def _meeting():
    entry = AuditEntry.objects.filter(
        action=AuditEntry.Action.IMPORT, object_repr=AUDIT_LABEL
    ).first()
    pk = (entry.changes.get("targets") or [None, {}])[1].get("meeting") if entry else None
    meeting = Meeting.objects.filter(pk=pk).first() if pk else None
    return meeting or (
        Meeting.objects.filter(is_public=True, state=Meeting.State.HELD)
        .order_by("-start", "pk")
        .first()
        or Meeting.objects.order_by("-start", "pk").first()
    )
