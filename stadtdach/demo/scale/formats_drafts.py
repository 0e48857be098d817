"""Generated drafts with comments on their paragraphs, and surveys with responses and
answers (free-text answers are contributions, as the site records them)."""

import datetime

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import SLUG_PREFIX, Context, allocate, heavy_tail
from stadtdach.demo.scale.participation import (
    CLOSED_STATUSES,
    DECIDED,
    OPEN_STATUSES,
    weighted,
    write_history,
    write_processes,
)
from stadtdach.participation.drafts.models import Draft, DraftComment, DraftParagraph
from stadtdach.participation.drafts.services import split_text
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.surveys.models import Answer, Option, Question, Survey, SurveyResponse

PARAGRAPHS = 25
HEADING_EVERY = 5
QUESTIONS = (
    (
        "Wie oft sind Sie in der Innenstadt?",
        Question.Kind.SINGLE,
        ("Täglich", "Jede Woche", "Jeden Monat", "Seltener"),
    ),
    (
        "Was fehlt Ihnen am meisten?",
        Question.Kind.MULTIPLE,
        ("Grün und Schatten", "Sitzplätze", "Geschäfte", "Gastronomie", "Radwege"),
    ),
    ("Wie zufrieden sind Sie mit der Stadtentwicklung?", Question.Kind.SCALE, ()),
    ("Was möchten Sie der Stadt noch sagen?", Question.Kind.TEXT, ()),
)


def window(ctx: Context, rng, n: int, count: int):
    """Start and end of the n-th of ``count`` processes: the last one open now, the
    others spread over the past five years."""
    if n == count - 1:
        start = ctx.now - datetime.timedelta(days=20)
        return start, ctx.now + datetime.timedelta(days=40)
    start = ctx.now - datetime.timedelta(days=rng.randrange(60, 5 * 365))
    return start, start + datetime.timedelta(days=rng.randrange(21, 90))


def generate(ctx: Context) -> None:
    if not ctx.users:
        return
    _drafts(ctx)
    _surveys(ctx)


def _drafts(ctx: Context) -> None:
    v = ctx.volumes
    if not v.drafts:
        return
    rng = ctx.rng("drafts")
    specs = []
    for n in range(v.drafts):
        start, end = window(ctx, rng, n, v.drafts)
        specs.append(
            {
                "title": f"Entwurf im Dialog {n + 1} (Skalierungsdaten)",
                "slug": f"{SLUG_PREFIX}entwurf-{n + 1:03d}",
                "formats": ["drafts"],
                "starts_at": start,
                "ends_at": end,
                "contributors": "anonymous",
            }
        )
    processes = write_processes(ctx, specs, label="draft processes")
    draft_ids = ctx.writer.ids(Draft, v.drafts)
    drafts, paragraphs = [], []
    paragraph_ids = iter(ctx.writer.ids(DraftParagraph, v.drafts * PARAGRAPHS))
    by_draft: list[list[tuple[int, int]]] = []
    for pk, process in zip(draft_ids, processes, strict=True):
        field = rng.choice(ctx.fields)
        title = f"Handlungsfeld {field.name}: Entwurf (Skalierungsdaten)"
        blocks = []
        for k in range(PARAGRAPHS):
            body = " ".join(rng.sample(texts.REASONS, 3))
            heading = f"# Abschnitt {k // HEADING_EVERY + 1}\n" if k % HEADING_EVERY == 0 else ""
            blocks.append(f"{heading}{body}")
        text = "\n\n".join(blocks)
        drafts.append((pk, process.pk, title, text))
        numbered = []
        # The paragraphs exactly as drafts.services derives them from the text.
        for number, (heading, body) in enumerate(split_text(text), start=1):
            paragraph = next(paragraph_ids)
            paragraphs.append((paragraph, pk, number, heading, body))
            numbered.append((paragraph, number))
        by_draft.append([(process, title, p, number) for p, number in numbered])
    ctx.writer.write(
        Draft,
        ("id", "process_id", "title", "text"),
        drafts,
        total=len(drafts),
        label="drafts",
        draft_stage_id=None,
        introduction="Ein Entwurf zum Kommentieren, Absatz für Absatz.",
        order=1,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    ctx.writer.write(
        DraftParagraph,
        ("id", "draft_id", "number", "heading", "text"),
        paragraphs,
        total=len(paragraphs),
        label="drafts: paragraphs",
        is_current=True,
    )
    targets = [t for paragraphs_of in by_draft for t in paragraphs_of]
    counts = allocate(v.draft_comments, heavy_tail(len(targets), rng), rng)
    links, rows, changes = [], [], []
    ids = iter(ctx.writer.ids(Contribution, sum(counts)))
    for (process, title, paragraph, number), count in zip(targets, counts, strict=True):
        for _ in range(count):
            pk = next(ids)
            created = ctx.between(process.starts_at, process.until, rng)
            status = weighted(rng, OPEN_STATUSES if process.is_open else CLOSED_STATUSES)
            reason = rng.choice(texts.DECISION_REASONS) if status in DECIDED else ""
            title_of = f"Zu Absatz {number} von „{title}“"
            text = rng.choice(texts.COMMENTS)
            rows.append(
                contribution_row(
                    ctx, rng, pk, process, created, title_of, text, status, reason, ctx.user(rng)
                )
            )
            links.append((pk, paragraph))
            changes.extend(history(pk, status, created, reason))
    write_contributions(ctx, rows, "drafts", label="drafts: paragraph comments")
    ctx.writer.write(
        DraftComment,
        ("contribution_id", "paragraph_id"),
        links,
        total=len(links),
        label="drafts: comment links",
    )
    write_history(ctx, changes, label="drafts: status changes")


def contribution_row(ctx, rng, pk, process, created, title, text, status, reason, author):
    """A published contribution of a format (``author``: a user's key, or None)."""
    answered = status != "received" and rng.random() < 0.6
    return (
        pk,
        created,
        created,
        author,
        "account" if author else "anonymous",
        title[:200],
        text,
        process.pk,
        status,
        reason,
        rng.choice(texts.ANSWERS) if answered else "",
        created + datetime.timedelta(days=4) if answered else None,
        created,
    )


def write_contributions(ctx, rows, format_code, *, label, **constants):
    values = {
        "visibility": Visibility.PUBLISHED,
        "channel": "online",
        "recorded_by_id": None,
        "target_group_id": None,
        "action_field_id": None,
        **constants,
    }
    ctx.writer.write(
        Contribution,
        (
            "id",
            "created",
            "modified",
            "author_id",
            "author_state",
            "title",
            "text",
            "process_id",
            "status",
            "status_reason",
            "answer",
            "answered_at",
            "published_at",
        ),
        rows,
        total=len(rows),
        label=label,
        format=format_code,
        is_sample=True,
        **values,
    )


def history(pk, status, created, reason) -> list[tuple]:
    steps = [("received", "")] + ([(status, reason)] if status != "received" else [])
    return [(pk, s, r, created + datetime.timedelta(days=3 * n)) for n, (s, r) in enumerate(steps)]


def _surveys(ctx: Context) -> None:
    v = ctx.volumes
    if not v.surveys:
        return
    rng = ctx.rng("surveys")
    specs = []
    for n in range(v.surveys):
        start, end = window(ctx, rng, n, v.surveys)
        specs.append(
            {
                "title": f"Umfrage {n + 1} zur Stadtentwicklung (Skalierungsdaten)",
                "slug": f"{SLUG_PREFIX}umfrage-{n + 1:03d}",
                "formats": ["survey"],
                "starts_at": start,
                "ends_at": end,
            }
        )
    processes = write_processes(ctx, specs, label="survey processes")
    survey_ids = ctx.writer.ids(Survey, v.surveys)
    ctx.writer.write(
        Survey,
        ("id", "process_id", "title"),
        [
            (pk, p.pk, f"Umfrage {n + 1} (Skalierungsdaten)")
            for n, (pk, p) in enumerate(zip(survey_ids, processes, strict=True))
        ],
        total=v.surveys,
        label="surveys",
        introduction="Ein paar Fragen zur Stadt.",
        results=Survey.Results.ALWAYS,
        order=1,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    question_ids = iter(ctx.writer.ids(Question, v.surveys * len(QUESTIONS)))
    option_ids = iter(ctx.writer.ids(Option, v.surveys * sum(len(q[2]) for q in QUESTIONS)))
    questions, options, layout = [], [], []
    for survey in survey_ids:
        asked = []
        for order, (text, kind, labels) in enumerate(QUESTIONS, start=1):
            question = next(question_ids)
            questions.append((question, survey, order, text, kind, kind == Question.Kind.SCALE))
            own = [next(option_ids) for _ in labels]
            options.extend(
                (o, question, n, label)
                for n, (o, label) in enumerate(zip(own, labels, strict=True))
            )
            asked.append((question, kind, own))
        layout.append(asked)
    ctx.writer.write(
        Question,
        ("id", "survey_id", "order", "text", "kind", "required"),
        questions,
        total=len(questions),
        label="surveys: questions",
        scale_min=1,
        scale_max=5,
        scale_min_label="gar nicht",
        scale_max_label="sehr",
    )
    ctx.writer.write(
        Option,
        ("id", "question_id", "order", "label"),
        options,
        total=len(options),
        label="surveys: options",
    )
    counts = allocate(v.survey_responses, heavy_tail(v.surveys, rng), rng, cap=len(ctx.users))
    responses, answers, free, changes = [], [], [], []
    response_ids = iter(ctx.writer.ids(SurveyResponse, sum(counts)))
    for survey, process, asked, count in zip(survey_ids, processes, layout, counts, strict=True):
        for user in rng.sample(ctx.users, count):
            response = next(response_ids)
            created = ctx.between(process.starts_at, process.until, rng)
            group = (
                rng.choice(ctx.target_groups) if ctx.target_groups and rng.random() < 0.4 else None
            )
            responses.append((response, survey, user, group, created))
            for question, kind, own in asked:
                if kind == Question.Kind.SINGLE:
                    answers.append((response, question, rng.choice(own), None, None))
                elif kind == Question.Kind.MULTIPLE:
                    answers.extend(
                        (response, question, o, None, None)
                        for o in rng.sample(own, rng.randint(1, 3))
                    )
                elif kind == Question.Kind.SCALE:
                    answers.append(
                        (response, question, None, rng.choice((1, 2, 3, 3, 4, 4, 4, 5)), None)
                    )
                elif rng.random() < 0.2:
                    free.append((response, question, process, user, created))
    ctx.writer.write(
        SurveyResponse,
        ("id", "survey_id", "user_id", "target_group_id", "created"),
        responses,
        total=len(responses),
        label="surveys: responses",
        is_sample=True,
    )
    contribution_ids = iter(ctx.writer.ids(Contribution, len(free)))
    rows = []
    for response, question, process, user, created in free:
        pk = next(contribution_ids)
        text = rng.choice(texts.REASONS)
        rows.append(
            contribution_row(
                ctx, rng, pk, process, created, QUESTIONS[-1][0], text, "received", "", user
            )
        )
        answers.append((response, question, None, None, pk))
        changes.extend(history(pk, "received", created, ""))
    write_contributions(ctx, rows, "survey", label="surveys: free-text answers")
    write_history(ctx, changes, label="surveys: status changes")
    answer_ids = ctx.writer.ids(Answer, len(answers))
    ctx.writer.write(
        Answer,
        ("id", "response_id", "question_id", "option_id", "scale_value", "contribution_id"),
        ((i, *a) for i, a in zip(answer_ids, answers, strict=True)),
        total=len(answers),
        label="surveys: answers",
    )
