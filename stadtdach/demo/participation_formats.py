"""The participation part of the demo, formats of part 2: the vision (Leitbild) of the ISEK
2022 up for comment paragraph by paragraph (with sample comments and the town's
answers), an open survey with results, a prioritisation, a consensus finding of the
steering group (internal) and a recorded workshop whose results are offline
contributions.

The town's document names these formats but no results: everything here except the
vision's text is illustrative and flagged as sample data. Idempotent: records are found
by natural keys (slugs, titles, user names) and updated; runs after the idea collection
(demo/participation.py), whose sample citizens it reuses."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from stadtdach.demo.event_media import add_event_media
from stadtdach.participation.consensus.models import (
    ConsensusFinding,
    ConsensusOption,
    Resistance,
    ResistanceBallot,
)
from stadtdach.participation.consensus.services import ensure_passive_option
from stadtdach.participation.drafts.forms import vision_text
from stadtdach.participation.drafts.models import Draft, DraftComment
from stadtdach.participation.drafts.services import sync_paragraphs
from stadtdach.participation.models import (
    AuthorState,
    Channel,
    Contribution,
    ContributionStatus,
    ParticipationProcess,
    StatusChange,
    TargetGroup,
    Visibility,
)
from stadtdach.participation.offline_events.models import (
    Attendance,
    EventDocument,
    EventPhoto,
    EventResult,
    OfflineEvent,
)
from stadtdach.participation.prioritisation.models import (
    DotBallot,
    DotVote,
    Prioritisation,
    PriorityOption,
)
from stadtdach.participation.surveys.models import (
    Answer,
    Option,
    Question,
    Survey,
    SurveyResponse,
)
from stadtdach.process.models import Phase
from stadtdach.strategy.models import ActionField, CrossCuttingTheme, Edition

S = ContributionStatus
NOTE = "Beispieldaten: das Verfahren und alle Beiträge sind erfunden."
DRAFT_NOTE = "Der Text ist das Leitbild des ISEK 2022; Verfahren und Kommentare sind Beispieldaten."

PROCESSES = {
    "leitbild": {
        "slug": "leitbild-im-dialog",
        "title": "Leitbild im Dialog: Fortschreibung des ISEK",
        "purpose": (
            "Das Leitbild des ISEK 2022 wird für die Fortschreibung überprüft. Lesen Sie es "
            "Absatz für Absatz und sagen Sie, was bleiben, sich ändern oder dazukommen soll. "
            "Die Koordination Beteiligung beantwortet jeden Kommentar.\n\n"
            "Außerdem: eine kurze Umfrage zur Innenstadt und eine Punktabfrage, welche "
            "Handlungsfelder zuerst angegangen werden sollen."
        ),
        "days": (-14, 30),
        "formats": ["drafts", "survey", "prioritisation"],
        "contributors": ParticipationProcess.Contributors.ANONYMOUS,
        "audience": ParticipationProcess.Audience.PUBLIC,
        "channel": ParticipationProcess.Channel.ONLINE,
    },
    "konsens": {
        "slug": "konsensieren-steuerungsgruppe",
        "title": "Steuerungsgruppe: Schwerpunkt der Fortschreibung konsensieren",
        "purpose": (
            "Die Steuerungsgruppe wählt den Schwerpunkt der nächsten Fortschreibung durch "
            "Systemisches Konsensieren: Jedes Mitglied gibt jeder Möglichkeit einen Widerstand "
            "von 0 bis 10. Die Möglichkeit mit dem geringsten Gesamtwiderstand trägt die "
            "Gruppe am ehesten mit."
        ),
        "days": (-7, 21),
        "formats": ["consensus"],
        "contributors": ParticipationProcess.Contributors.REGISTERED,
        "audience": ParticipationProcess.Audience.INTERNAL,
        "channel": ParticipationProcess.Channel.ONLINE,
    },
    "werkstatt": {
        "slug": "werkstatt-innenstadt",
        "title": "Zukunftswerkstatt Innenstadt",
        "purpose": (
            "In der Zukunftswerkstatt im Ratssaal haben Bürger*innen, Gewerbetreibende und "
            "Vereine an Tischen zur Innenstadt gearbeitet. Die Ergebnisse sind hier "
            "festgehalten und werden zusammen mit den Online-Beiträgen ausgewertet."
        ),
        "days": (-40, -10),
        "formats": ["offline"],
        "contributors": ParticipationProcess.Contributors.REGISTERED,
        "audience": ParticipationProcess.Audience.PUBLIC,
        "channel": ParticipationProcess.Channel.OFFLINE,
    },
}

# (paragraph number, author, text, answer of the town, status)
DRAFT_COMMENTS = [
    (
        1,
        "beispiel-anna",
        "Schön formuliert. Mir fehlt, dass auch die Ortsteile dazugehören – nicht nur die "
        "Altstadt an Elbe und Boize.",
        "Danke! Wir schlagen vor, die Ortsteile im ersten Absatz ausdrücklich zu nennen.",
        S.IN_REVIEW,
    ),
    (
        1,
        "beispiel-jonas",
        "„Menschen aller Generationen“ – dann bitte auch Angebote für Jugendliche in der "
        "Innenstadt mitdenken.",
        "",
        S.RECEIVED,
    ),
    (
        3,
        "beispiel-horst",
        "Klimafit ist gut, aber bitte mit konkreten Zielen, an denen man den Fortschritt "
        "messen kann.",
        "Die Ziele und Kennzahlen stehen in den Handlungsfeldern und im Monitoring; das "
        "Leitbild verweist künftig darauf.",
        S.PARTLY_ADOPTED,
    ),
    (
        4,
        "beispiel-heimatverein",
        "Die Vereine möchten bei der Beteiligung vor Ort mitwirken, etwa mit einem Stand "
        "auf dem Stadtfest.",
        "Sehr gern – die Koordination Beteiligung meldet sich für die Planung der "
        "Informationsstände.",
        S.ADOPTED,
    ),
]

SURVEY = {
    "title": "Umfrage: Wie erleben Sie die Innenstadt?",
    "introduction": "Fünf kurze Fragen, etwa drei Minuten. Alle Antworten außer der ersten "
    "sind freiwillig.",
    "questions": [
        # (text, kind, required, options or scale labels)
        (
            "Wie oft sind Sie in der Innenstadt?",
            Question.Kind.SINGLE,
            True,
            ["täglich", "mehrmals pro Woche", "seltener"],
        ),
        (
            "Was fehlt Ihnen in der Innenstadt?",
            Question.Kind.MULTIPLE,
            False,
            ["Sitzplätze und Schatten", "Cafés und Gastronomie", "Spielorte", "Fahrradstellplätze"],
        ),
        (
            "Wie wohl fühlen Sie sich auf dem Marktplatz?",
            Question.Kind.SCALE,
            False,
            ("gar nicht", "sehr"),
        ),
        ("Was wünschen Sie sich für die Innenstadt?", Question.Kind.TEXT, False, []),
    ],
}

# (citizen, single option, multiple options, scale value, free text)
SURVEY_RESPONSES = [
    ("beispiel-anna", 0, [0, 1], 3, "Mehr Bäume und Wasser auf dem Marktplatz."),
    ("beispiel-jonas", 2, [2, 3], 2, "Einen Treffpunkt für Jugendliche ohne Konsumzwang."),
    ("beispiel-familie-krause", 1, [0, 2], 3, ""),
    ("beispiel-horst", 0, [0], 4, "Bänke mit Lehnen und öffentliche Toiletten."),
    ("beispiel-heimatverein", 1, [1], 4, ""),
    ("beispiel-mira", 1, [0, 1, 3], 5, ""),
]

PRIORITISATION = {
    "title": "Punktabfrage: Welche Handlungsfelder zuerst?",
    "introduction": "Sie haben 10 Punkte, höchstens 5 pro Handlungsfeld.",
    "points": 10,
    "max_per_option": 5,
    "fields": [
        "stadtstruktur",
        "verkehr",
        "soziale-infrastruktur",
        "kultur-freizeit-und-tourismus",
        "wirtschaft-und-beschaeftigung",
    ],
}
# (citizen, points in the order of the fields above)
DOT_VOTES = [
    ("beispiel-anna", [5, 3, 2, 0, 0]),
    ("beispiel-jonas", [0, 2, 5, 3, 0]),
    ("beispiel-familie-krause", [3, 0, 5, 2, 0]),
    ("beispiel-horst", [4, 4, 0, 0, 2]),
    ("beispiel-mira", [2, 3, 3, 0, 2]),
]

FINDING = {
    "title": "Schwerpunkt der Fortschreibung",
    "question": "Welchen Schwerpunkt soll die nächste Fortschreibung des ISEK setzen?",
    "introduction": "Widerstand 0: kein Einwand. Widerstand 10: starker Einwand.",
    "options": [
        ("Klimaanpassung der Innenstadt", "Entsiegelung, Bäume, Wasser in Straßen und Plätzen."),
        ("Wohnen für alle Generationen", "Barrierearme und bezahlbare Wohnungen."),
        ("Hafen und Elbufer", "Der Hafen als Rückgrat für Tourismus und Freizeit."),
    ],
}
# Sample members of the steering group (governance_samples: its composition); the demo
# login "steuerung" has not rated yet, so that the format can be tried out.
STEERING_MEMBERS = [
    # (user name, display name, resistances: options above, then the passive solution)
    ("beispiel-sg-wtk", "Mitglied WTK (Beispiel)", [1, 4, 6, 9]),
    ("beispiel-sg-fraktion-b", "Vertreter*in Fraktion B (Beispiel)", [3, 2, 7, 8]),
    ("beispiel-sg-fbl-bau", "FBL Bau (Beispiel)", [2, 5, 4, 10]),
    ("beispiel-sg-stadtgesellschaft", "Sprachrohr Stadtgesellschaft (Beispiel)", [0, 3, 8, 7]),
]

EVENT = {
    "title": "Zukunftswerkstatt Innenstadt",
    "kind": OfflineEvent.Kind.WORKSHOP,
    "days_ago": 20,
    "place": "Rathaus, Ratssaal",
    "named_place": "Marktplatz",
    "description": (
        "Drei Stunden, vier Thementische: Aufenthalt, Handel, Verkehr, Jugend. Moderiert von "
        "der externen Beratung, dokumentiert von der Koordination Beteiligung."
    ),
    "attendance": {
        "jugendliche": 6,
        "familien": 9,
        "seniorinnen-und-senioren": 11,
        "unternehmen": 5,
        "vereine-und-initiativen": 4,
    },
    "attendance_other": 3,
}
# (title, text, target group, action field, themes, status, reason, answer)
EVENT_RESULTS = [
    (
        "Schattige Sitzplätze am Markt",
        "Der Tisch „Aufenthalt“ wünscht Bäume und Bänke mit Lehnen rund um den Marktplatz.",
        "seniorinnen-und-senioren",
        "stadtstruktur",
        ["klimafit"],
        S.ADOPTED,
        "Passt zur Maßnahme Entsiegelung und Begrünung des Marktplatzes.",
        "Die Sitzplätze werden beim Umbau des Marktplatzes (STS-2) eingeplant.",
    ),
    (
        "Leerstand zwischennutzen",
        "Leere Läden könnten für Pop-up-Geschäfte, Ausstellungen und Vereine geöffnet werden.",
        "unternehmen",
        "wirtschaft-und-beschaeftigung",
        [],
        S.IN_REVIEW,
        "",
        "Wir sprechen mit den Eigentümer*innen über ein Zwischennutzungsprogramm.",
    ),
    (
        "Sichere Schulwege in die Altstadt",
        "Eltern wünschen Tempo 30 und sichere Querungen auf dem Weg zur Schule.",
        "familien",
        "verkehr",
        ["klimafit"],
        S.RECEIVED,
        "",
        "",
    ),
    (
        "Ein Ort für Jugendliche",
        "Die Jugendlichen wünschen einen überdachten Treffpunkt mit WLAN nahe der Innenstadt.",
        "jugendliche",
        "soziale-infrastruktur",
        ["integration"],
        S.PARTLY_ADOPTED,
        "Der Jugendtreff kommt; ein eigener Platz in der Innenstadt ist nicht frei.",
        "Der offene Jugendtreff (SOZ-1) nimmt den Wunsch auf.",
    ),
]


def load() -> dict[str, int]:
    users = _users()
    processes = {key: _process(spec) for key, spec in PROCESSES.items()}
    draft = _draft(processes["leitbild"], users)
    _survey(processes["leitbild"], users)
    _prioritisation(processes["leitbild"], users)
    _finding(processes["konsens"], users)
    _event(processes["werkstatt"], users)
    return {
        "participation_processes": ParticipationProcess.objects.count(),
        "contributions": Contribution.objects.count(),
        "draft_paragraphs": draft.paragraphs.count() if draft else 0,
        "survey_responses": SurveyResponse.objects.filter(is_sample=True).count(),
        "dot_ballots": DotBallot.objects.filter(is_sample=True).count(),
        "resistance_ballots": ResistanceBallot.objects.filter(is_sample=True).count(),
        "offline_results": EventResult.objects.count(),
        "event_files": EventPhoto.objects.count() + EventDocument.objects.count(),
    }


def _users() -> dict:
    """The sample citizens of the idea collection and sample steering group members."""
    user_model = get_user_model()
    users = {u.username: u for u in user_model.objects.filter(username__startswith="beispiel-")}
    steering = Group.objects.get_or_create(name="steering_group")[0]
    for username, display_name, _ in STEERING_MEMBERS:
        user, created = user_model.objects.update_or_create(
            username=username,
            defaults={"display_name": display_name, "is_sample": True, "is_active": True},
        )
        if created:
            user.set_unusable_password()  # sample members only: nobody logs in as them
            user.save(update_fields=["password"])
        user.groups.add(steering)
        users[username] = user
    users["beteiligung"] = user_model.objects.filter(username="beteiligung").first()
    return users


def _process(spec: dict) -> ParticipationProcess:
    phase = Phase.objects.get(edition__slug="isek-2022", slug="umsetzung")
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    start = today + datetime.timedelta(days=spec["days"][0])
    end = today + datetime.timedelta(days=spec["days"][1])
    process, _ = ParticipationProcess.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            "phase": phase,
            "title": spec["title"],
            "purpose": spec["purpose"],
            "starts_at": datetime.datetime.combine(start, datetime.time(8), tz),
            "ends_at": datetime.datetime.combine(end, datetime.time(23, 59), tz),
            "channel": spec["channel"],
            "coordinator": get_user_model().objects.filter(username="beteiligung").first(),
            "contributors": spec["contributors"],
            "moderation": ParticipationProcess.Moderation.POST,
            "audience": spec["audience"],
            "formats": spec["formats"],
            "is_published": True,
            "is_sample": True,
            "sample_note": NOTE,
        },
    )
    process.target_groups.set(TargetGroup.objects.all())
    return process


def _contribution(process, format_code, title, text, **fields) -> Contribution:
    """A published sample contribution with its public history."""
    status = fields.pop("status", S.RECEIVED)
    created = fields.pop("created")
    contribution, _ = Contribution.objects.update_or_create(
        process=process,
        format=format_code,
        title=title,
        author=fields.pop("author"),
        defaults={
            "text": text,
            "visibility": Visibility.PUBLISHED,
            "published_at": created,
            "status": status,
            "answered_at": created + datetime.timedelta(days=3) if fields.get("answer") else None,
            "is_sample": True,
            **fields,
        },
    )
    Contribution.objects.filter(pk=contribution.pk).update(created=created)
    steps = [S.RECEIVED] + ([status] if status != S.RECEIVED else [])
    for n, step in enumerate(steps):
        change, _ = StatusChange.objects.update_or_create(
            contribution=contribution,
            status=step,
            defaults={"reason": fields.get("status_reason", "") if n else ""},
        )
        StatusChange.objects.filter(pk=change.pk).update(
            at=created + datetime.timedelta(days=3 * n)
        )
    StatusChange.objects.filter(contribution=contribution).exclude(status__in=steps).delete()
    return contribution


def _draft(process, users) -> Draft | None:
    edition = Edition.objects.filter(slug="isek-2022").first()
    text = vision_text(edition)
    if not text:
        return None
    draft, _ = Draft.objects.update_or_create(
        process=process,
        title="Leitbild des ISEK 2022",
        defaults={
            "text": text,
            "introduction": "Das Leitbild mit seinen Leitsätzen, wie es die Stadtvertretung "
            "mit dem ISEK 2022 beschlossen hat.",
            "order": 1,
            "is_sample": True,
            "sample_note": DRAFT_NOTE,
        },
    )
    sync_paragraphs(draft)
    paragraphs = {p.number: p for p in draft.paragraphs.filter(is_current=True)}
    for days_ago, (number, author, text, answer, status) in enumerate(DRAFT_COMMENTS[::-1], 2):
        paragraph = paragraphs.get(number)
        if paragraph is None:
            continue
        contribution = _contribution(
            process,
            "drafts",
            f"Zu Absatz {number} von „{draft.title}“",
            text,
            author=users.get(author),
            author_state=AuthorState.ACCOUNT,
            answer=answer,
            status=status,
            status_reason="Siehe die Antwort der Stadt."
            if status in (S.ADOPTED, S.PARTLY_ADOPTED)
            else "",
            created=timezone.now() - datetime.timedelta(days=days_ago),
        )
        DraftComment.objects.update_or_create(
            contribution=contribution, defaults={"paragraph": paragraph}
        )
    return draft


def _survey(process, users) -> None:
    survey, _ = Survey.objects.update_or_create(
        process=process,
        title=SURVEY["title"],
        defaults={
            "introduction": SURVEY["introduction"],
            "results": Survey.Results.ALWAYS,
            "order": 1,
            "is_sample": True,
            "sample_note": NOTE,
        },
    )
    questions = []
    for order, (text, kind, required, extra) in enumerate(SURVEY["questions"], start=1):
        scale = kind == Question.Kind.SCALE
        question, _ = Question.objects.update_or_create(
            survey=survey,
            order=order,
            defaults={
                "text": text,
                "kind": kind,
                "required": required,
                "scale_min": 1,
                "scale_max": 5,
                "scale_min_label": extra[0] if scale else "",
                "scale_max_label": extra[1] if scale else "",
            },
        )
        options = []
        if not scale:
            for n, label in enumerate(extra):
                options.append(
                    Option.objects.update_or_create(
                        question=question, label=label, defaults={"order": n}
                    )[0]
                )
        questions.append((question, options))
    (single, single_options), (multiple, multiple_options), (scale_q, _), (text_q, _) = questions
    for days_ago, (username, one, many, value, free) in enumerate(SURVEY_RESPONSES, start=1):
        user = users.get(username)
        if user is None:
            continue
        response, _ = SurveyResponse.objects.get_or_create(
            survey=survey, user=user, defaults={"is_sample": True}
        )
        Answer.objects.get_or_create(response=response, question=single, option=single_options[one])
        for index in many:
            Answer.objects.get_or_create(
                response=response, question=multiple, option=multiple_options[index]
            )
        Answer.objects.update_or_create(
            response=response, question=scale_q, option=None, defaults={"scale_value": value}
        )
        if free:
            contribution = _contribution(
                process,
                "survey",
                text_q.text,
                free,
                author=user,
                author_state=AuthorState.ACCOUNT,
                created=timezone.now() - datetime.timedelta(days=days_ago),
            )
            Answer.objects.update_or_create(
                response=response,
                question=text_q,
                option=None,
                defaults={"contribution": contribution},
            )


def _prioritisation(process, users) -> None:
    item, _ = Prioritisation.objects.update_or_create(
        process=process,
        title=PRIORITISATION["title"],
        defaults={
            "introduction": PRIORITISATION["introduction"],
            "points": PRIORITISATION["points"],
            "max_per_option": PRIORITISATION["max_per_option"],
            "order": 2,
            "is_sample": True,
            "sample_note": NOTE,
        },
    )
    options = []
    for order, slug in enumerate(PRIORITISATION["fields"], start=1):
        field = ActionField.objects.filter(slug=slug).first()
        if field is not None:
            options.append(
                PriorityOption.objects.update_or_create(
                    prioritisation=item, action_field=field, defaults={"order": order}
                )[0]
            )
    if len(options) != len(PRIORITISATION["fields"]):
        return
    for username, points in DOT_VOTES:
        user = users.get(username)
        if user is None:
            continue
        ballot, _ = DotBallot.objects.get_or_create(
            prioritisation=item, user=user, defaults={"is_sample": True}
        )
        for option, value in zip(options, points, strict=True):
            if value:
                DotVote.objects.update_or_create(
                    ballot=ballot, option=option, defaults={"points": value}
                )


def _finding(process, users) -> None:
    finding, _ = ConsensusFinding.objects.update_or_create(
        process=process,
        title=FINDING["title"],
        defaults={
            "question": FINDING["question"],
            "introduction": FINDING["introduction"],
            "order": 1,
            "is_sample": True,
            "sample_note": NOTE,
        },
    )
    options = [
        ConsensusOption.objects.update_or_create(
            finding=finding,
            label=label,
            is_passive=False,
            defaults={"description": description, "order": order},
        )[0]
        for order, (label, description) in enumerate(FINDING["options"], start=1)
    ]
    options.append(ensure_passive_option(finding))
    for username, _, values in STEERING_MEMBERS:
        ballot, _ = ResistanceBallot.objects.get_or_create(
            finding=finding, user=users[username], defaults={"is_sample": True}
        )
        for option, value in zip(options, values, strict=True):
            Resistance.objects.update_or_create(
                ballot=ballot, option=option, defaults={"value": value}
            )


def _event(process, users) -> None:
    from stadtdach.participation.models import NamedPlace

    starts = timezone.now().replace(hour=17, minute=0, second=0, microsecond=0) - (
        datetime.timedelta(days=EVENT["days_ago"])
    )
    event, _ = OfflineEvent.objects.update_or_create(
        process=process,
        title=EVENT["title"],
        defaults={
            "kind": EVENT["kind"],
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=3),
            "place": EVENT["place"],
            "named_place": NamedPlace.objects.filter(name=EVENT["named_place"]).first(),
            "description": EVENT["description"],
            "attendance_other": EVENT["attendance_other"],
            "recorded_by": users.get("beteiligung"),
            "is_sample": True,
            "sample_note": NOTE,
        },
    )
    for slug, count in EVENT["attendance"].items():
        group = TargetGroup.objects.filter(slug=slug).first()
        if group is not None:
            Attendance.objects.update_or_create(
                event=event, target_group=group, defaults={"count": count}
            )
    for n, (title, text, group, field, themes, status, reason, answer) in enumerate(EVENT_RESULTS):
        contribution = _contribution(
            process,
            "offline",
            title,
            text,
            author=None,
            author_state=AuthorState.ANONYMOUS,
            channel=Channel.OFFLINE,
            recorded_by=users.get("beteiligung"),
            target_group=TargetGroup.objects.filter(slug=group).first(),
            action_field=ActionField.objects.filter(slug=field).first(),
            status=status,
            status_reason=reason,
            answer=answer,
            created=starts + datetime.timedelta(days=1, minutes=n),
        )
        contribution.themes.set(CrossCuttingTheme.objects.filter(slug__in=themes))
        EventResult.objects.update_or_create(contribution=contribution, defaults={"event": event})
    add_event_media(event, users.get("beteiligung"), [result[0] for result in EVENT_RESULTS])
