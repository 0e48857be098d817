"""Generated participation processes and the ideas in them, with their public history
(status changes), themes, the measures and goals they fed, and each process's resource
plan. The first idea process is the benchmark's: open now, the most ideas, and the one
idea with exactly 50 comments (comments.py writes them)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import SLUG_PREFIX, Context, allocate, heavy_tail
from stadtdach.demo.scale.scales import FIFTY_COMMENTS_TITLE
from stadtdach.participation.models import (
    AuthorState,
    Contribution,
    ContributionStatus,
    ParticipationProcess,
    ResourceEntry,
    ResourcePlan,
    StatusChange,
    Visibility,
)

S = ContributionStatus
P = ParticipationProcess
DECIDED = (S.ADOPTED, S.PARTLY_ADOPTED, S.NOT_ADOPTED)
OPEN_STATUSES = (
    (S.RECEIVED, 55),
    (S.IN_REVIEW, 30),
    (S.ADOPTED, 5),
    (S.PARTLY_ADOPTED, 4),
    (S.NOT_ADOPTED, 6),
)
CLOSED_STATUSES = (
    (S.RECEIVED, 8),
    (S.IN_REVIEW, 12),
    (S.ADOPTED, 27),
    (S.PARTLY_ADOPTED, 18),
    (S.NOT_ADOPTED, 35),
)
AREAS = ("Innenstadt", "Elbufer", "Ortsteile", "Mobilität", "Klima", "Jugend", "Wohnen", "Freizeit")
IDEAS_PURPOSE = (
    "Sammeln Sie Ideen für {area}. Jede Idee wird gelesen und beantwortet. "
    "(Skalierungsdaten: Verfahren und Beiträge sind automatisch erzeugt.)"
)


@dataclass
class Process:
    pk: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    moderation: str
    anonymous: bool
    until: datetime.datetime  # the end, or now if it is still open

    @property
    def is_open(self) -> bool:
        return self.ends_at > self.until


@dataclass
class Idea:
    pk: int
    process: Process
    created: datetime.datetime
    visibility: str
    field_id: int | None

    @property
    def open_until(self) -> datetime.datetime:
        """Comments and supports come in until the process closes (or until now)."""
        return self.process.until


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def write_processes(ctx: Context, specs: list[dict], *, label: str) -> list[Process]:
    """Write processes from specs (title, slug, formats, starts_at, ends_at and what
    differs from the defaults below), each aimed at every target group, each with a
    resource plan and a few entries of actual effort."""
    ids = ctx.writer.ids(ParticipationProcess, len(specs))
    rows, result = [], []
    for pk, spec in zip(ids, specs, strict=True):
        start = spec["starts_at"]
        phase = ctx.phases.get(
            "hauptprozess" if start.date() < datetime.date(2023, 1, 1) else "umsetzung"
        )
        rows.append(
            (
                pk,
                start - datetime.timedelta(days=14),
                phase.pk,
                spec["title"],
                spec["slug"],
                spec.get("purpose") or texts.NOTE,
                spec.get("channel", P.Channel.ONLINE),
                start,
                spec["ends_at"],
                spec.get("contributors", P.Contributors.REGISTERED),
                spec.get("moderation", P.Moderation.POST),
                spec.get("audience", P.Audience.PUBLIC),
                spec["formats"],
            )
        )
        result.append(
            Process(
                pk,
                start,
                spec["ends_at"],
                spec.get("moderation", P.Moderation.POST),
                spec.get("contributors") == P.Contributors.ANONYMOUS,
                min(spec["ends_at"], ctx.now),
            )
        )
    ctx.writer.write(
        ParticipationProcess,
        (
            "id",
            "created",
            "phase_id",
            "title",
            "slug",
            "purpose",
            "channel",
            "starts_at",
            "ends_at",
            "contributors",
            "moderation",
            "audience",
            "formats",
        ),
        rows,
        total=len(rows),
        label=label,
        coordinator_id=ctx.coordinator_id,
        draft_stage_id=None,
        is_published=True,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    through = ParticipationProcess.target_groups.through
    pairs = [(p, g) for p in ids for g in ctx.target_groups]
    link_ids = ctx.writer.ids(through, len(pairs))
    ctx.writer.write(
        through,
        ("id", "participationprocess_id", "targetgroup_id"),
        ((i, p, g) for i, (p, g) in zip(link_ids, pairs, strict=True)),
        total=len(pairs),
        label=f"{label}: target groups",
    )
    _resources(ctx, result, label)
    return result


def _resources(ctx: Context, processes: list[Process], label: str) -> None:
    rng = ctx.rng(f"resources {label}")
    plan_ids = ctx.writer.ids(ResourcePlan, len(processes))
    plans, entries = [], []
    for pk, process in zip(plan_ids, processes, strict=True):
        plans.append(
            (pk, process.pk, Decimal(rng.randrange(20, 400)), Decimal(rng.randrange(500, 30_000)))
        )
        for _ in range(rng.randint(2, 6)):
            day = ctx.between(process.starts_at, process.until, rng).date()
            kind = rng.choice(ResourceEntry.Kind.values)
            hours = Decimal(rng.randrange(1, 40)) if kind == "staff" else Decimal(0)
            costs = Decimal(0) if kind == "staff" else Decimal(rng.randrange(50, 5_000))
            entries.append((process.pk, day, kind, hours, costs))
    ctx.writer.write(
        ResourcePlan,
        ("id", "process_id", "planned_hours", "planned_costs"),
        plans,
        total=len(plans),
        label=f"{label}: resource plans",
        is_sample=True,
    )
    entry_ids = ctx.writer.ids(ResourceEntry, len(entries))
    ctx.writer.write(
        ResourceEntry,
        ("id", "process_id", "date", "kind", "hours", "costs"),
        ((i, *e) for i, e in zip(entry_ids, entries, strict=True)),
        total=len(entries),
        label=f"{label}: resource entries",
        description="Aufwand (Skalierungsdaten)",
        entered_by_id=ctx.coordinator_id,
        is_sample=True,
    )


def generate(ctx: Context) -> None:
    v = ctx.volumes
    if not v.ideas:
        return
    rng = ctx.rng("idea processes")
    specs = []
    for n in range(v.idea_processes):
        area = AREAS[n % len(AREAS)]
        if n == 0:  # the benchmark's process: open now, for months already
            start = ctx.now - datetime.timedelta(days=200)
            end = ctx.now + datetime.timedelta(days=60)
        else:
            start = ctx.now - datetime.timedelta(days=rng.randrange(30, 6 * 365))
            end = start + datetime.timedelta(days=rng.randrange(21, 180))
        specs.append(
            {
                "title": f"Ideen für {area} {start.year} (Skalierungsdaten {n + 1})",
                "slug": f"{SLUG_PREFIX}ideen-{n + 1:03d}",
                "purpose": IDEAS_PURPOSE.format(area=area),
                "formats": ["ideas"],
                "starts_at": start,
                "ends_at": end,
                "contributors": P.Contributors.ANONYMOUS
                if rng.random() < 0.4
                else P.Contributors.REGISTERED,
                "moderation": P.Moderation.PRE if rng.random() < 0.3 else P.Moderation.POST,
                "channel": P.Channel.BOTH,
            }
        )
    processes = write_processes(ctx, specs, label="idea processes")
    ctx.idea_processes = [p.pk for p in processes]
    ctx.targets["idea_process"] = processes[0].pk
    _ideas(ctx, processes)


def _ideas(ctx: Context, processes: list[Process]) -> None:
    rng = ctx.rng("ideas")
    n = ctx.volumes.ideas
    # The benchmark's process holds a quarter of the ideas; the others share the rest.
    per_process = [n]
    if len(processes) > 1:
        quarter = max(1, n // 4)
        per_process = allocate(n - quarter, [0.0, *heavy_tail(len(processes) - 1, rng, 1.2)], rng)
        per_process[0] += quarter
    ids = iter(ctx.writer.ids(Contribution, n))
    rows, changes, themes, measures, goals = [], [], [], [], []
    field_weights = [w + 0.3 for w in heavy_tail(len(ctx.fields), rng, 1.5)]
    for process, count in zip(processes, per_process, strict=True):
        for k in range(count):
            pk = next(ids)
            special = process is processes[0] and k == 0
            created = ctx.between(process.starts_at, process.until, rng)
            visibility = Visibility.PUBLISHED if special else _visibility(process, rng)
            statuses = OPEN_STATUSES if process.is_open else CLOSED_STATUSES
            status = S.IN_REVIEW if special else weighted(rng, statuses)
            if visibility == Visibility.PENDING:
                status = S.RECEIVED
            field = rng.choices(ctx.fields, field_weights)[0] if rng.random() < 0.9 else None
            anonymous = process.anonymous and not special and rng.random() < 0.25
            title = FIFTY_COMMENTS_TITLE if special else ctx.idea_title(rng)
            answered = status != S.RECEIVED and rng.random() < 0.7
            reason = rng.choice(texts.DECISION_REASONS) if status in DECIDED else ""
            place = named = None
            roll = rng.random()
            if roll < 0.35 and ctx.places:
                named = rng.choice(ctx.places).pk
            elif roll < 0.55:
                place = {
                    "type": "Point",
                    "coordinates": [
                        round(10.71 + rng.random() * 0.03, 5),
                        round(53.375 + rng.random() * 0.015, 5),
                    ],
                }
            rows.append(
                (
                    pk,
                    created,
                    created,
                    None if anonymous else ctx.user(rng),
                    AuthorState.ANONYMOUS if anonymous else AuthorState.ACCOUNT,
                    visibility,
                    texts.HIDDEN_REASON if visibility == Visibility.HIDDEN else "",
                    _moderated(created, visibility, process),
                    process.pk,
                    rng.choice(ctx.target_groups)
                    if ctx.target_groups and rng.random() < 0.3
                    else None,
                    field.pk if field else None,
                    title,
                    texts.idea_text(rng, title),
                    place,
                    named,
                    created if visibility != Visibility.PENDING else None,
                    status,
                    reason,
                    rng.choice(texts.ANSWERS) if answered else "",
                    created + datetime.timedelta(days=5) if answered else None,
                )
            )
            ctx.idea_meta.append(
                Idea(pk, process, created, visibility, field.pk if field else None)
            )
            if special:
                ctx.targets["idea_with_50_comments"] = pk
            changes.extend(_history(pk, status, created, reason))
            themes.extend((pk, t) for t in rng.sample(ctx.themes, rng.choice((0, 0, 1, 1, 2))))
            if status in (S.ADOPTED, S.PARTLY_ADOPTED) and field and ctx.measures:
                measures.extend(
                    (pk, m) for m in {rng.choice(ctx.measures) for _ in range(rng.randint(1, 2))}
                )
                field_goals = ctx.goals_by_field.get(field.pk)
                if field_goals and rng.random() < 0.4:
                    goals.append((pk, rng.choice(field_goals)))
    ctx.ideas = [idea.pk for idea in ctx.idea_meta]
    ctx.writer.write(
        Contribution,
        (
            "id",
            "created",
            "modified",
            "author_id",
            "author_state",
            "visibility",
            "hidden_reason",
            "moderated_at",
            "process_id",
            "target_group_id",
            "action_field_id",
            "title",
            "text",
            "place",
            "named_place_id",
            "published_at",
            "status",
            "status_reason",
            "answer",
            "answered_at",
        ),
        rows,
        total=n,
        label="ideas",
        format="ideas",
        channel="online",
        recorded_by_id=None,
        is_sample=True,
    )
    write_history(ctx, changes, label="ideas: status changes")
    write_links(ctx, Contribution.themes.through, "crosscuttingtheme_id", themes, "ideas: themes")
    write_links(ctx, Contribution.measures.through, "measure_id", measures, "ideas: measures fed")
    write_links(ctx, Contribution.goals.through, "goal_id", goals, "ideas: goals fed")


def _visibility(process: Process, rng) -> str:
    roll = rng.random()
    if process.moderation == P.Moderation.PRE and process.is_open and roll < 0.12:
        return Visibility.PENDING
    return Visibility.HIDDEN if roll > 0.96 else Visibility.PUBLISHED


def _moderated(created, visibility, process: Process):
    if visibility == Visibility.HIDDEN or (
        process.moderation == P.Moderation.PRE and visibility == Visibility.PUBLISHED
    ):
        return created + datetime.timedelta(hours=20)
    return None


def _history(pk, status, created, reason) -> list[tuple]:
    """received → in review → decided, two days apart (like the demo's)."""
    steps = [(S.RECEIVED, "")]
    if status != S.RECEIVED:
        steps.append((S.IN_REVIEW, ""))
    if status in DECIDED:
        steps.append((status, reason))
    return [(pk, s, r, created + datetime.timedelta(days=2 * n)) for n, (s, r) in enumerate(steps)]


def write_history(ctx: Context, changes: list[tuple], *, label: str) -> None:
    ids = ctx.writer.ids(StatusChange, len(changes))
    ctx.writer.write(
        StatusChange,
        ("id", "contribution_id", "status", "reason", "at"),
        ((i, *c) for i, c in zip(ids, changes, strict=True)),
        total=len(changes),
        label=label,
        by_id=None,
    )


def write_links(ctx: Context, through, column: str, pairs: list[tuple], label: str) -> None:
    ids = ctx.writer.ids(through, len(pairs))
    ctx.writer.write(
        through,
        ("id", "contribution_id", column),
        ((i, a, b) for i, (a, b) in zip(ids, pairs, strict=True)),
        total=len(pairs),
        label=label,
    )
