"""The demo part of the process and governance (PARTS in parts.py): bodies, people and
memberships, the meetings and papers around the decision of 04.02.2021, the steering
group's series, contracts and work packages, the tender specification, the next steps'
owners and links. Data: governance_samples.py. Idempotent: natural keys, update_or_create,
soft-deleted demo rows are restored rather than duplicated."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from stadtdach.core.models import Municipality
from stadtdach.demo import governance_process as work
from stadtdach.demo import governance_records as records
from stadtdach.demo import governance_samples as S
from stadtdach.demo import seed
from stadtdach.governance import services
from stadtdach.governance.models import (
    AgendaItem,
    Authority,
    Body,
    BodyFinding,
    CadenceRule,
    Decision,
    Document,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Paper,
    Person,
)
from stadtdach.process.models import (
    Milestone,
    Phase,
)
from stadtdach.strategy.models import Edition, Measure


def load() -> dict[str, int]:
    edition = Edition.objects.get(slug=seed.NEW_EDITION["slug"])
    today = timezone.localdate()
    authority = _authority()
    _terms(authority)
    places = {
        key: records.live(Location, {"description": v["description"]}, v)
        for key, v in S.LOCATIONS.items()
    }
    bodies = _bodies(authority, places)
    people = _people(authority, bodies)
    meetings = _formal_meetings(bodies, places, people)
    papers = _papers(authority, edition, bodies, meetings)
    steering = _steering_group(bodies["steuerungsgruppe"], places)
    phases = {p.slug: p for p in Phase.objects.filter(edition=edition)}
    packages = work.contracts_and_packages(edition, phases, steering, today, add_item=records.item)
    work.specification(edition, phases)
    work.tasks(edition, bodies, meetings, papers, today)
    _later_papers(authority, edition, bodies, places, people)
    return {
        "bodies": Body.objects.count(),
        "people": Person.objects.count(),
        "meetings": Meeting.objects.count(),
        "papers": Paper.objects.count(),
        "work_packages": len(packages),
    }


def _authority() -> Authority:
    town = Municipality.objects.order_by("pk").first()
    authority = Authority.objects.order_by("pk").first() or Authority(name="")
    authority.name = town.official_name if town else "Stadt Boizenburg/Elbe"
    authority.short_name = town.name if town else "Boizenburg/Elbe"
    authority.website = town.website if town else ""
    authority.contact_email = town.email if town else ""
    authority.contact_name = "Koordination administrativ (Beispiel)"
    authority.classification = "Stadt"
    authority.save()
    return authority


def _terms(authority: Authority) -> None:
    for name, start, end in S.TERMS:
        records.live(
            LegislativeTerm,
            {"authority": authority, "name": name},
            {"start_date": start, "end_date": end, "is_sample": True},
        )


def _bodies(authority: Authority, places) -> dict[str, Body]:
    bodies = {}
    for slug, name, short, kind, composition, is_sample, order in S.BODIES:
        bodies[slug] = records.live(
            Body,
            {"slug": slug},
            {
                "authority": authority,
                "name": name,
                "short_name": short,
                "kind": kind,
                "composition": composition,
                "description": S.BODY_DESCRIPTIONS.get(slug, ""),
                "is_sample": is_sample,
                "order": order,
                "location": places["bibliothek" if slug == "ausschuss-wtk" else "rathaus"],
                "start_date": S.STEERING_START if slug == "steuerungsgruppe" else None,
                "sample_note": "Gründungsdatum und Sitzungsort sind Beispieldaten."
                if not is_sample
                else "",
            },
        )
    return bodies


def _people(authority: Authority, bodies) -> dict[str, Person]:
    people: dict[str, Person] = {}
    factions = [bodies[slug] for slug in S.FACTIONS]
    for slug, members in S.MEMBERS.items():
        for name, role, voting, faction in members:
            if name not in people:
                people[name] = records.live(
                    Person,
                    {"name": name},
                    {
                        "authority": authority,
                        "is_sample": True,
                        "sample_note": "",
                    },
                )
            start = S.STEERING_START if slug == "steuerungsgruppe" else S.MEMBERSHIP_START
            records.live(
                Membership,
                {"person": people[name], "body": bodies[slug]},
                {
                    "role": role,
                    "voting_right": voting,
                    "on_behalf_of": factions[faction] if faction is not None else None,
                    "start_date": start,
                    "end_date": None,
                    "is_sample": True,
                },
            )
    users = get_user_model().objects.filter(username__in=S.ACCOUNTS)
    for user in users:
        Person.all_objects.filter(user=user).exclude(name=S.ACCOUNTS[user.username]).update(
            user=None
        )
        Person.all_objects.filter(name=S.ACCOUNTS[user.username]).update(user=user)
    return people


def _formal_meetings(bodies, places, people) -> dict[str, Meeting]:
    spec = S.WTK_MEETING
    wtk = records.meeting(
        bodies["ausschuss-wtk"],
        spec["name"],
        records.at(*spec["start"]),
        places[spec["location"]],
        is_sample=False,
        sample_note="Anwesenheit und Abstimmung sind Beispieldaten.",
    )
    for order, (number, name, description) in enumerate(spec["agenda"]):
        records.item(wtk, order, number, name, description)
    records.attendance(wtk, people)
    presentation = "\n\n".join(
        [seed.WTK_PRESENTATION["name"], seed.WTK_PRESENTATION["description"]]
    )
    records.document(
        S.PRESENTATION_NAME,
        "welches-boizenburg-wollen-wir.txt",
        presentation.encode(),
        body=wtk.body,
        meeting=wtk,
        role=Document.Role.AUXILIARY,
        date=spec["start"][0],
        is_sample=False,
    )
    meetings = {"wtk": wtk}
    for slug, (day, time) in S.COMMITTEE_DATES.items():
        meeting = records.meeting(
            bodies[slug], f"Sitzung: {bodies[slug].name}", records.at(day, time), places["rathaus"]
        )
        records.attendance(meeting, people)
        meetings[slug] = meeting
    council = records.meeting(
        bodies["stadtvertretung"],
        S.COUNCIL_MEETING["name"],
        records.at(*S.COUNCIL_MEETING["start"]),
        places["rathaus"],
        is_sample=False,
        sample_note="Uhrzeit, Ort, Anwesenheit und Abstimmung sind Beispieldaten.",
    )
    records.attendance(council, people, excused={S.COUNCIL_EXCUSED})
    meetings["council"] = council
    return meetings


def _papers(authority, edition, bodies, meetings) -> dict[str, Paper]:
    spec = S.MAIN_PAPER
    main = records.live(
        Paper,
        {"reference": spec["reference"]},
        {
            "authority": authority,
            "name": spec["name"],
            "kind": Paper.Kind.DECISION,
            "date": spec["date"],
            "proposal": spec["proposal"],
            "text": spec["text"],
            "edition": edition,
            "originator": None,
            "sample_note": spec["sample_note"],
        },
    )
    wtk_item = AgendaItem.objects.get(meeting=meetings["wtk"], order=1)
    records.consult(
        main,
        1,
        bodies["ausschuss-wtk"],
        meetings["wtk"],
        wtk_item,
        "preliminary",
        "recommended",
        S.WTK_VOTES,
        result_note="Zustimmung zum aufgezeigten Prozess im WTK.",
    )
    finance_item = records.item(
        meetings["finanzausschuss"],
        1,
        "2",
        spec["name"],
        "Bereitstellung der Finanzmittel",
        is_sample=True,
    )
    records.consult(
        main,
        2,
        bodies["finanzausschuss"],
        meetings["finanzausschuss"],
        finance_item,
        "preliminary",
        "recommended",
        S.FINANCE_VOTES,
    )
    council_item = records.item(meetings["council"], 0, "5", spec["name"], is_sample=True)
    council = records.consult(
        main,
        3,
        bodies["stadtvertretung"],
        meetings["council"],
        council_item,
        "decision",
        "adopted",
        S.COUNCIL_VOTES,
    )
    records.item(
        meetings["council"],
        1,
        "12",
        "Besetzung der Koordinationsstellen (Personalangelegenheit)",
        public=False,
        is_sample=True,
    )
    decision, _ = Decision.objects.update_or_create(
        consultation=council,
        defaults={
            "number": "StV/2021/007",
            "decided_on": seed.COUNCIL_DECISION["date"],
            "text": spec["proposal"],
            "sample_note": "Beschlussnummer und Wortlaut sind Beispieldaten.",
        },
    )
    decision.editions.set([edition])
    # Reports to all committees, each a paper of its own kind.
    for number, slug in enumerate(S.REPORT_COMMITTEES, start=1):
        body = bodies[slug]
        report = records.live(
            Paper,
            {"reference": f"BE/2021/{number:03d}"},
            {
                "authority": authority,
                "name": f"Bericht zum Prozess ISEK 2022 im {body.name}",
                "kind": Paper.Kind.REPORT,
                "date": datetime.date(2021, 1, 5),
                "text": "Berichterstattung in allen Fachausschüssen inkl. Bereitstellung der "
                "Finanzmittel.",
                "parent": main,
                "edition": edition,
                "originator": None,
                "is_sample": True,
            },
        )
        item = records.item(meetings[slug], 0, "1", report.name, is_sample=True)
        records.consult(report, 1, body, meetings[slug], item, "information", "noted")
    return {"main": main, "decision": decision}


def _steering_group(body: Body, places) -> list[Meeting]:
    for title, first, interval, later_from, later_interval, until in S.CADENCES:
        rule, _ = CadenceRule.objects.update_or_create(
            body=body,
            title=title,
            defaults={
                "first_date": first,
                "time_of_day": S.CADENCE_TIME,
                "interval_days": interval,
                "later_from": later_from,
                "later_interval_days": later_interval,
                "until": until,
                "location": places["rathaus"],
                "is_public": False,
                "is_sample": True,
            },
        )
        services.cadence_generate(actor=None, rule=rule)
    series = list(Meeting.objects.filter(body=body).order_by("start"))
    first = series[0]
    records.item(
        first,
        0,
        "1",
        "Konstituierung und Arbeitsweise der Steuerungsgruppe",
        public=False,
        is_sample=True,
    )
    records.item(
        first, 1, "2", "Eckpunkte des Leistungsverzeichnisses", public=False, is_sample=True
    )
    for order, (kind, title, text, rank) in enumerate(S.FINDINGS):
        BodyFinding.objects.update_or_create(
            body=body,
            title=title,
            defaults={
                "kind": kind,
                "text": text,
                "rank": rank,
                "meeting": series[order * 3],
                "is_sample": True,
            },
        )
    for name, file_name, text in S.WORKSPACE_DOCUMENTS:
        records.document(
            name,
            file_name,
            text.encode(),
            body=body,
            meeting=None,
            is_public=False,
            role=Document.Role.WORKING,
            date=first.start.date(),
            is_sample=True,
        )
    return series


def _decided_paper(authority, edition, spec, body, place, when, people, *, votes, measures=()):
    paper = records.live(
        Paper,
        {"reference": spec["reference"]},
        {
            "authority": authority,
            "name": spec["name"],
            "kind": Paper.Kind.DECISION,
            "date": spec["date"],
            "proposal": spec["proposal"],
            "edition": edition,
            "is_sample": True,
        },
    )
    meeting = records.meeting(body, "Sitzung der Stadtvertretung", records.at(*when), place)
    records.attendance(meeting, people)
    item = records.item(meeting, 0, "4", spec["name"], is_sample=True)
    consultation = records.consult(paper, 1, body, meeting, item, "decision", "adopted", votes)
    decision, _ = Decision.objects.update_or_create(
        consultation=consultation,
        defaults={"decided_on": when[0], "text": spec["proposal"], "is_sample": True},
    )
    return paper, decision


def _later_papers(authority, edition, bodies, places, people) -> None:
    council, wtk = bodies["stadtvertretung"], bodies["ausschuss-wtk"]
    _paper, decision = _decided_paper(
        authority,
        edition,
        S.EDITION_PAPER,
        council,
        places["rathaus"],
        S.EDITION_COUNCIL,
        people,
        votes=(11, 0, 1),
    )
    decision.editions.set([edition])
    _paper, decision = _decided_paper(
        authority,
        edition,
        S.MEASURE_PAPER,
        council,
        places["rathaus"],
        S.MEASURE_COUNCIL,
        people,
        votes=(9, 2, 1),
    )
    measures = Measure.objects.filter(edition=edition, code__in=S.MEASURE_PAPER["measures"])
    decision.measures.set(measures)
    decision.goals.set({goal for m in measures for goal in m.goals.all()})
    # The yearly monitoring report: a report paper, noted by the WTK and the council.
    milestones = {m.name: m.date for m in Milestone.objects.filter(edition=edition)}
    today = timezone.localdate()
    upcoming = []
    for year in S.MONITORING_YEARS:
        day = milestones.get(f"Monitoringbericht {year}")
        if day is None:
            continue
        report = records.live(
            Paper,
            {"reference": f"BE/{year}/090"},
            {
                "authority": authority,
                "name": f"Monitoringbericht {year} zum ISEK 2022",
                "kind": Paper.Kind.REPORT,
                "date": day - datetime.timedelta(days=21),
                "edition": edition,
                "is_sample": True,
            },
        )
        for order, (body, when) in enumerate(
            ((wtk, day - datetime.timedelta(days=14)), (council, day)), start=1
        ):
            held = when < today
            meeting = records.meeting(
                body,
                f"Sitzung: {body.name}",
                records.at(when, datetime.time(18, 0)),
                places["rathaus"],
                state="held" if held else "invited",
            )
            item = records.item(meeting, 0, "3", report.name, is_sample=True)
            records.consult(
                report, order, body, meeting, item, "information", "noted" if held else "pending"
            )
            if not held:
                upcoming.append(meeting)
    _pending_paper(authority, edition, bodies, upcoming)


def _pending_paper(authority, edition, bodies, upcoming) -> None:
    """A decision paper on its way: WTK → finance committee (not scheduled yet) → council,
    in the first upcoming WTK and council meetings."""
    wtk = next((m for m in upcoming if m.body.slug == "ausschuss-wtk"), None)
    council = next((m for m in upcoming if m.body.slug == "stadtvertretung"), None)
    if wtk is None or council is None:
        return
    spec = S.PENDING_PAPER
    paper = records.live(
        Paper,
        {"reference": spec["reference"]},
        {
            "authority": authority,
            "name": spec["name"],
            "kind": Paper.Kind.DECISION,
            "date": wtk.start.date() - datetime.timedelta(days=14),
            "proposal": spec["proposal"],
            "edition": edition,
            "is_sample": True,
        },
    )
    item = records.item(wtk, 1, "4", spec["name"], is_sample=True)
    records.consult(paper, 1, wtk.body, wtk, item, "preliminary", "pending")
    records.consult(paper, 2, bodies["finanzausschuss"], None, None, "preliminary", "pending")
    item = records.item(council, 1, "4", spec["name"], is_sample=True)
    records.consult(paper, 3, council.body, council, item, "decision", "pending")
