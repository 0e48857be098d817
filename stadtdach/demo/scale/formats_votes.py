"""Generated prioritisations (dot votes), consensus findings (resistances) and offline
events with attendance and recorded results."""

import datetime

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import SLUG_PREFIX, Context, allocate, heavy_tail
from stadtdach.demo.scale.formats_drafts import (
    contribution_row,
    history,
    window,
    write_contributions,
)
from stadtdach.demo.scale.participation import (
    CLOSED_STATUSES,
    DECIDED,
    weighted,
    write_history,
    write_processes,
)
from stadtdach.participation.consensus.models import (
    ConsensusFinding,
    ConsensusOption,
    Resistance,
    ResistanceBallot,
)
from stadtdach.participation.models import Contribution
from stadtdach.participation.offline_events.models import Attendance, EventResult, OfflineEvent
from stadtdach.participation.prioritisation.models import (
    DotBallot,
    DotVote,
    Prioritisation,
    PriorityOption,
)

OPTIONS = 8
POINTS = 10
CONSENSUS_OPTIONS = (
    "Schwerpunkt Innenstadt",
    "Schwerpunkt Klima",
    "Schwerpunkt Wohnen",
    "Schwerpunkt Jugend",
)
EVENT_PLACES = ("Rathaus, Ratssaal", "Stadtbibliothek", "Marktplatz", "Jugendclub", "Schulaula")


def generate(ctx: Context) -> None:
    if not ctx.users:
        return
    _prioritisations(ctx)
    _consensus(ctx)
    _events(ctx)


def _specs(ctx, rng, count, word, slug, formats, **extra):
    specs = []
    for n in range(count):
        start, end = window(ctx, rng, n, count)
        specs.append(
            {
                "title": f"{word} {n + 1} (Skalierungsdaten)",
                "slug": f"{SLUG_PREFIX}{slug}-{n + 1:03d}",
                "formats": formats,
                "starts_at": start,
                "ends_at": end,
                **extra,
            }
        )
    return specs


def _prioritisations(ctx: Context) -> None:
    v = ctx.volumes
    if not v.prioritisations:
        return
    rng = ctx.rng("prioritisations")
    processes = write_processes(
        ctx,
        _specs(ctx, rng, v.prioritisations, "Punktabfrage", "punkte", ["prioritisation"]),
        label="prioritisation processes",
    )
    ids = ctx.writer.ids(Prioritisation, len(processes))
    ctx.writer.write(
        Prioritisation,
        ("id", "process_id", "title"),
        [
            (pk, p.pk, f"Was zuerst? Punktabfrage {n + 1}")
            for n, (pk, p) in enumerate(zip(ids, processes, strict=True))
        ],
        total=len(ids),
        label="prioritisations",
        introduction="Verteilen Sie Ihre Punkte.",
        points=POINTS,
        max_per_option=5,
        order=1,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    option_ids = iter(ctx.writer.ids(PriorityOption, len(ids) * OPTIONS))
    options, per_item = [], []
    for item in ids:
        own = []
        for order in range(1, OPTIONS + 1):
            pk = next(option_ids)
            field = measure = None
            label = ""
            if order <= 4:
                field = ctx.fields[(item + order) % len(ctx.fields)].pk
            elif ctx.measures:
                measure = rng.choice(ctx.measures)
            else:
                label = f"Vorschlag {order}"
            options.append((pk, item, order, label, field, measure))
            own.append(pk)
        per_item.append(own)
    ctx.writer.write(
        PriorityOption,
        ("id", "prioritisation_id", "order", "label", "action_field_id", "measure_id"),
        options,
        total=len(options),
        label="prioritisations: options",
        contribution_id=None,
    )
    counts = allocate(v.dot_ballots, heavy_tail(len(ids), rng), rng, cap=len(ctx.users))
    ballot_ids = iter(ctx.writer.ids(DotBallot, sum(counts)))
    ballots, votes = [], []
    for item, process, own, count in zip(ids, processes, per_item, counts, strict=True):
        # Popular options draw more points, as in a real vote.
        taste = [w + 0.1 for w in heavy_tail(len(own), rng)]
        for user in rng.sample(ctx.users, count):
            ballot = next(ballot_ids)
            ballots.append((ballot, item, user, ctx.between(process.starts_at, process.until, rng)))
            points = {}
            for _ in range(POINTS):
                option = rng.choices(own, taste)[0]
                if points.get(option, 0) < 5:
                    points[option] = points.get(option, 0) + 1
            votes.extend((ballot, option, value) for option, value in points.items())
    ctx.writer.write(
        DotBallot,
        ("id", "prioritisation_id", "user_id", "created"),
        ballots,
        total=len(ballots),
        label="prioritisations: ballots",
        is_sample=True,
    )
    vote_ids = ctx.writer.ids(DotVote, len(votes))
    ctx.writer.write(
        DotVote,
        ("id", "ballot_id", "option_id", "points"),
        ((i, *vote) for i, vote in zip(vote_ids, votes, strict=True)),
        total=len(votes),
        label="prioritisations: dot votes",
    )


def _consensus(ctx: Context) -> None:
    v = ctx.volumes
    if not v.consensus_findings:
        return
    rng = ctx.rng("consensus")
    processes = write_processes(
        ctx,
        _specs(ctx, rng, v.consensus_findings, "Konsensieren", "konsens", ["consensus"]),
        label="consensus processes",
    )
    ids = ctx.writer.ids(ConsensusFinding, len(processes))
    ctx.writer.write(
        ConsensusFinding,
        ("id", "process_id", "title"),
        [
            (pk, p.pk, f"Schwerpunkt der Fortschreibung {n + 1}")
            for n, (pk, p) in enumerate(zip(ids, processes, strict=True))
        ],
        total=len(ids),
        label="consensus findings",
        question="Welcher Schwerpunkt soll die nächste Fortschreibung prägen?",
        introduction="Geben Sie jeder Möglichkeit einen Widerstand von 0 bis 10.",
        order=1,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    per_finding = len(CONSENSUS_OPTIONS) + 1
    option_ids = iter(ctx.writer.ids(ConsensusOption, len(ids) * per_finding))
    options, per_item = [], []
    for finding in ids:
        own = []
        for order, label in enumerate(CONSENSUS_OPTIONS, start=1):
            own.append(next(option_ids))
            options.append((own[-1], finding, order, label, False))
        own.append(next(option_ids))
        options.append((own[-1], finding, 0, "", True))  # the passive solution
        per_item.append(own)
    ctx.writer.write(
        ConsensusOption,
        ("id", "finding_id", "order", "label", "is_passive"),
        options,
        total=len(options),
        label="consensus: options",
        description="",
    )
    counts = allocate(v.resistance_ballots, heavy_tail(len(ids), rng), rng, cap=len(ctx.users))
    ballot_ids = iter(ctx.writer.ids(ResistanceBallot, sum(counts)))
    ballots, values = [], []
    for finding, process, own, count in zip(ids, processes, per_item, counts, strict=True):
        for user in rng.sample(ctx.users, count):
            ballot = next(ballot_ids)
            ballots.append(
                (ballot, finding, user, ctx.between(process.starts_at, process.until, rng))
            )
            values.extend((ballot, option, rng.randint(0, 10)) for option in own)
    ctx.writer.write(
        ResistanceBallot,
        ("id", "finding_id", "user_id", "created"),
        ballots,
        total=len(ballots),
        label="consensus: ballots",
        is_sample=True,
    )
    value_ids = ctx.writer.ids(Resistance, len(values))
    ctx.writer.write(
        Resistance,
        ("id", "ballot_id", "option_id", "value"),
        ((i, *value) for i, value in zip(value_ids, values, strict=True)),
        total=len(values),
        label="consensus: resistances",
    )


def _events(ctx: Context) -> None:
    v = ctx.volumes
    if not v.offline_events:
        return
    rng = ctx.rng("offline events")
    count = max(1, v.offline_events // 10)
    specs = _specs(
        ctx, rng, count, "Vor-Ort-Beteiligung", "vor-ort", ["offline"], channel="offline"
    )
    for spec in specs:  # events lie in the past: their results are recorded
        spec["ends_at"] = min(spec["ends_at"], ctx.now - datetime.timedelta(days=1))
        spec["starts_at"] = min(spec["starts_at"], spec["ends_at"] - datetime.timedelta(days=30))
    processes = write_processes(ctx, specs, label="offline event processes")
    ids = ctx.writer.ids(OfflineEvent, v.offline_events)
    events, attendance, hosts = [], [], []
    for n, pk in enumerate(ids):
        process = processes[n % len(processes)]
        starts = ctx.between(process.starts_at, process.until - datetime.timedelta(hours=4), rng)
        starts = starts.replace(minute=0, second=0)
        events.append(
            (
                pk,
                process.pk,
                rng.choice(OfflineEvent.Kind.values),
                f"Vor-Ort-Termin {n + 1} (Skalierungsdaten)",
                starts,
                starts + datetime.timedelta(hours=3),
                rng.choice(EVENT_PLACES),
                rng.choice(ctx.places).pk if ctx.places and rng.random() < 0.5 else None,
                rng.randrange(0, 30),
            )
        )
        attendance.extend(
            (pk, g, rng.randrange(1, 40))
            for g in rng.sample(ctx.target_groups, min(3, len(ctx.target_groups)))
        )
        hosts.append((pk, process, starts))
    ctx.writer.write(
        OfflineEvent,
        (
            "id",
            "process_id",
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "named_place_id",
            "attendance_other",
        ),
        events,
        total=len(events),
        label="offline events",
        description="Ergebnisse werden hier festgehalten.",
        recorded_by_id=ctx.coordinator_id,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    attendance_ids = ctx.writer.ids(Attendance, len(attendance))
    ctx.writer.write(
        Attendance,
        ("id", "event_id", "target_group_id", "count"),
        ((i, *a) for i, a in zip(attendance_ids, attendance, strict=True)),
        total=len(attendance),
        label="offline events: attendance",
    )
    per_event = allocate(v.event_results, [1.0 + rng.random() for _ in hosts], rng)
    contribution_ids = iter(ctx.writer.ids(Contribution, sum(per_event)))
    rows, links, changes = [], [], []
    for (event, process, starts), n in zip(hosts, per_event, strict=True):
        for _ in range(n):
            pk = next(contribution_ids)
            created = starts + datetime.timedelta(days=1, minutes=len(rows))
            status = weighted(rng, CLOSED_STATUSES)
            reason = rng.choice(texts.DECISION_REASONS) if status in DECIDED else ""
            text = " ".join(rng.sample(texts.REASONS, 2))
            rows.append(
                contribution_row(
                    ctx, rng, pk, process, created, ctx.idea_title(rng), text, status, reason, None
                )
            )
            links.append((pk, event))
            changes.extend(history(pk, status, created, reason))
    write_contributions(
        ctx,
        rows,
        "offline",
        label="offline events: results",
        channel="offline",
        recorded_by_id=ctx.coordinator_id,
    )
    ctx.writer.write(
        EventResult,
        ("contribution_id", "event_id"),
        links,
        total=len(links),
        label="offline events: result links",
    )
    write_history(ctx, changes, label="offline events: status changes")
