"""Generated comments (on ideas and, during implementation, on measures), supports and
moderation reports. Comments and supports follow a heavy tail: a few ideas draw
hundreds, most a handful or none. Exactly one idea has exactly 50 comments."""

import datetime

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import Context, allocate, heavy_tail
from stadtdach.demo.scale.scales import FIFTY_COMMENTS
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import AuthorState, Comment, Report, Visibility


def generate(ctx: Context) -> None:
    if not ctx.idea_meta:
        return
    per_idea, per_measure = _plan(ctx)
    _comments(ctx, per_idea, per_measure)
    _supports(ctx, per_idea)


def _plan(ctx: Context) -> tuple[list[int], list[int]]:
    """How many comments each idea and each generated measure gets."""
    rng = ctx.rng("comment plan")
    total = ctx.volumes.comments
    on_measures = total // 20 if ctx.measures else 0
    special = ctx.targets["idea_with_50_comments"]
    ideas = ctx.idea_meta
    weights = [
        0.0 if idea.pk == special or idea.visibility == Visibility.PENDING else w
        for idea, w in zip(ideas, heavy_tail(len(ideas), rng), strict=True)
    ]
    rest = total - on_measures - FIFTY_COMMENTS
    cap = max(FIFTY_COMMENTS * 4, total // 250)
    if sum(weights) == 0:  # only the special idea is published
        per_idea = [0] * len(ideas)
        on_measures += rest
    else:
        per_idea = allocate(rest, weights, rng, cap=cap)
    special_index = next(i for i, idea in enumerate(ideas) if idea.pk == special)
    per_idea[special_index] = FIFTY_COMMENTS
    _only_one_fifty(per_idea, weights, special_index)
    per_measure = (
        allocate(on_measures, heavy_tail(len(ctx.measures), rng), rng) if on_measures else []
    )
    return per_idea, per_measure


def _only_one_fifty(per_idea: list[int], weights: list[float], special: int) -> None:
    """Another idea that drew exactly 50 gives one comment to an idea that can take it
    without reaching 50 itself; the total stays."""
    for index, count in enumerate(per_idea):
        if index == special or count != FIFTY_COMMENTS:
            continue
        for other, other_count in enumerate(per_idea):
            if (
                other not in (index, special)
                and weights[other]
                and other_count + 1 != FIFTY_COMMENTS
            ):
                per_idea[index] -= 1
                per_idea[other] += 1
                break


def _comments(ctx: Context, per_idea: list[int], per_measure: list[int]) -> None:
    rng = ctx.rng("comments")
    total = sum(per_idea) + sum(per_measure)
    ids = iter(ctx.writer.ids(Comment, total))
    special = ctx.targets["idea_with_50_comments"]
    reported: list[int] = []
    measure_start = ctx.now - datetime.timedelta(days=3 * 365)

    def one(target_idea, target_measure, start, end, always_published=False):
        pk = next(ids)
        official = not always_published and ctx.coordinator_id and rng.random() < 0.03
        roll = rng.random()
        visibility = Visibility.PUBLISHED
        if not always_published and roll > 0.97:
            visibility = Visibility.HIDDEN
        elif not always_published and roll > 0.95:
            visibility = Visibility.PENDING
        created = ctx.between(start, end, rng)
        if visibility == Visibility.PUBLISHED and rng.random() < 0.003:
            reported.append(pk)
        return (
            pk,
            created,
            created,
            ctx.coordinator_id if official else ctx.user(rng),
            visibility,
            texts.HIDDEN_REASON if visibility == Visibility.HIDDEN else "",
            created + datetime.timedelta(hours=6) if visibility == Visibility.HIDDEN else None,
            target_idea,
            target_measure,
            rng.choice(texts.OFFICIAL_COMMENTS if official else texts.COMMENTS),
            bool(official),
        )

    def rows():
        for idea, count in zip(ctx.idea_meta, per_idea, strict=True):
            for _ in range(count):
                yield one(idea.pk, None, idea.created, idea.open_until, idea.pk == special)
        for measure, count in zip(ctx.measures, per_measure, strict=True):
            for _ in range(count):
                yield one(None, measure, measure_start, ctx.now)

    ctx.writer.write(
        Comment,
        (
            "id",
            "created",
            "modified",
            "author_id",
            "visibility",
            "hidden_reason",
            "moderated_at",
            "contribution_id",
            "measure_id",
            "text",
            "is_official",
        ),
        rows(),
        total=total,
        label="comments",
        author_state=AuthorState.ACCOUNT,
        is_sample=True,
    )
    _reports(ctx, reported)


def _reports(ctx: Context, comments: list[int]) -> None:
    """Open reports on a few published comments: the moderation queue has work."""
    rng = ctx.rng("reports")
    ids = ctx.writer.ids(Report, len(comments))
    ctx.writer.write(
        Report,
        ("id", "comment_id", "reporter_id", "reason"),
        (
            (pk, c, ctx.user(rng), rng.choice(Report.Reason.values))
            for pk, c in zip(ids, comments, strict=True)
        ),
        total=len(comments),
        label="comments: reports",
        contribution_id=None,
        text="Gemeldet (Skalierungsdaten).",
        resolution=Report.Resolution.OPEN,
        resolved_at=None,
        resolved_by_id=None,
    )


def _supports(ctx: Context, per_idea: list[int]) -> None:
    """Supports follow the comments in part (lively ideas draw both), once per person."""
    rng = ctx.rng("supports")
    ideas = ctx.idea_meta
    own = heavy_tail(len(ideas), rng)
    scale = (sum(per_idea) or 1) / (sum(own) or 1)
    weights = [
        0.0 if idea.visibility != Visibility.PUBLISHED else 0.5 * comments + 0.5 * w * scale
        for idea, comments, w in zip(ideas, per_idea, own, strict=True)
    ]
    total = ctx.volumes.supports
    counts = allocate(total, weights, rng, cap=len(ctx.users)) if sum(weights) else [0] * len(ideas)
    written = sum(counts)
    ids = iter(ctx.writer.ids(Support, written))

    def rows():
        for idea, count in zip(ideas, counts, strict=True):
            for user in rng.sample(ctx.users, count):
                yield (next(ids), idea.pk, user, ctx.between(idea.created, idea.open_until, rng))

    ctx.writer.write(
        Support,
        ("id", "contribution_id", "user_id", "created"),
        rows(),
        total=written,
        label="supports",
        is_sample=True,
    )
