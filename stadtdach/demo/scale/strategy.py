"""Generated goals and measures of the current edition, with their cross-cutting theme
ratings. Goal orders start at 100 and measure numbers with "SK-", so that the demo's
natural keys (goal order per field, measure number) never meet a generated record."""

import datetime
from decimal import Decimal

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import CODE_PREFIX, Context, heavy_tail
from stadtdach.strategy.models import Goal, Measure, MeasureThemeRating

GOAL_ORDER_FROM = 100
STATUSES = (
    (Measure.Status.IDEA, 10),
    (Measure.Status.PLANNED, 25),
    (Measure.Status.PREPARATION, 15),
    (Measure.Status.IMPLEMENTATION, 30),
    (Measure.Status.COMPLETED, 15),
    (Measure.Status.DROPPED, 5),
)
PRIORITIES = (("A", 30), ("B", 50), ("C", 20))
SCORES = ((-1, 3), (0, 25), (1, 32), (2, 27), (3, 13))
GOAL_VERBS = ("stärken", "entwickeln", "sichern", "verbessern", "ausbauen", "vernetzen")
GOAL_OBJECTS = (
    "Die Innenstadt als Treffpunkt",
    "Bezahlbaren Wohnraum",
    "Die Nahversorgung",
    "Sichere Schulwege",
    "Das Stadtgrün",
    "Die Angebote für Jugendliche",
    "Die digitale Verwaltung",
    "Den Tourismus am Wasser",
    "Das Ehrenamt",
    "Die Klimaanpassung",
)


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def generate(ctx: Context) -> None:
    _goals(ctx)
    _measures(ctx)


def _goals(ctx: Context) -> None:
    n = ctx.volumes.goals
    if not n:
        return
    rng = ctx.rng("goals")
    ids = ctx.writer.ids(Goal, n)
    fields = ctx.fields
    rows = []
    for index, pk in enumerate(ids):
        field = fields[index % len(fields)]
        ctx.goals_by_field.setdefault(field.pk, []).append(pk)
        order = GOAL_ORDER_FROM + len(ctx.goals_by_field[field.pk])
        title = f"{rng.choice(GOAL_OBJECTS)} {rng.choice(GOAL_VERBS)} ({order - GOAL_ORDER_FROM})"
        rows.append((pk, ctx.edition.pk, field.pk, title, order))
    ctx.writer.write(
        Goal,
        ("id", "edition_id", "action_field_id", "title", "order"),
        rows,
        total=n,
        label="goals",
        is_sample=True,
    )


def _measures(ctx: Context) -> None:
    n = ctx.volumes.measures
    if not n:
        return
    rng = ctx.rng("measures")
    ids = ctx.writer.ids(Measure, n)
    # Some action fields carry far more measures than others.
    field_weights = [w + 0.2 for w in heavy_tail(len(ctx.fields), rng, 1.5)]
    first_start = datetime.date(ctx.today.year - 7, 1, 1)
    rows, links = [], []
    for number, pk in enumerate(ids, start=1):
        field = rng.choices(ctx.fields, field_weights)[0]
        status = weighted(rng, STATUSES)
        start = end = None
        if status != Measure.Status.IDEA or rng.random() < 0.3:
            start = first_start + datetime.timedelta(days=rng.randrange(10 * 365))
            end = start + datetime.timedelta(days=rng.randrange(180, 5 * 365))
        cost = None
        if rng.random() < 0.85:
            cost = Decimal(round(rng.lognormvariate(12.5, 1.3), -2)).quantize(Decimal("0.01"))
        place = None
        if rng.random() < 0.3:
            place = {
                "type": "Point",
                "coordinates": [
                    round(10.70 + rng.random() * 0.05, 5),
                    round(53.37 + rng.random() * 0.03, 5),
                ],
            }
        created = (
            ctx.at(start - datetime.timedelta(days=rng.randrange(30, 400)), rng)
            if start
            else ctx.now
        )
        rows.append(
            (
                pk,
                created,
                ctx.edition.pk,
                field.pk,
                f"{CODE_PREFIX}{number:05d}",
                texts.measure_title(rng),
                rng.choice(texts.REASONS),
                weighted(rng, PRIORITIES),
                status,
                rng.choice(ctx.units) if ctx.units else None,
                start,
                end,
                cost,
                rng.choice(texts.PLACES).split(" ", 1)[1] if rng.random() < 0.5 else "",
                place,
            )
        )
        ctx.measures.append(pk)
        ctx.measure_fields[pk] = field.pk
        goals = ctx.goals_by_field.get(field.pk)
        if goals:
            links.extend(
                (pk, goal) for goal in rng.sample(goals, min(len(goals), rng.randint(1, 2)))
            )
    ctx.writer.write(
        Measure,
        (
            "id",
            "created",
            "edition_id",
            "action_field_id",
            "code",
            "title",
            "description",
            "priority",
            "status",
            "lead_unit_id",
            "start",
            "end",
            "estimated_cost",
            "place_name",
            "place",
        ),
        rows,
        total=n,
        label="measures",
        is_sample=True,
    )
    through = Measure.goals.through
    link_ids = ctx.writer.ids(through, len(links))
    ctx.writer.write(
        through,
        ("id", "measure_id", "goal_id"),
        ((i, m, g) for i, (m, g) in zip(link_ids, links, strict=True)),
        total=len(links),
        label="measures: goals",
    )
    _ratings(ctx)


def _ratings(ctx: Context) -> None:
    """Every generated measure is rated against every cross-cutting theme."""
    rng = ctx.rng("measure ratings")
    n = len(ctx.measures) * len(ctx.themes)
    ids = iter(ctx.writer.ids(MeasureThemeRating, n))
    justification = "Bewertung der Skalierungsdaten: {}."
    phrases = {
        -1: "steht dem Thema entgegen",
        0: "ohne Bezug",
        1: "kleiner Beitrag",
        2: "deutlicher Beitrag",
        3: "zentraler Beitrag",
    }

    def rows():
        for measure in ctx.measures:
            for theme in ctx.themes:
                score = weighted(rng, SCORES)
                yield (next(ids), measure, theme, score, justification.format(phrases[score]))

    ctx.writer.write(
        MeasureThemeRating,
        ("id", "measure_id", "theme_id", "score", "justification"),
        rows(),
        total=n,
        label="measures: theme ratings",
        is_sample=True,
    )
