"""Demo part: the revisions (Fortschreibung) of the ISEK. The ISEK 2002-2017 as it last
stood, the ISEK 2022 as adopted in 2022, and its first update of 2025, which is the
current state of the demo. The older snapshots are reconstructed (sample data): the
2002-2017 content is illustrative, the 2022 state is the current one with the changes
of the update taken back."""

import copy
import datetime

from stadtdach.reports.models import Revision
from stadtdach.reports.snapshots import SCHEMA, snapshot
from stadtdach.strategy.models import Edition

D = datetime.date
NOTE = "Inhalte und Datum der Fortschreibung sind Beispieldaten."

OLD_ISEK = {
    "schema": SCHEMA,
    "edition": {
        "slug": "isek-2002-2017",
        "name": "ISEK 2002-2017",
        "period": "2002–2017",
        "summary": "Das bisherige integrierte Stadtentwicklungskonzept mit seinen Fortschreibungen "
        "(zuletzt ISEK 2017), vor allem als Grundlage für Fördermittel im Bereich Bau.",
    },
    "vision": {
        "title": "Boizenburg/Elbe – Stadt an der Elbe",
        "text": "Boizenburg/Elbe erneuert seine Altstadt und sein Hafengebiet und sichert "
        "damit seine Zukunft als Wohn- und Gewerbestandort an der Elbe.",
        "principles": [
            {"title": "Altstadt sanieren", "text": "Die historische Bausubstanz wird erhalten."},
            {"title": "Hafen entwickeln", "text": "Das Hafengebiet wird für Gewerbe erschlossen."},
        ],
    },
    "action_fields": [
        {
            "key": "stadtstruktur",
            "label": "Stadtstruktur",
            "selected": True,
            "reason": "Sanierungsgebiet Altstadt als Schwerpunkt der Städtebauförderung.",
        },
        {
            "key": "wohnen",
            "label": "Wohnen",
            "selected": True,
            "reason": "Rückbau und Aufwertung im Wohnungsbestand.",
        },
        {
            "key": "wirtschaft-und-beschaeftigung",
            "label": "Wirtschaft und Beschäftigung",
            "selected": True,
            "reason": "Erschließung des Hafengebiets.",
        },
        {
            "key": "verkehr",
            "label": "Verkehr",
            "selected": True,
            "reason": "Straßenbau in der Altstadt.",
        },
        {
            "key": "kultur-freizeit-und-tourismus",
            "label": "Kultur, Freizeit und Tourismus",
            "selected": True,
            "reason": "Elberadweg und Fliesenmuseum.",
        },
    ],
    "themes": [],
    "ratings": [],
    "goals": [
        {
            "key": "alt-ziel-1",
            "label": "Altstadt sanieren",
            "action_field": "Stadtstruktur",
            "title": "Altstadt sanieren",
            "description": "",
        },
        {
            "key": "alt-ziel-2",
            "label": "Hafengebiet erschließen",
            "action_field": "Wirtschaft und Beschäftigung",
            "title": "Hafengebiet erschließen",
            "description": "",
        },
    ],
    "measures": [
        {
            "key": "A-1",
            "label": "A-1 Sanierung der Altstadtstraßen",
            "title": "Sanierung der Altstadtstraßen",
            "description": "",
            "action_field": "Stadtstruktur",
            "status": "completed",
            "priority": "A",
            "lead_unit": "Bauamt",
            "start": "2004-03-01",
            "end": "2012-10-31",
            "estimated_cost": "3200000.00",
            "goals": ["Altstadt sanieren"],
            "ratings": {},
        },
        {
            "key": "A-2",
            "label": "A-2 Erschließung des Hafengebiets",
            "title": "Erschließung des Hafengebiets",
            "description": "",
            "status": "completed",
            "action_field": "Wirtschaft und Beschäftigung",
            "priority": "A",
            "lead_unit": "Bauamt",
            "start": "2008-01-01",
            "end": "2015-12-31",
            "estimated_cost": "5400000.00",
            "goals": ["Hafengebiet erschließen"],
            "ratings": {},
        },
        {
            "key": "W-1",
            "label": "W-1 Rückbau leerstehender Wohnblöcke",
            "title": "Rückbau leerstehender Wohnblöcke",
            "description": "",
            "action_field": "Wohnen",
            "status": "completed",
            "priority": "B",
            "lead_unit": "Bauamt",
            "start": "2003-01-01",
            "end": "2009-12-31",
            "estimated_cost": "1100000.00",
            "goals": [],
            "ratings": {},
        },
        {
            "key": "STS-1",
            "label": "STS-1 Rahmenplan Altstadt",
            "title": "Rahmenplan Altstadt",
            "description": "Rahmenplan für das Sanierungsgebiet.",
            "action_field": "Stadtstruktur",
            "status": "completed",
            "priority": "A",
            "lead_unit": "Bauamt",
            "start": "2002-06-01",
            "end": "2003-12-31",
            "estimated_cost": "60000.00",
            "goals": ["Altstadt sanieren"],
            "ratings": {},
        },
    ],
    "indicators": [],
}

UPDATE_NOTE = (
    "Erste Fortschreibung des ISEK 2022 nach dem Monitoringbericht 2025:\n\n"
    "- Neue Maßnahmen: Wasserwanderrastplatz an der Boize (KUL-3) und Mobile Bürgerdienste "
    "(VWT-3).\n"
    "- Das Willkommensportal für Fachkräfte (WIR-3) wird nicht weiter verfolgt, weil das Land "
    "ein eigenes Portal anbietet.\n"
    "- Kosten für das generationengerechte Wohnen am Stadtpark (WOH-2) nach der Vorplanung "
    "fortgeschrieben; der Lückenschluss des Elberadwegs (VER-1) endet später.\n"
    "- Das Ziel für den Radverkehrsanteil (K-RAD) wird realistischer gesetzt.\n"
    "- Das Leitbild nennt die Beteiligung ausdrücklich."
)


def _as_adopted(current: dict) -> dict:
    """The ISEK 2022 as adopted in 2022: the current state without the 2025 update."""
    old = copy.deepcopy(current)
    old["measures"] = [m for m in old["measures"] if m["key"] not in ("KUL-3", "VWT-3")]
    for measure in old["measures"]:
        if measure["key"] == "WIR-3":
            measure["status"] = "planned"
        if measure["key"] == "WOH-2":
            measure["estimated_cost"] = "1900000.00"
        if measure["key"] == "VER-1":
            measure["end"] = "2026-06-30"
    for indicator in old["indicators"]:
        if indicator["key"] == "K-RAD":
            indicator["target"] = "25"
    for goal in old["goals"]:
        if goal["title"] == "Wassertourismus an Elbe und Boize ausbauen":
            goal["title"] = goal["label"] = "Wassertourismus an der Elbe ausbauen"
    if old.get("vision"):
        old["vision"]["text"] = old["vision"]["text"].replace(
            " plant gemeinsam mit ihren Bürger*innen und", ""
        )
    return old


def load() -> dict[str, int]:
    old = Edition.objects.get(slug="isek-2002-2017")
    new = Edition.objects.get(slug="isek-2022")
    current = snapshot(new)
    specs = [
        (
            old,
            1,
            "Stand 2017",
            D(2017, 6, 29),
            "Letzte Fortschreibung des ISEK 2002-2017; Grundlage der Evaluation für das ISEK 2022.",
            OLD_ISEK,
            "Inhalte des ISEK 2002-2017 sind illustrativ (Beispieldaten).",
        ),
        (
            new,
            1,
            "Beschluss 2022",
            D(2022, 12, 15),
            "Beschluss der Stadtvertretung über das ISEK 2022.",
            _as_adopted(current),
            NOTE,
        ),
        (new, 2, "1. Fortschreibung 2025", D(2025, 11, 27), UPDATE_NOTE, current, NOTE),
    ]
    for edition, number, title, published_on, note, data, sample_note in specs:
        Revision.objects.update_or_create(
            edition=edition,
            number=number,
            defaults={
                "title": title,
                "published_on": published_on,
                "change_note": note,
                "snapshot": data,
                "is_sample": True,
                "sample_note": sample_note,
            },
        )
    return {"revisions": len(specs)}
