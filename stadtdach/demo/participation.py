"""The participation part of the demo (part 1: idea collection): an open idea collection
during implementation and a closed one of the main process whose ideas fed measures and
goals, with sample citizens, places, comments, supports, statuses and answers.

Everything here is illustrative and flagged as sample data: the town's document names
citizen participation as a goal but no concrete ideas. Idempotent: records are found by
natural keys (slugs, titles, user names) and updated."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from stadtdach.participation.formats import IDEAS as IDEA_FORMAT
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import (
    AuthorState,
    Comment,
    Contribution,
    ContributionStatus,
    NamedPlace,
    ParticipationProcess,
    Report,
    StatusChange,
    TargetGroup,
    Visibility,
)
from stadtdach.process.models import Phase
from stadtdach.strategy.models import ActionField, CrossCuttingTheme, Goal, Measure

S = ContributionStatus
D = datetime.date

CITIZENS = [
    # (user name, display name)
    ("beispiel-anna", "Anna vom Elbufer"),
    ("beispiel-jonas", "Jonas (17)"),
    ("beispiel-familie-krause", "Familie Krause"),
    ("beispiel-horst", "Horst B."),
    ("beispiel-heimatverein", "Heimatverein Boizenburg (Beispiel)"),
    ("beispiel-mira", "Mira"),
]

PLACES = [
    # (name, longitude, latitude) — approximate points in Boizenburg/Elbe
    ("Marktplatz", 10.7233, 53.3808),
    ("Hafen und Elbufer", 10.7215, 53.3768),
    ("Bahnhof", 10.7330, 53.3870),
    ("Fliesenmuseum", 10.7240, 53.3795),
    ("Stadtpark", 10.7290, 53.3840),
    ("Boize-Ufer an der Altstadt", 10.7255, 53.3822),
]

OPEN_PROCESS = {
    "slug": "ideen-innenstadt-und-elbufer",
    "title": "Ideen für die Umsetzung: Innenstadt und Elbufer",
    "purpose": (
        "Das ISEK wird umgesetzt – und die Beteiligung geht weiter. Welche Ideen haben Sie "
        "für Innenstadt, Hafen und Elbufer? Jede Idee wird gelesen und beantwortet; was "
        "daraus wird, sehen Sie an der Idee selbst und bei den Maßnahmen, in die sie "
        "einfließt.\n\nDie Koordination Beteiligung beantwortet die Ideen laufend. "
        "Ideen ohne Konto sind möglich; mit Konto erfahren Sie, was aus Ihrer Idee wird."
    ),
    "phase": "umsetzung",
    "days": (-21, 40),
    "contributors": ParticipationProcess.Contributors.ANONYMOUS,
    "moderation": ParticipationProcess.Moderation.POST,
}
CLOSED_PROCESS = {
    "slug": "ideensammlung-isek-2022",
    "title": "Ideensammlung zum ISEK 2022",
    "purpose": (
        "Im Hauptprozess sammelte die Stadt Ideen der Stadtgesellschaft für die "
        "Handlungsfelder des ISEK 2022. Die Ideen wurden ausgewertet und sind in Ziele und "
        "Maßnahmen eingeflossen."
    ),
    "phase": "hauptprozess",
    "dates": (D(2022, 2, 1), D(2022, 3, 31)),
    "contributors": ParticipationProcess.Contributors.REGISTERED,
    "moderation": ParticipationProcess.Moderation.PRE,
}

# (process, title, text, author, action field, theme slugs, place, status, reason, answer,
#  measure codes, goal (field slug, order), supporters, days ago)
IDEAS = [
    (
        "closed",
        "Sichere Radverbindung vom Bahnhof in die Altstadt",
        "Vom Bahnhof in die Altstadt fehlt ein durchgehender, sicherer Radweg. Gerade "
        "Schülerinnen und Pendler müssten heute auf der Fahrbahn fahren.",
        "beispiel-jonas",
        "verkehr",
        ["klimafit"],
        "Bahnhof",
        S.ADOPTED,
        "Die Idee ist in die Maßnahmen zum Radverkehr eingeflossen.",
        "Vielen Dank! Der Lückenschluss zwischen Elberadweg und Innenstadt ist als Maßnahme "
        "VER-1 in Umsetzung, die Mobilitätsstation am Bahnhof (VER-2) ist geplant.",
        ["VER-1", "VER-2"],
        ("verkehr", 1),
        ["beispiel-anna", "beispiel-mira", "beispiel-horst", "beispiel-familie-krause"],
        None,
    ),
    (
        "closed",
        "Marktplatz entsiegeln und Bäume pflanzen",
        "Der Marktplatz heizt sich im Sommer stark auf. Mehr Grün, Bäume und Wasser würden "
        "ihn zu einem Ort machen, an dem man sich gern aufhält.",
        "beispiel-anna",
        "stadtstruktur",
        ["klimafit", "beteiligung"],
        "Marktplatz",
        S.ADOPTED,
        "Übernommen in die Maßnahme zur Entsiegelung und Begrünung des Marktplatzes.",
        "Ihre Idee ist Teil der Maßnahme STS-2, die inzwischen umgesetzt wird. Über den "
        "Fortschritt berichten wir auf der Seite der Maßnahme.",
        ["STS-2"],
        ("stadtstruktur", 2),
        ["beispiel-jonas", "beispiel-mira", "beispiel-heimatverein"],
        None,
    ),
    (
        "closed",
        "Treffpunkt für Jugendliche ohne Konsumzwang",
        "Es gibt kaum Orte, an denen Jugendliche sich treffen können, ohne etwas kaufen zu "
        "müssen. Ein offener Treff mit WLAN und Sportmöglichkeiten wäre toll.",
        "beispiel-jonas",
        "soziale-infrastruktur",
        ["integration"],
        None,
        S.PARTLY_ADOPTED,
        "Der Jugendtreff wird umgesetzt; Sportflächen sind dort aus Platzgründen nicht möglich.",
        "Der Jugendtreff (SOZ-1) wird als offener Begegnungsort eingerichtet. Sportflächen "
        "prüfen wir bei den barrierefreien Spielplätzen (SOZ-2).",
        ["SOZ-1"],
        ("soziale-infrastruktur", 1),
        ["beispiel-mira", "beispiel-familie-krause"],
        None,
    ),
    (
        "closed",
        "Seilbahn über die Elbe",
        "Eine Seilbahn von Boizenburg über die Elbe wäre eine Attraktion für Touristen.",
        "beispiel-horst",
        "kultur-freizeit-und-tourismus",
        [],
        "Hafen und Elbufer",
        S.NOT_ADOPTED,
        "Die Kosten stehen in keinem Verhältnis zum Nutzen; Förderprogramme sehen so etwas "
        "nicht vor.",
        "Danke für die mutige Idee. Den Wassertourismus stärken wir stattdessen mit dem "
        "Wasserwanderrastplatz an der Boize (KUL-3).",
        [],
        None,
        ["beispiel-heimatverein"],
        None,
    ),
    (
        "open",
        "Sitzbänke und Schatten am Elbufer",
        "Am Elbufer fehlen Bänke mit Schatten. Gerade für ältere Menschen wäre ein Rundweg "
        "mit Sitzgelegenheiten alle 200 Meter eine große Hilfe.",
        "beispiel-horst",
        "stadtstruktur",
        ["klimafit", "integration"],
        "Hafen und Elbufer",
        S.IN_REVIEW,
        "",
        "Wir prüfen, ob die Bänke in den Rahmenplan Altstadt und Elbufer (STS-1) passen.",
        ["STS-1"],
        None,
        ["beispiel-anna", "beispiel-familie-krause", "beispiel-mira"],
        12,
    ),
    (
        "open",
        "Wochenmarkt auch am Samstag",
        "Der Wochenmarkt ist nur unter der Woche. Ein Samstagsmarkt würde die Innenstadt "
        "beleben – auch für Familien, die unter der Woche arbeiten.",
        "beispiel-familie-krause",
        "wirtschaft-und-beschaeftigung",
        [],
        "Marktplatz",
        S.RECEIVED,
        "",
        "",
        [],
        None,
        ["beispiel-anna", "beispiel-jonas"],
        8,
    ),
    (
        "open",
        "Fliesenmuseum und Hafen besser ausschildern",
        "Gäste finden vom Hafen den Weg zum Fliesenmuseum kaum. Ein Leitsystem mit "
        "einheitlichen Schildern würde helfen.",
        "beispiel-heimatverein",
        "kultur-freizeit-und-tourismus",
        ["kommunikation"],
        "Fliesenmuseum",
        S.ADOPTED,
        "Wird Teil der Erlebnisachse Hafen – Fliesenmuseum – Altstadt.",
        "Das Leitsystem nehmen wir in die Planung der Erlebnisachse (KUL-1) auf.",
        ["KUL-1"],
        ("kultur-freizeit-und-tourismus", 1),
        ["beispiel-horst", "beispiel-mira"],
        15,
    ),
    (
        "open",
        "Trinkwasserbrunnen in der Innenstadt",
        "An heißen Tagen wäre ein öffentlicher Trinkwasserbrunnen am Marktplatz oder am "
        "Boize-Ufer gut für alle.",
        None,
        "stadtstruktur",
        ["klimafit"],
        "Boize-Ufer an der Altstadt",
        S.RECEIVED,
        "",
        "",
        [],
        None,
        ["beispiel-jonas"],
        3,
    ),
    (
        "open",
        "Überdachte Fahrradstellplätze am Bahnhof",
        "Wer mit dem Rad zum Zug fährt, findet am Bahnhof keine überdachten und sicheren "
        "Abstellplätze.",
        "buergerin",  # the demo's citizen login sees what became of it
        "verkehr",
        ["klimafit"],
        "Bahnhof",
        S.IN_REVIEW,
        "",
        "Danke! Das passt zur geplanten Mobilitätsstation am Bahnhof (VER-2).",
        ["VER-2"],
        None,
        ["beispiel-anna", "beispiel-horst", "beispiel-jonas", "beispiel-mira"],
        5,
    ),
    (
        "open",
        "Spielplatz im Stadtpark für alle Kinder",
        "Im Stadtpark sollte ein Spielplatz entstehen, den auch Kinder im Rollstuhl nutzen können.",
        "beispiel-familie-krause",
        "soziale-infrastruktur",
        ["integration", "gleichstellung"],
        "Stadtpark",
        S.RECEIVED,
        "",
        "",
        [],
        None,
        ["beispiel-mira"],
        1,
    ),
]

COMMENTS = [
    # (idea title, author or "official", text)
    (
        "Sitzbänke und Schatten am Elbufer",
        "beispiel-anna",
        "Unbedingt! Auch ein paar Bäume als Schattenspender wären schön.",
    ),
    (
        "Sitzbänke und Schatten am Elbufer",
        "official",
        "Die Koordination Beteiligung hat die Idee an den Fachbereich Bau weitergegeben.",
    ),
    (
        "Wochenmarkt auch am Samstag",
        "beispiel-horst",
        "Dann bitte auch mit regionalen Erzeugern aus dem Umland.",
    ),
    (
        "Sichere Radverbindung vom Bahnhof in die Altstadt",
        "beispiel-mira",
        "Gerade im Winter ist die Strecke im Dunkeln gefährlich.",
    ),
    (
        "Trinkwasserbrunnen in der Innenstadt",
        "beispiel-familie-krause",
        "Gute Idee, die Kinder hätten sicher Spaß daran.",
    ),
]

MEASURE_COMMENTS = [
    ("STS-2", "beispiel-horst", "Wann werden die ersten Bäume auf dem Marktplatz gepflanzt?"),
    (
        "STS-2",
        "beispiel-anna",
        "Bitte beim Umbau an genug Fahrradbügel denken.",
    ),
]


def load_participation() -> dict[str, int]:
    citizens = _citizens()
    # The demo login "buergerin" (demo/users.py) has an idea of her own, with an answer.
    demo_citizen = get_user_model().objects.filter(username="buergerin").first()
    if demo_citizen is not None:
        citizens["buergerin"] = demo_citizen
    places = _places()
    processes = {
        "open": _process(OPEN_PROCESS, open_window=True),
        "closed": _process(CLOSED_PROCESS, open_window=False),
    }
    for spec in IDEAS:
        _idea(spec, processes, citizens, places)
    for title, author, text in COMMENTS:
        idea = Contribution.objects.get(title=title, is_sample=True)
        _comment(idea, citizens, author, text)
    for days_ago, (code, author, text) in enumerate(MEASURE_COMMENTS[::-1], start=2):
        measure = Measure.objects.filter(code=code).first()
        if measure is not None:
            comment, _ = Comment.objects.update_or_create(
                measure=measure,
                author=citizens[author],
                text=text,
                defaults={"is_sample": True, "visibility": Visibility.PUBLISHED},
            )
            Comment.objects.filter(pk=comment.pk).update(
                created=timezone.now() - datetime.timedelta(days=3 * days_ago)
            )
    _moderation(processes["open"])
    return {"ideas": Contribution.objects.filter(format=IDEA_FORMAT.code).count()}


def _citizens() -> dict:
    user_model = get_user_model()
    group = Group.objects.get_or_create(name="citizen")[0]
    citizens = {}
    for username, display_name in CITIZENS:
        user, created = user_model.objects.update_or_create(
            username=username,
            defaults={
                "display_name": display_name,
                "email": f"{username}@boizenburg.example",
                "is_sample": True,
                "is_active": True,
            },
        )
        if created:
            user.set_unusable_password()  # sample authors only: nobody logs in as them
            user.save(update_fields=["password"])
        user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        citizens[username] = user
    return citizens


def _places() -> dict[str, NamedPlace]:
    return {
        name: NamedPlace.objects.update_or_create(
            name=name,
            defaults={
                "order": order,
                "point": {"type": "Point", "coordinates": [lon, lat]},
                "is_sample": True,
            },
        )[0]
        for order, (name, lon, lat) in enumerate(PLACES, start=1)
    }


def _process(spec: dict, *, open_window: bool) -> ParticipationProcess:
    phase = Phase.objects.get(edition__slug="isek-2022", slug=spec["phase"])
    tz = timezone.get_current_timezone()
    if open_window:
        # Open relative to the day of loading, so that the demo always has an open process.
        today = timezone.localdate()
        start = today + datetime.timedelta(days=spec["days"][0])
        end = today + datetime.timedelta(days=spec["days"][1])
    else:
        start, end = spec["dates"]
    coordinator = get_user_model().objects.filter(username="beteiligung").first()
    process, _ = ParticipationProcess.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            "phase": phase,
            "title": spec["title"],
            "purpose": spec["purpose"],
            "starts_at": datetime.datetime.combine(start, datetime.time(8), tz),
            "ends_at": datetime.datetime.combine(end, datetime.time(23, 59), tz),
            "channel": ParticipationProcess.Channel.BOTH,
            "coordinator": coordinator,
            "contributors": spec["contributors"],
            "moderation": spec["moderation"],
            "formats": ["ideas"],
            "is_published": True,
            "is_sample": True,
        },
    )
    process.target_groups.set(TargetGroup.objects.all())
    return process


def _idea(spec, processes, citizens, places) -> None:
    (
        which,
        title,
        text,
        author,
        field_slug,
        theme_slugs,
        place,
        status,
        reason,
        answer,
        measure_codes,
        goal,
        supporters,
        days_ago,
    ) = spec
    process = processes[which]
    created = (
        process.starts_at + datetime.timedelta(days=10)
        if days_ago is None
        else timezone.now() - datetime.timedelta(days=days_ago)
    )
    idea, _ = Contribution.objects.update_or_create(
        process=process,
        title=title,
        defaults={
            "format": "ideas",
            "text": text,
            "author": citizens.get(author),
            "author_state": AuthorState.ACCOUNT if author else AuthorState.ANONYMOUS,
            "action_field": ActionField.objects.get(slug=field_slug),
            "named_place": places.get(place),
            "visibility": Visibility.PUBLISHED,
            "published_at": created,
            "status": status,
            "status_reason": reason,
            "answer": answer,
            "answered_at": created + datetime.timedelta(days=5) if answer else None,
            "is_sample": True,
        },
    )
    Contribution.objects.filter(pk=idea.pk).update(created=created)
    idea.themes.set(CrossCuttingTheme.objects.filter(slug__in=theme_slugs))
    idea.measures.set(Measure.objects.filter(code__in=measure_codes))
    if goal:
        idea.goals.set(
            Goal.objects.filter(
                edition__slug="isek-2022", action_field__slug=goal[0], order=goal[1]
            )
        )
    _history(idea, status, reason, created)
    for username in supporters:
        Support.objects.get_or_create(
            contribution=idea, user=citizens[username], defaults={"is_sample": True}
        )


def _history(idea, status, reason, created) -> None:
    """received → in review → decision, each step a few days after the last."""
    steps = [S.RECEIVED]
    if status != S.RECEIVED:
        steps.append(S.IN_REVIEW)
    if status not in (S.RECEIVED, S.IN_REVIEW):
        steps.append(status)
    for n, step in enumerate(steps):
        change, _ = StatusChange.objects.update_or_create(
            contribution=idea,
            status=step,
            defaults={"reason": reason if step == status and n else ""},
        )
        StatusChange.objects.filter(pk=change.pk).update(
            at=created + datetime.timedelta(days=2 * n)
        )
    StatusChange.objects.filter(contribution=idea).exclude(status__in=steps).delete()


def _comment(idea, citizens, author, text) -> None:
    official = author == "official"
    user = (
        get_user_model().objects.filter(username="beteiligung").first()
        if official
        else citizens[author]
    )
    comment, _ = Comment.objects.update_or_create(
        contribution=idea,
        text=text,
        defaults={
            "author": user,
            "is_official": official,
            "is_sample": True,
            "visibility": Visibility.PUBLISHED,
        },
    )
    Comment.objects.filter(pk=comment.pk).update(created=idea.created + datetime.timedelta(days=1))


def _moderation(process) -> None:
    """Something for the moderation to see: an advertisement hidden with its public
    reason, and an open report on a comment (the moderation will probably keep it)."""
    spam, _ = Contribution.objects.update_or_create(
        process=process,
        title="Ferienwohnungen an der Elbe günstig buchen",
        defaults={
            "format": "ideas",
            "text": "Jetzt buchen unter …",
            "author": None,
            "author_state": AuthorState.ANONYMOUS,
            "visibility": Visibility.HIDDEN,
            "hidden_reason": "Werbung – das verstößt gegen die Regeln der Diskussion.",
            "is_sample": True,
        },
    )
    StatusChange.objects.get_or_create(contribution=spam, status=S.RECEIVED)
    comment = Comment.objects.filter(
        contribution__process=process, text__startswith="Dann bitte auch"
    ).first()
    if comment is not None:
        Report.objects.get_or_create(
            comment=comment,
            reason=Report.Reason.OFF_TOPIC,
            defaults={"text": "Hat mit der Idee nichts zu tun."},
        )
