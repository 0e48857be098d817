"""Reads of the participation app. Each selector fetches what its page shows in a fixed
number of queries, however many contributions there are (tests/test_query_budgets.py)."""

import functools
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from stadtdach.accounts.permissions import is_coordinator
from stadtdach.core.caching import entries
from stadtdach.core.counts import counts
from stadtdach.participation import permissions
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import (
    Comment,
    Contribution,
    ContributionStatus,
    ParticipationProcess,
    ProcessState,
    Report,
    Subscription,
    TargetGroup,
    Visibility,
)

# Pages that list contributions show this many per page.
PAGE_SIZE = 20
# Comments shown on a contribution's or measure's page (oldest first); more are paged.
COMMENTS_PAGE_SIZE = 50


def count_of(model, field_name: str, *, extra: Q | None = None, **filters) -> Subquery:
    """A correlated count of ``model`` rows whose ``field_name`` is the outer row (one
    sub-select per row instead of joins that multiply); ``extra``/``filters`` narrow it."""
    rows = model.objects.filter(**{field_name: OuterRef("pk")}, **filters)
    if extra is not None:
        rows = rows.filter(extra)
    counted = rows.order_by().values(field_name).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_counts(queryset: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """Contributions with ``support_count`` and ``comment_count`` (published comments)."""
    return queryset.annotate(
        support_count=count_of(Support, "contribution"),
        comment_count=count_of(Comment, "contribution", extra=Q(visibility=Visibility.PUBLISHED)),
    )


def visibility_class(user) -> str:
    """Which processes the user sees, as a word: everyone in a class sees the same."""
    if is_coordinator(user):
        return "all"
    return "internal" if permissions.internal_participant(user) else "public"


def visible_processes(user) -> QuerySet[ParticipationProcess]:
    """Processes the user may see: published public ones; internal ones for their
    participants; everything for the coordination."""
    processes = ParticipationProcess.objects.all()
    if is_coordinator(user):
        return processes
    processes = processes.filter(is_published=True)
    if not permissions.internal_participant(user):
        processes = processes.filter(audience=ParticipationProcess.Audience.PUBLIC)
    return processes


@dataclass
class Overview:
    sections: dict[str, list[ParticipationProcess]]
    phases: list
    target_groups: list[TargetGroup]
    counts: dict[int, int] = field(default_factory=dict)


def overview(user, *, phase: str = "", target_group: str = "") -> Overview:
    """Processes by state (open, upcoming, closed; drafts for the coordination), with
    their published contribution counts, filtered by phase and target group (5 queries:
    processes, their target groups, counts, phases, target groups)."""
    from stadtdach.process.models import Phase

    processes = visible_processes(user).select_related("phase", "draft_stage")
    if phase:
        processes = processes.filter(phase__slug=phase)
    if target_group:
        processes = processes.filter(target_groups__slug=target_group)
    processes = list(processes.prefetch_related("target_groups").distinct())
    counts = dict(
        Contribution.objects.filter(
            process__in=[p.pk for p in processes], visibility=Visibility.PUBLISHED
        )
        .order_by()
        .values_list("process")
        .annotate(n=Count("pk"))
    )
    now = timezone.now()
    sections: dict[str, list[ParticipationProcess]] = {s.value: [] for s in ProcessState}
    for process in processes:
        process.contribution_count = counts.get(process.pk, 0)
        sections[process.state(now)].append(process)
    sections[ProcessState.OPEN].sort(key=lambda p: p.ends_at)
    sections[ProcessState.UPCOMING].sort(key=lambda p: p.starts_at)
    phases = list(
        Phase.objects.filter(participation_processes__isnull=False)
        .select_related("edition")
        .distinct()
        .order_by("edition", "order", "pk")
    )
    return Overview(sections, phases, list(TargetGroup.objects.all()), counts)


def process_detail(slug: str, user) -> ParticipationProcess:
    """One process with its phase, draft stage, coordinator and target groups (2 queries
    when built, then kept in the fragment cache); 404 when it does not exist or the user
    may not see it."""
    process = entries.get_or_compute(
        f"process:{slug}",
        lambda: (
            ParticipationProcess.objects.select_related("phase", "draft_stage", "coordinator")
            .prefetch_related("target_groups")
            .filter(slug=slug)
            .first()
        ),
    )
    if process is None or not user.has_perm("participation.view_process", process):
        raise Http404
    return process


def may_see_contribution(user, contribution: Contribution) -> bool:
    """Published and hidden ones (with the reason) are public; pending ones only for the
    author and the moderation."""
    if contribution.visibility != Visibility.PENDING:
        return True
    return contribution.is_by(user) or user.has_perm("participation.moderate")


def contribution_detail(pk: int, user) -> Contribution:
    """A contribution with its process, author, what it answers, its support count and
    the number of listed comments (``support_count``, ``listed_comment_count``), and what
    the user did here (``viewer_supports``, ``viewer_pending_comment``). The shared part
    is kept in the fragment cache (1 query when built); the user's part is 1 query for
    logged-in users. Themes, status history, goals, measures, images and comments are
    read by the page's fragments when they are built."""
    contribution = entries.get_or_compute(f"contribution:{int(pk)}", lambda: _contribution(pk))
    if contribution is None or not user.has_perm(
        "participation.view_process", contribution.process
    ):
        raise Http404
    contribution.viewer_supports, contribution.viewer_pending_comment = _viewer_state(
        user, contribution
    )
    if not may_see_contribution(user, contribution):
        raise Http404
    return contribution


def _contribution(pk: int) -> Contribution | None:
    listed = Q(visibility__in=[Visibility.PUBLISHED, Visibility.HIDDEN])
    return (
        Contribution.objects.annotate(
            support_count=count_of(Support, "contribution"),
            listed_comment_count=count_of(Comment, "contribution", extra=listed),
        )
        .select_related(
            "process",
            "process__phase",
            "author",
            "action_field",
            "target_group",
            "named_place",
            # What the contribution answers, by format (reverse one-to-one: joined).
            "draft_comment__paragraph__draft",
            "survey_answer__question__survey",
            "offline_result__event",
        )
        .filter(pk=pk)
        .first()
    )


def _viewer_state(user, contribution: Contribution) -> tuple[bool, bool]:
    """(supports it, has a comment on it awaiting moderation): 1 query, none for visitors.
    Written as SQL: on every logged-in idea page, building it through the ORM cost more
    than running it."""
    if not user.is_authenticated:
        return False, False
    pk, user_pk = contribution.pk, user.pk
    with connection.cursor() as cursor:
        cursor.execute(_viewer_state_sql(), [pk, user_pk, pk, user_pk, Visibility.PENDING.value])
        supports, pending = cursor.fetchone()
    return bool(supports), bool(pending)


@functools.cache
def _viewer_state_sql() -> str:
    q = connection.ops.quote_name

    def column(model, name):
        return q(model._meta.get_field(name).column)

    return (
        f"SELECT EXISTS(SELECT 1 FROM {q(Support._meta.db_table)} "  # noqa: S608 - names only
        f"WHERE {column(Support, 'contribution')} = %s AND {column(Support, 'user')} = %s), "
        f"EXISTS(SELECT 1 FROM {q(Comment._meta.db_table)} "
        f"WHERE {column(Comment, 'contribution')} = %s AND {column(Comment, 'author')} = %s "
        f"AND {column(Comment, 'visibility')} = %s)"
    )


def feedback_of(contribution: Contribution) -> dict:
    """What became of it: its status history and the goals and measures it fed, as
    querysets read only when the page's feedback fragment is built (3 queries)."""
    return {
        "status_changes": contribution.status_changes.all(),
        "goals": contribution.goals.select_related("action_field"),
        "measures": contribution.measures.select_related("action_field").only(*_MEASURE_FIELDS),
    }


def _goals():
    from stadtdach.strategy.models import Goal

    return Goal.objects.select_related("action_field")


def _measures():
    from stadtdach.strategy.models import Measure

    return Measure.objects.select_related("action_field").only(*_MEASURE_FIELDS)


_MEASURE_FIELDS = (
    "pk",
    "code",
    "title",
    "status",
    "is_sample",
    "action_field__name",
    "action_field__slug",
)


def public_comments(*, contribution=None, measure=None, user=None) -> QuerySet[Comment]:
    """Published and hidden comments (hidden ones show their reason), plus the user's own
    pending ones; with their authors (1 query per page)."""
    comments = Comment.objects.select_related("author")
    comments = (
        comments.filter(contribution=contribution)
        if contribution is not None
        else comments.filter(measure=measure)
    )
    visible = Q(visibility__in=[Visibility.PUBLISHED, Visibility.HIDDEN])
    if user is not None and user.is_authenticated:
        visible |= Q(author=user, visibility=Visibility.PENDING)
    return comments.filter(visible).order_by("created", "pk")


def has_supported(user, contribution: Contribution) -> bool:
    if not user.is_authenticated:
        return False
    known = getattr(contribution, "viewer_supports", None)  # annotated by the selector
    if known is not None:
        return bool(known)
    return Support.objects.filter(contribution=contribution, user=user).exists()


def subscriptions_of(user) -> list[Subscription]:
    return list(
        Subscription.objects.filter(user=user).select_related("process", "action_field", "measure")
    )


def subscription_for(user, **target) -> Subscription | None:
    if not user.is_authenticated:
        return None
    return Subscription.objects.filter(user=user, **target).first()


def contributions_of(user) -> QuerySet[Contribution]:
    """The user's own contributions, newest first, with what their pages list show."""
    return (
        with_counts(Contribution.objects.filter(author=user))
        .select_related("process", "action_field")
        .prefetch_related(Prefetch("measures", queryset=_measures()))
        .order_by("-created", "-pk")
    )


# The moderation queue shows the oldest entries of each kind; what is done makes room.
QUEUE_SHOWN = 50


@dataclass
class ModerationQueue:
    contributions: list[Contribution]
    comments: list[Comment]
    contribution_total: int
    comment_total: int


def moderation_queue(*, process_slug: str = "") -> ModerationQueue:
    """What waits for the moderation: pending contributions and comments, and published
    ones with open reports, the oldest QUEUE_SHOWN of each kind with their totals
    (6 queries: each kind's rows, open reports and total)."""
    open_reports = Prefetch(
        "reports", queryset=Report.objects.filter(resolution=Report.Resolution.OPEN)
    )
    waiting = Q(visibility=Visibility.PENDING) | Q(
        pk__in=Report.objects.filter(resolution=Report.Resolution.OPEN).values("contribution")
    )
    contributions = Contribution.objects.filter(waiting)
    waiting_comments = Q(visibility=Visibility.PENDING) | Q(
        pk__in=Report.objects.filter(resolution=Report.Resolution.OPEN).values("comment")
    )
    comments = Comment.objects.filter(waiting_comments)
    if process_slug:
        contributions = contributions.filter(process__slug=process_slug)
        comments = comments.filter(contribution__process__slug=process_slug)
    shown_contributions = (
        contributions.select_related("process", "author")
        .prefetch_related(open_reports)
        .order_by("created", "pk")[:QUEUE_SHOWN]
    )
    shown_comments = (
        comments.select_related("author", "contribution", "measure")
        .prefetch_related(open_reports)
        .order_by("created", "pk")[:QUEUE_SHOWN]
    )
    return ModerationQueue(
        list(shown_contributions), list(shown_comments), contributions.count(), comments.count()
    )


def measure_contributions(measure, *, limit: int = 10) -> tuple[list[Contribution], int]:
    """The published contributions that fed a measure (1 query: the page carries their
    number as a window count)."""
    rows = list(
        Contribution.objects.filter(measures=measure, visibility=Visibility.PUBLISHED)
        .select_related("process", "author")
        .annotate(_total=Window(Count("pk")))
        .order_by("-created", "-pk")[:limit]
    )
    return rows, (rows[0]._total if rows else 0)


def field_contributions(action_field, *, limit: int = 5) -> tuple[list[Contribution], int]:
    """The newest published contributions of public processes in an action field (2
    queries: page and count)."""
    rows = (
        Contribution.objects.filter(
            action_field=action_field,
            visibility=Visibility.PUBLISHED,
            process__is_published=True,
            process__audience=ParticipationProcess.Audience.PUBLIC,
        )
        .select_related("process")
        .order_by("-created", "-pk")
    )
    return list(rows[:limit]), rows.count()


def work_counts() -> tuple[int, int]:
    """(items waiting for the moderation, published contributions still without an
    answer): 1 query."""
    waiting = Q(visibility=Visibility.PENDING) | Q(reports__resolution=Report.Resolution.OPEN)
    n = counts(
        contributions=Contribution.objects.filter(waiting).distinct(),
        comments=Comment.objects.filter(waiting).distinct(),
        unanswered=Contribution.objects.filter(
            visibility=Visibility.PUBLISHED, status=ContributionStatus.RECEIVED
        ),
    )
    waiting, unanswered = n["contributions"] + n["comments"], n["unanswered"]
    return waiting, unanswered


def open_processes(user, *, limit: int = 3) -> list[ParticipationProcess]:
    now = timezone.now()
    return list(
        visible_processes(user)
        .filter(is_published=True, starts_at__lte=now, ends_at__gte=now)
        .order_by("ends_at", "pk")[:limit]
    )
