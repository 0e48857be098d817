"""Generated meetings of the demo's bodies with their agendas, and decision papers on
their way through the bodies: each consultation takes place in a meeting of its body
(as an agenda item of that meeting) after the paper's date; a decision records what
the deciding body resolved. Meetings start at half past the hour, so that they never
meet the demo's meetings (found by body and start)."""

import bisect
import datetime

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import CODE_PREFIX, Context
from stadtdach.governance.models import (
    AgendaItem,
    Authority,
    Body,
    Consultation,
    Decision,
    Location,
    Meeting,
    Paper,
)

C = Consultation
YEARS_BACK = 10
# What the minutes say for an item (German like the site's content).
MINUTES = {
    "pending": "",
    "recommended": "empfohlen",
    "not_recommended": "nicht empfohlen",
    "adopted": "beschlossen",
    "adopted_changed": "mit Änderungen beschlossen",
    "rejected": "abgelehnt",
    "noted": "zur Kenntnis genommen",
    "postponed": "vertagt",
}


def generate(ctx: Context) -> None:
    v = ctx.volumes
    if not v.meetings:
        return
    rng = ctx.rng("governance")
    bodies = list(Body.objects.exclude(kind=Body.Kind.FACTION).order_by("order", "pk"))
    if not bodies:
        return
    locations = list(Location.objects.order_by("pk").values_list("pk", flat=True))
    meetings, calendar = _meetings(ctx, rng, bodies, locations)
    items: dict[int, list[list]] = {m[0]: [] for m in meetings}
    papers, consultations = _papers(ctx, rng, bodies, calendar, items)
    agenda = _agenda(ctx, rng, meetings, items)
    _write(ctx, meetings, agenda, papers, consultations, items)


def _meetings(ctx, rng, bodies, locations):
    """(rows, {body: sorted [(start, meeting, is_public)]})."""
    weights = [3 if b.kind == Body.Kind.COMMITTEE else 2 for b in bodies]
    first = ctx.today.replace(year=ctx.today.year - YEARS_BACK)
    span = (YEARS_BACK + 1) * 365
    ids = ctx.writer.ids(Meeting, ctx.volumes.meetings)
    taken, rows, calendar = set(), [], {}
    for pk in ids:
        body = rng.choices(bodies, weights)[0]
        while True:
            day = first + datetime.timedelta(days=rng.randrange(span))
            start = ctx.at(day, rng, (16, 20)).replace(minute=30)
            if (body.pk, start) not in taken:
                break
        taken.add((body.pk, start))
        past = start < ctx.now
        state = Meeting.State.HELD if past else Meeting.State.SCHEDULED
        if rng.random() < 0.04:
            state = Meeting.State.CANCELLED
        elif not past and start - ctx.now < datetime.timedelta(days=14):
            state = Meeting.State.INVITED
        public = rng.random() < (0.4 if body.kind == Body.Kind.STEERING_GROUP else 0.9)
        minutes = (
            "Die Sitzung fand wie geplant statt. (Skalierungsdaten)"
            if state == Meeting.State.HELD
            else ""
        )
        rows.append(
            (
                pk,
                body.pk,
                f"Sitzung {body.short_name or body.name}",
                start,
                start + datetime.timedelta(hours=2),
                rng.choice(locations) if locations else None,
                state,
                public,
                minutes,
            )
        )
        calendar.setdefault(body.pk, []).append((start, pk, public, state))
    for entries in calendar.values():
        entries.sort()
    return rows, calendar


def _papers(ctx, rng, bodies, calendar, items):
    """Papers and their consultations; each consultation with a meeting adds an item to
    that meeting's agenda (``items``)."""
    authority = Authority.objects.order_by("pk").first()
    committees = [b for b in bodies if b.kind == Body.Kind.COMMITTEE]
    council = next((b for b in bodies if b.kind == Body.Kind.COUNCIL), bodies[-1])
    n = ctx.volumes.papers
    ids = ctx.writer.ids(Paper, n)
    first = ctx.today.replace(year=ctx.today.year - YEARS_BACK)
    papers, consultations = [], []
    for number, pk in enumerate(ids, start=1):
        kind = rng.choices(Paper.Kind.values, [60, 15, 15, 10])[0]
        date = first + datetime.timedelta(days=rng.randrange(YEARS_BACK * 365))
        name = f"{rng.choice(texts.PAPER_SUBJECTS)} ({number})"
        public = rng.random() < 0.9
        papers.append(
            (
                pk,
                authority.pk if authority else None,
                f"{CODE_PREFIX}{date.year}/{number:05d}",
                name,
                kind,
                date,
                texts.NOTE,
                "Die Stadtvertretung beschließt den Vorschlag.",
                rng.choice(committees).pk if committees and rng.random() < 0.3 else None,
                ctx.edition.pk if rng.random() < 0.3 else None,
                public,
            )
        )
        if kind == Paper.Kind.INFORMATION:
            path = [(rng.choice(committees or [council]), C.Role.INFORMATION)]
        else:
            steps = rng.sample(committees, min(len(committees), rng.randint(0, 2)))
            path = [(b, C.Role.PRELIMINARY) for b in steps] + [(council, C.Role.DECISION)]
        after = datetime.datetime.combine(date, datetime.time(0), tzinfo=ctx.now.tzinfo)
        for order, (body, role) in enumerate(path, start=1):
            meeting = _next_meeting(calendar.get(body.pk, []), after, rng)
            result, votes = C.Result.PENDING, (None, None, None)
            if meeting and meeting[0] < ctx.now and meeting[3] == Meeting.State.HELD:
                result = _result(role, rng)
                if result in C.VOTED:
                    yes = rng.randrange(5, 20)
                    votes = (yes, rng.randrange(0, yes // 2 + 1), rng.randrange(0, 4))
            item = None
            if meeting:
                item = [None, meeting[1], name, public, result]
                items[meeting[1]].append(item)
                after = meeting[0] + datetime.timedelta(days=1)
            consultations.append(
                [
                    pk,
                    body.pk,
                    meeting[1] if meeting else None,
                    item,
                    order,
                    role,
                    result,
                    *votes,
                    meeting[0].date() if meeting else None,
                ]
            )
            if result in (C.Result.NOT_RECOMMENDED, C.Result.POSTPONED) or not meeting:
                break
    return papers, consultations


def _next_meeting(entries, after, rng):
    """One of the next few meetings of the body after ``after`` (not a cancelled one)."""
    index = bisect.bisect_left(entries, (after,))
    options = [e for e in entries[index : index + 3] if e[3] != Meeting.State.CANCELLED]
    return rng.choice(options) if options else None


def _result(role, rng):
    if role == C.Role.INFORMATION:
        return C.Result.NOTED
    if role == C.Role.PRELIMINARY:
        return rng.choices(
            [C.Result.RECOMMENDED, C.Result.NOT_RECOMMENDED, C.Result.POSTPONED], [85, 8, 7]
        )[0]
    return rng.choices(
        [C.Result.ADOPTED, C.Result.ADOPTED_CHANGED, C.Result.REJECTED, C.Result.POSTPONED],
        [75, 12, 8, 5],
    )[0]


def _agenda(ctx, rng, meetings, items):
    """Each meeting's agenda: the usual items around the papers it consults."""
    rows = []
    total = sum(len(v) for v in items.values()) + len(meetings) * 6
    ids = iter(ctx.writer.ids(AgendaItem, total))
    for meeting in meetings:
        pk, public_meeting, held = meeting[0], meeting[7], meeting[6] == Meeting.State.HELD
        standard = list(texts.AGENDA[:3]) + rng.sample(texts.AGENDA[3:-1], 2) + [texts.AGENDA[-1]]
        entries = [(name, True, "") for name in standard[:-1]]
        for item in items[pk]:
            item[0] = next(ids)
            entries.append((item, item[3] and public_meeting, MINUTES[item[4]] if held else ""))
        entries.append((standard[-1], True, ""))
        for order, (entry, public, result) in enumerate(entries, start=1):
            if isinstance(entry, list):
                rows.append((entry[0], pk, str(order), order, entry[2], public, result))
            else:
                rows.append((next(ids), pk, str(order), order, entry, public, ""))
    return rows


def _write(ctx, meetings, agenda, papers, consultations, items):
    w = ctx.writer
    w.write(
        Meeting,
        ("id", "body_id", "name", "start", "end", "location_id", "state", "is_public", "minutes"),
        meetings,
        total=len(meetings),
        label="meetings",
        cadence_id=None,
        deleted_at=None,
        is_sample=True,
    )
    w.write(
        AgendaItem,
        ("id", "meeting_id", "number", "order", "name", "is_public", "result"),
        agenda,
        total=len(agenda),
        label="meetings: agenda items",
        work_package_id=None,
        deleted_at=None,
        is_sample=True,
    )
    w.write(
        Paper,
        (
            "id",
            "authority_id",
            "reference",
            "name",
            "kind",
            "date",
            "text",
            "proposal",
            "originator_id",
            "edition_id",
            "is_public",
        ),
        papers,
        total=len(papers),
        label="papers",
        parent_id=None,
        deleted_at=None,
        is_sample=True,
    )
    ids = ctx.writer.ids(Consultation, len(consultations))
    rows, decisions = [], []
    for pk, (paper, body, meeting, item, order, role, result, yes, no, abstain, day) in zip(
        ids, consultations, strict=True
    ):
        rows.append(
            (
                pk,
                paper,
                body,
                meeting,
                item[0] if item else None,
                order,
                role,
                result,
                yes,
                no,
                abstain,
            )
        )
        if role == C.Role.DECISION and result in C.FINAL and day:
            decisions.append((pk, day))
    w.write(
        Consultation,
        (
            "id",
            "paper_id",
            "body_id",
            "meeting_id",
            "agenda_item_id",
            "order",
            "role",
            "result",
            "votes_yes",
            "votes_no",
            "votes_abstain",
        ),
        rows,
        total=len(rows),
        label="papers: consultations",
        deleted_at=None,
        is_sample=True,
    )
    rng = ctx.rng("decisions")
    decision_ids = ctx.writer.ids(Decision, len(decisions))
    w.write(
        Decision,
        ("id", "consultation_id", "number", "decided_on"),
        (
            (i, c, f"{CODE_PREFIX}B/{day.year}/{n:05d}", day)
            for n, (i, (c, day)) in enumerate(zip(decision_ids, decisions, strict=True), start=1)
        ),
        total=len(decisions),
        label="papers: decisions",
        text="Beschluss wie vorgeschlagen.",
        is_sample=True,
    )
    links = []
    if ctx.measures:
        for decision in decision_ids:
            if rng.random() < 0.3:
                links.extend(
                    (decision, m)
                    for m in {rng.choice(ctx.measures) for _ in range(rng.randint(1, 2))}
                )
    link_ids = ctx.writer.ids(Decision.measures.through, len(links))
    w.write(
        Decision.measures.through,
        ("id", "decision_id", "measure_id"),
        ((i, d, m) for i, (d, m) in zip(link_ids, links, strict=True)),
        total=len(links),
        label="papers: decisions on measures",
    )
    ctx.targets["meeting"] = max(
        (m for m in meetings if m[6] == Meeting.State.HELD and m[7]),
        key=lambda m: (len(items[m[0]]), m[3]),
        default=meetings[0],
    )[0]
