"""A participation world to test against: the strategy world, a phase, an open idea
collection and bulk-created ideas with supports, comments, statuses and links."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from stadtdach.core.testing.personas import make_user
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import (
    Comment,
    Contribution,
    ContributionStatus,
    NamedPlace,
    ParticipationProcess,
    StatusChange,
    TargetGroup,
    Visibility,
)
from stadtdach.process.models import Phase
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import World, build_world


@dataclass
class ParticipationWorld:
    world: World
    phase: Phase
    process: ParticipationProcess
    places: list[NamedPlace]
    supporters: list


def make_process(phase, *, slug="ideen", days_open=(-10, 10), **fields) -> ParticipationProcess:
    now = timezone.now()
    defaults = {
        "title": f"Ideensammlung {slug}",
        "purpose": "Ideen für die Innenstadt sammeln.",
        "starts_at": now + datetime.timedelta(days=days_open[0]),
        "ends_at": now + datetime.timedelta(days=days_open[1]),
        "formats": ["ideas"],
        "is_published": True,
    }
    process = ParticipationProcess.objects.create(phase=phase, slug=slug, **{**defaults, **fields})
    process.target_groups.set(TargetGroup.objects.all()[:2])
    return process


def build_participation(*, contributions: int = 10, measures: int = 3) -> ParticipationWorld:
    world = build_world(measures=measures)
    phase = Phase.objects.create(
        edition=world.edition, name="Hauptprozess", slug="hauptprozess", order=1
    )
    process = make_process(phase)
    places = [
        NamedPlace.objects.create(
            name=f"Ort {n}", order=n, point={"type": "Point", "coordinates": [10.72, 53.38]}
        )
        for n in range(3)
    ]
    supporters = [make_user(f"unterstuetzer-{n}", roles=("citizen",)) for n in range(3)]
    add_contributions(process, world, contributions, places=places, supporters=supporters)
    return ParticipationWorld(world, phase, process, places, supporters)


def add_contributions(process, world, count: int, *, places=(), supporters=()) -> list:
    """``count`` published ideas spread over the fields, with places, statuses, a support
    and a comment each, and a link to a measure for every third (bulk: 5,000 in seconds)."""
    statuses = list(ContributionStatus.values)
    now = timezone.now()
    start = Contribution.objects.count()
    created = Contribution.objects.bulk_create(
        Contribution(
            process=process,
            format="ideas",
            title=f"Idee {start + i} für mehr Bänke am Elbufer",
            text=f"Beschreibung der Idee {start + i}: mehr Sitzbänke und Schatten am Elbufer.",
            action_field=world.fields[i % len(world.fields)],
            named_place=places[i % len(places)] if places and i % 2 else None,
            place={"type": "Point", "coordinates": [10.72, 53.38]} if i % 5 == 0 else None,
            status=statuses[i % len(statuses)],
            answer="Danke, wir prüfen das." if i % 3 == 0 else "",
            visibility=Visibility.PUBLISHED,
            published_at=now,
        )
        for i in range(count)
    )
    StatusChange.objects.bulk_create(StatusChange(contribution=c, status=c.status) for c in created)
    if supporters:
        Support.objects.bulk_create(
            Support(contribution=c, user=supporters[i % len(supporters)])
            for i, c in enumerate(created)
        )
        Comment.objects.bulk_create(
            Comment(contribution=c, author=supporters[i % len(supporters)], text="Gute Idee!")
            for i, c in enumerate(created)
        )
    themes = Contribution.themes.through
    themes.objects.bulk_create(
        themes(contribution_id=c.pk, crosscuttingtheme_id=world.themes[i % len(world.themes)].pk)
        for i, c in enumerate(created)
    )
    measure_ids = list(Measure.objects.values_list("pk", flat=True)[:3])
    if measure_ids:
        links = Contribution.measures.through
        links.objects.bulk_create(
            links(contribution_id=c.pk, measure_id=measure_ids[i % len(measure_ids)])
            for i, c in enumerate(created)
            if i % 3 == 0
        )
    return created


# --- The formats of part 2: drafts, surveys, prioritisation, consensus, offline events ---

DRAFT_TEXT = """# Leitbild

Boizenburg/Elbe ist eine lebendige Kleinstadt an der Elbe.

Die Stadt wächst behutsam und bleibt grün.

# Leitsätze

Wir stärken die Innenstadt als Ort der Begegnung.

Wir machen die Elbe erlebbar."""


def make_formats_process(phase, *, slug="formate", days_open=(-10, 10), **fields):
    """A process that uses every format of part 2 (and ideas), open by default."""
    return make_process(
        phase,
        slug=slug,
        days_open=days_open,
        title=fields.pop("title", "Beteiligung mit allen Formaten"),
        formats=fields.pop(
            "formats", ["ideas", "drafts", "survey", "prioritisation", "consensus", "offline"]
        ),
        **fields,
    )


def make_draft(process, *, text=DRAFT_TEXT, title="Entwurf des Leitbilds", **fields):
    from stadtdach.participation.drafts.models import Draft
    from stadtdach.participation.drafts.services import sync_paragraphs

    draft = Draft.objects.create(process=process, title=title, text=text, **fields)
    sync_paragraphs(draft)
    return draft


def add_draft_comments(paragraph, count: int, *, author=None, answer: str = "") -> list:
    """``count`` published comments on a paragraph (bulk)."""
    from stadtdach.participation.drafts.models import DraftComment

    now = timezone.now()
    created = Contribution.objects.bulk_create(
        Contribution(
            process=paragraph.draft.process,
            format="drafts",
            author=author,
            author_state="account" if author else "anonymous",
            title=f"Zu Absatz {paragraph.number}",
            text=f"Kommentar {i} zum Absatz: bitte deutlicher formulieren.",
            answer=answer if i % 2 == 0 else "",
            visibility=Visibility.PUBLISHED,
            published_at=now,
        )
        for i in range(count)
    )
    DraftComment.objects.bulk_create(
        DraftComment(contribution=c, paragraph=paragraph) for c in created
    )
    return created


def make_survey(process, *, title="Umfrage zur Innenstadt", required=True, **fields):
    """A survey with one question of each kind: single, multiple, scale, text."""
    from stadtdach.participation.surveys.models import Option, Question, Survey

    survey = Survey.objects.create(process=process, title=title, **fields)
    single = Question.objects.create(
        survey=survey,
        order=1,
        text="Wie oft sind Sie in der Innenstadt?",
        kind="single",
        required=required,
    )
    multiple = Question.objects.create(
        survey=survey, order=2, text="Was fehlt Ihnen?", kind="multiple"
    )
    scale = Question.objects.create(
        survey=survey,
        order=3,
        text="Wie zufrieden sind Sie?",
        kind="scale",
        scale_min=1,
        scale_max=5,
        scale_min_label="gar nicht",
        scale_max_label="sehr",
    )
    text = Question.objects.create(
        survey=survey, order=4, text="Was wünschen Sie sich?", kind="text"
    )
    for question, labels in (
        (single, ["täglich", "wöchentlich", "selten"]),
        (multiple, ["Cafés", "Bänke", "Spielplätze"]),
    ):
        Option.objects.bulk_create(
            Option(question=question, label=label, order=n) for n, label in enumerate(labels)
        )
    survey.single, survey.multiple, survey.scale, survey.text = single, multiple, scale, text
    return survey


def add_survey_responses(survey, count: int) -> None:
    """``count`` responses without a person (bulk), each choosing the first option of
    the single choice, two options of the multiple choice and a scale value."""
    from stadtdach.participation.surveys.models import Answer, Question, SurveyResponse

    single = survey.questions.get(kind=Question.Kind.SINGLE)
    multiple = survey.questions.get(kind=Question.Kind.MULTIPLE)
    scale = survey.questions.get(kind=Question.Kind.SCALE)
    first = single.options.first()
    chosen = list(multiple.options.all()[:2])
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(survey=survey) for _ in range(count)
    )
    rows = []
    for n, response in enumerate(responses):
        rows.append(Answer(response=response, question=single, option=first))
        rows += [Answer(response=response, question=multiple, option=o) for o in chosen]
        rows.append(Answer(response=response, question=scale, scale_value=scale.scale_min + n % 5))
    Answer.objects.bulk_create(rows)


def make_prioritisation(process, *, options=3, points=10, **fields):
    from stadtdach.participation.prioritisation.models import Prioritisation, PriorityOption

    item = Prioritisation.objects.create(
        process=process,
        title=fields.pop("title", "Was ist am wichtigsten?"),
        points=points,
        **fields,
    )
    PriorityOption.objects.bulk_create(
        PriorityOption(prioritisation=item, label=f"Option {n + 1}", order=n)
        for n in range(options)
    )
    return item


def add_dot_ballots(item, count: int) -> None:
    """``count`` ballots without a person: 3 points on the first option, 1 on the last."""
    from stadtdach.participation.prioritisation.models import DotBallot, DotVote

    options = list(item.options.all())
    ballots = DotBallot.objects.bulk_create(DotBallot(prioritisation=item) for _ in range(count))
    DotVote.objects.bulk_create(
        vote
        for ballot in ballots
        for vote in (
            DotVote(ballot=ballot, option=options[0], points=3),
            DotVote(ballot=ballot, option=options[-1], points=1),
        )
    )


def make_finding(process, *, options=2, **fields):
    """A consensus finding with ``options`` options and the passive solution."""
    from stadtdach.participation.consensus.models import ConsensusFinding, ConsensusOption
    from stadtdach.participation.consensus.services import ensure_passive_option

    finding = ConsensusFinding.objects.create(
        process=process,
        title=fields.pop("title", "Wohin mit dem Jugendtreff?"),
        question=fields.pop("question", "Wo soll der Jugendtreff entstehen?"),
        **fields,
    )
    ConsensusOption.objects.bulk_create(
        ConsensusOption(finding=finding, label=f"Standort {n + 1}", order=n) for n in range(options)
    )
    ensure_passive_option(finding)
    return finding


def add_resistance_ballots(finding, count: int) -> None:
    """``count`` ballots without a person: resistance 2 for the first option, 8 for the
    others (the passive solution included)."""
    from stadtdach.participation.consensus.models import Resistance, ResistanceBallot

    options = list(finding.options.all())
    ballots = ResistanceBallot.objects.bulk_create(
        ResistanceBallot(finding=finding) for _ in range(count)
    )
    Resistance.objects.bulk_create(
        Resistance(ballot=ballot, option=option, value=2 if n == 0 else 8)
        for ballot in ballots
        for n, option in enumerate(options)
    )


def make_event(process, *, title="Werkstatt Innenstadt", **fields):
    from stadtdach.participation.offline_events.models import OfflineEvent

    now = timezone.now()
    defaults = {
        "kind": "workshop",
        "starts_at": now - datetime.timedelta(days=3),
        "ends_at": now - datetime.timedelta(days=3) + datetime.timedelta(hours=2),
        "place": "Rathaus, Ratssaal",
        "description": "Eine Werkstatt zur Zukunft der Innenstadt.",
    }
    return OfflineEvent.objects.create(process=process, title=title, **{**defaults, **fields})


def add_event_results(event, count: int, *, recorded_by=None) -> list:
    """``count`` offline results of an event (bulk)."""
    from stadtdach.participation.offline_events.models import EventResult

    now = timezone.now()
    created = Contribution.objects.bulk_create(
        Contribution(
            process=event.process,
            format="offline",
            channel="offline",
            recorded_by=recorded_by,
            author_state="anonymous",
            title=f"Ergebnis {i}",
            text=f"Ergebnis {i} der Werkstatt: mehr Grün in der Innenstadt.",
            visibility=Visibility.PUBLISHED,
            published_at=now,
        )
        for i in range(count)
    )
    EventResult.objects.bulk_create(EventResult(contribution=c, event=event) for c in created)
    return created


@dataclass
class FormatsWorld:
    base: ParticipationWorld
    process: ParticipationProcess
    draft: object
    survey: object
    prioritisation: object
    finding: object
    event: object

    @property
    def paragraph(self):
        return self.draft.paragraphs.order_by("number").first()


def build_formats(**fields) -> FormatsWorld:
    """The participation world plus a process with one object of every format."""
    base = build_participation(contributions=2)
    process = make_formats_process(base.phase, **fields)
    return FormatsWorld(
        base=base,
        process=process,
        draft=make_draft(process),
        survey=make_survey(process),
        prioritisation=make_prioritisation(process),
        finding=make_finding(process),
        event=make_event(process),
    )
