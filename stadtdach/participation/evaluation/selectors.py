"""Reads of the evaluation: the filtered contributions, the suggestion models, groups of
similar contributions and the statistics. Every function makes a fixed number of queries,
whatever the number of contributions (tests/test_evaluation_pages.py)."""

import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from stadtdach.participation.evaluation import suggest
from stadtdach.participation.models import (
    Channel,
    Contribution,
    ContributionStatus,
    ParticipationProcess,
    Visibility,
)
from stadtdach.participation.similarity import terms
from stadtdach.strategy.models import ActionField, CrossCuttingTheme, Goal, Measure, SwotEntry

# Groups of similar contributions are formed among the latest this many of the filter.
CLUSTER_LIMIT = 400
CLUSTER_THRESHOLD = 0.35
UNASSIGNED = "ohne"


@dataclass
class Filters:
    process: str = ""  # slug
    action_field: str = ""  # slug, or UNASSIGNED
    status: str = ""
    channel: str = ""

    @property
    def query(self) -> dict[str, str]:
        return {
            k: v
            for k, v in {
                "verfahren": self.process,
                "handlungsfeld": self.action_field,
                "status": self.status,
                "kanal": self.channel,
            }.items()
            if v
        }


def filters_from(params) -> Filters:
    def value(name, allowed=None):
        raw = str(params.get(name, "")).strip()[:80]
        return raw if allowed is None or raw in allowed else ""

    return Filters(
        process=value("verfahren"),
        action_field=value("handlungsfeld"),
        status=value("status", ContributionStatus.values),
        channel=value("kanal", Channel.values),
    )


def contributions(filters: Filters) -> QuerySet[Contribution]:
    """Every contribution the evaluation looks at: published and hidden ones (pending
    ones wait for the moderation), newest first."""
    rows = Contribution.objects.exclude(visibility=Visibility.PENDING)
    if filters.process:
        rows = rows.filter(process__slug=filters.process)
    if filters.action_field == UNASSIGNED:
        rows = rows.filter(action_field__isnull=True)
    elif filters.action_field:
        rows = rows.filter(action_field__slug=filters.action_field)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    return rows


def listed(rows: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """With what a row of the list shows (1 query + 1 for the themes of a page)."""
    return rows.select_related("process", "action_field", "target_group").prefetch_related(
        Prefetch("themes", queryset=CrossCuttingTheme.objects.only("pk", "name", "short_name"))
    )


def action_fields() -> list[ActionField]:
    return list(ActionField.objects.order_by("order", "pk"))


def themes() -> list[CrossCuttingTheme]:
    return list(CrossCuttingTheme.objects.order_by("order", "pk"))


def processes() -> list[ParticipationProcess]:
    return list(ParticipationProcess.objects.order_by("-starts_at").only("slug", "title"))


def field_model(fields: list[ActionField] | None = None) -> suggest.Model:
    """The suggestion model (4 queries: goals, measures, SWOT, assigned contributions;
    plus 1 when ``fields`` is not given)."""
    fields = action_fields() if fields is None else fields
    learned = (
        Contribution.objects.filter(action_field__isnull=False)
        .exclude(visibility=Visibility.PENDING)
        .order_by("-pk")
        .values_list("action_field_id", "title", "text")[: suggest.LEARNED_TOTAL]
    )
    return suggest.field_model(
        fields,
        goals=Goal.objects.only("action_field_id", "title"),
        measures=Measure.objects.only("action_field_id", "title", "description"),
        swot=SwotEntry.objects.only("action_field_id", "text"),
        learned=[(f, f"{t} {x}") for f, t, x in learned],
    )


def suggestions_for(rows, model: suggest.Model) -> dict[int, list[suggest.Suggestion]]:
    return {c.pk: model.rank(f"{c.title} {c.text}", limit=3) for c in rows}


# Groups of similar contributions ----------------------------------------------------------


@dataclass
class Group:
    members: list = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    bags = [Counter(terms(t)) for t in texts]
    frequency: Counter = Counter()
    for bag in bags:
        frequency.update(bag.keys())
    total = len(bags)
    idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in frequency.items()}
    vectors = []
    for bag in bags:
        vector = {t: n * idf[t] for t, n in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def groups(rows: QuerySet[Contribution], *, threshold: float = CLUSTER_THRESHOLD) -> list[Group]:
    """Groups of two or more similar contributions among the latest ``CLUSTER_LIMIT`` of
    the filter (1 query): the same TF-IDF cosine as ``similarity.similar``; a contribution
    joins the first group whose first member it resembles, else starts a group."""
    latest = list(rows.order_by("-pk").only("pk", "title", "text", "status")[:CLUSTER_LIMIT])
    vectors = _vectors([f"{c.title} {c.text}" for c in latest])
    found: list[tuple[dict, Group]] = []
    for contribution, vector in zip(latest, vectors, strict=True):
        if not vector:
            continue
        for leader, group in found:
            if _cosine(vector, leader) >= threshold:
                group.members.append(contribution)
                break
        else:
            found.append((vector, Group([contribution], _top_words(vector))))
    result = [g for _, g in found if len(g.members) > 1]
    result.sort(key=lambda g: -len(g.members))
    return result


def _top_words(vector: dict[str, float], n: int = 4) -> list[str]:
    return [t for t, _ in sorted(vector.items(), key=lambda kv: -kv[1])[:n]]


# Statistics ---------------------------------------------------------------------------


@dataclass
class Statistics:
    total: int
    assigned: int
    by_target_group: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    by_action_field: list[tuple[str, int]]
    by_status: list[tuple[str, int]]


def statistics(rows: QuerySet[Contribution]) -> Statistics:
    """Counts by target group, channel, action field and status (4 grouped queries)."""
    rows = rows.order_by()
    by_group = rows.values("target_group__name").annotate(n=Count("pk")).order_by("-n")
    by_channel = rows.values("channel").annotate(n=Count("pk")).order_by("-n")
    by_field = (
        rows.values("action_field__name", "action_field__order")
        .annotate(n=Count("pk"))
        .order_by("action_field__order", "action_field__name")
    )
    by_status = rows.values("status").annotate(n=Count("pk"))
    channels = dict(Channel.choices)
    statuses = dict(ContributionStatus.choices)
    fields = [(r["action_field__name"], r["n"]) for r in by_field]
    none = "–"
    status_rows = {r["status"]: r["n"] for r in by_status}
    return Statistics(
        total=sum(n for _, n in fields),
        assigned=sum(n for name, n in fields if name),
        by_target_group=[(r["target_group__name"] or none, r["n"]) for r in by_group],
        by_channel=[(str(channels.get(r["channel"], r["channel"])), r["n"]) for r in by_channel],
        by_action_field=[(name or none, n) for name, n in fields],
        by_status=[(str(statuses[s]), status_rows[s]) for s in statuses if s in status_rows],
    )


def export_rows(rows: QuerySet[Contribution]):
    """Every contribution of the filter with its evaluation, in chunks (2 queries per
    2,000 rows: the rows and their themes)."""
    return (
        rows.select_related("process", "action_field", "target_group")
        .prefetch_related(Prefetch("themes", queryset=CrossCuttingTheme.objects.only("name")))
        .order_by("pk")
        .iterator(chunk_size=2000)
    )


def has_contributions() -> bool:
    return Contribution.objects.filter(~Q(visibility=Visibility.PENDING)).exists()
