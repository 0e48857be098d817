"""Demo data of the process and governance part (loaded by governance.py).

From the town's document: the bodies (steering group with its composition, the WTK
committee, "alle Fachausschüsse", the town council), the WTK meeting of 08.12.2020, 19:00,
in the library with its three agenda items, the paper passing WTK → committees (reporting
incl. provision of funds) → council with the decision of 04.02.2021, the steering group's
rhythm (every 14 days, later every 4 weeks), the six next steps, the recommendation to
bind the consultant's contracts to the phases. Everything else here is sample data and is
flagged: names of the other committees, the people (role names, not invented people),
votes, dates after 04.02.2021, contracts, work packages and their contents."""

import datetime

D = datetime.date
T = datetime.time

AUTHORITY_NOTE = "Kontakt und Lizenz sind Beispieldaten."

TERMS = [
    ("Wahlperiode 2019–2024", D(2019, 6, 18), D(2024, 6, 30)),
    ("Wahlperiode 2024–2029", D(2024, 7, 1), D(2029, 6, 30)),
]

LOCATIONS = {
    # From the document: the WTK met in the library.
    "bibliothek": {"description": "Bibliothek", "locality": "Boizenburg/Elbe", "is_sample": False},
    "rathaus": {
        "description": "Rathaus, Sitzungssaal",
        "street_address": "Kirchplatz 1",
        "postal_code": "19258",
        "locality": "Boizenburg/Elbe",
        "is_sample": True,
    },
}

# (slug, name, short name, kind, composition, is_sample, order)
BODIES = [
    (
        "steuerungsgruppe",
        "Steuerungsgruppe",
        "StG",
        "steering_group",
        "WTK + Vertreter Fraktionen FBL/BM Sprachrohr Stadtgesellschaft",
        False,
        1,
    ),
    ("ausschuss-wtk", "Ausschuss WTK", "WTK", "committee", "", False, 2),
    ("hauptausschuss", "Hauptausschuss", "HA", "committee", "", True, 3),
    ("finanzausschuss", "Finanzausschuss", "FiA", "committee", "", True, 4),
    ("bauausschuss", "Bau- und Umweltausschuss", "BUA", "committee", "", True, 5),
    (
        "sozialausschuss",
        "Ausschuss für Soziales, Bildung und Kultur",
        "SBK",
        "committee",
        "",
        True,
        6,
    ),
    (
        "stadtvertretung",
        "Stadtvertretung",
        "StV",
        "council",
        "Formelle Entscheidungsebene (StV); die Fachausschüsse (FA) beraten vor.",
        False,
        7,
    ),
    ("fraktion-a", "Fraktion A", "Fr. A", "faction", "", True, 20),
    ("fraktion-b", "Fraktion B", "Fr. B", "faction", "", True, 21),
    ("fraktion-c", "Fraktion C", "Fr. C", "faction", "", True, 22),
]
BODY_DESCRIPTIONS = {
    "steuerungsgruppe": (
        "Die Steuerungsgruppe überwacht den Prozess, setzt Prioritäten, bindet Interessen ein, "
        "findet Konsens, erarbeitet Vorentwürfe und bestimmt die Handlungsfelder. Sie tagt "
        "14-täglich, später 4-wöchentlich. Sie bietet in sich schon eine Art "
        "Beteiligungsprozess durch die Zusammensetzung von Vertreter*innen und "
        "Repräsentant*innen."
    ),
    "ausschuss-wtk": "Dem Ausschuss WTK wurde der Prozessvorschlag zum ISEK 2022 am 08.12.2020 "
    "vorgestellt.",
    "stadtvertretung": "Die formelle Entscheidungsebene bleibt bei der Stadtvertretung.",
}
FACTIONS = ["fraktion-a", "fraktion-b", "fraktion-c"]
# The committees that received a report ("Berichterstattung in allen Fachausschüssen").
REPORT_COMMITTEES = ["hauptausschuss", "finanzausschuss", "bauausschuss", "sozialausschuss"]


def _members(prefix: str, count: int, chair: bool = True) -> list[tuple[str, str, bool, int]]:
    """(person name, role, has a vote, faction index) — role names, not invented people."""
    return [
        (f"{prefix} {n}", "Vorsitz" if chair and n == 1 else "Mitglied", True, (n - 1) % 3)
        for n in range(1, count + 1)
    ]


MEMBERS = {
    "ausschuss-wtk": _members("Mitglied WTK", 5),
    "hauptausschuss": _members("Mitglied HA", 5),
    "finanzausschuss": _members("Mitglied FiA", 5),
    "bauausschuss": _members("Mitglied BUA", 5),
    "sozialausschuss": _members("Mitglied SBK", 5),
    "stadtvertretung": [
        *_members("Mitglied Stadtvertretung", 12),
        ("Bürgermeister*in", "Bürgermeister*in (beratend)", False, None),
    ],
    "steuerungsgruppe": [
        *[(f"Mitglied WTK {n}", "Mitglied (WTK)", True, (n - 1) % 3) for n in range(1, 6)],
        ("Vertreter*in Fraktion A", "Vertreter*in der Fraktion", True, 0),
        ("Vertreter*in Fraktion B", "Vertreter*in der Fraktion", True, 1),
        ("Vertreter*in Fraktion C", "Vertreter*in der Fraktion", True, 2),
        ("Bürgermeister*in", "BM", True, None),
        ("FBL Bau", "FBL", True, None),
        ("FBL Zentrale Dienste und Finanzen", "FBL", True, None),
        ("Sprachrohr Stadtgesellschaft", "Sprachrohr Stadtgesellschaft", True, None),
    ],
}
MEMBERSHIP_START = D(2019, 6, 18)
STEERING_START = D(2021, 3, 2)
# Demo accounts that stand for a person, so their visibility can be tried out.
ACCOUNTS = {"steuerung": "Vertreter*in Fraktion A", "stadtvertretung": "Mitglied Stadtvertretung 1"}

WTK_MEETING = {
    "name": "Sitzung des Ausschusses WTK",
    "start": (D(2020, 12, 8), T(19, 0)),
    "location": "bibliothek",
    "agenda": [
        (
            "1",
            "Wissensstand teilen",
            "Wissensstand und Ausgangslage aufzeigen. Erarbeitet von Frau Benz, Frau Götz, "
            "Hr. Jäschke, Fr. John, Hr. Pamperin, Fr. Poltier, Hr. Porath, Fr. Schiller.",
        ),
        (
            "2",
            "Prozess zum ISEK 2022 vorstellen",
            "Struktur, Zeitplan, Rollen und Tätigkeiten erklären.",
        ),
        (
            "3",
            "Ins Gespräch kommen, Fragen klären, Ideen aufnehmen & Nächste Schritte festlegen",
            "",
        ),
    ],
}
PRESENTATION_NAME = "Präsentation „Welches Boizenburg wollen wir?“ (kommentierte Fassung)"

MAIN_PAPER = {
    "reference": "BV/2020/041",
    "name": "Prozess zum ISEK Boizenburg 2022 und Bereitstellung der Finanzmittel",
    "proposal": (
        "Die Stadtvertretung stimmt dem aufgezeigten Prozess zum ISEK 2022 zu (Struktur, "
        "Zeitplan und Phasen, Rollen und Tätigkeiten). Eine Steuerungsgruppe wird gebildet; "
        "die Koordinationsstellen (administrativ und Beteiligung) werden besetzt. Die "
        "Finanzmittel für den Vorprozess und die externe Beratung werden bereitgestellt."
    ),
    "text": (
        "Das ISEK 2002-2017 wird aktuell nicht „gelebt“ (Politik und Verwaltung). Das ISEK 2022 "
        "soll als Dachstrategie mit Bürgerbeteiligung und in transparentem Austausch "
        "erstellt werden. Nächste Schritte: Zustimmung im WTK, Berichterstattung in allen "
        "Fachausschüssen inkl. Bereitstellung der Finanzmittel, Beschlussfassung der "
        "Stadtvertretung."
    ),
    "date": D(2020, 11, 24),
    "sample_note": "Aktenzeichen, Datum und Wortlaut sind Beispieldaten.",
}
# Committee meetings in January 2021 (sample dates) with the report and, in the finance
# committee, the preliminary consultation of the provision of funds.
COMMITTEE_DATES = {
    "hauptausschuss": (D(2021, 1, 12), T(18, 0)),
    "finanzausschuss": (D(2021, 1, 14), T(18, 0)),
    "bauausschuss": (D(2021, 1, 19), T(18, 0)),
    "sozialausschuss": (D(2021, 1, 21), T(18, 0)),
}
COUNCIL_MEETING = {"name": "Sitzung der Stadtvertretung", "start": (D(2021, 2, 4), T(18, 0))}
# Votes (sample): yes, no, abstain; the attendance records make them add up.
WTK_VOTES = (4, 0, 1)
FINANCE_VOTES = (5, 0, 0)
COUNCIL_VOTES = (10, 0, 1)  # 11 of 12 voting members present, one excused
COUNCIL_EXCUSED = "Mitglied Stadtvertretung 12"

# The steering group's series: every 14 days from the constitution after the council
# decision, every 4 weeks from the start of the main process; then every 4 weeks again in
# the implementation (sample dates). Meetings of the steering group are not public.
CADENCES = [
    ("Sitzung der Steuerungsgruppe", D(2021, 3, 2), 14, D(2021, 10, 12), 28, D(2022, 12, 20)),
    ("Sitzung der Steuerungsgruppe (Umsetzung)", D(2023, 1, 10), 28, None, None, D(2025, 12, 31)),
    (
        "Sitzung der Steuerungsgruppe (Fortschreibung)",
        D(2026, 1, 13),
        28,
        None,
        None,
        D(2028, 12, 19),
    ),
]
CADENCE_TIME = T(17, 0)

FINDINGS = [
    (
        "consensus",
        "Verwaltung als eigenes Handlungsfeld",
        "Die Verwaltung wird als ausführende Organisation ein eigenes Handlungsfeld, damit "
        "Umsetzung und Monitoring stärker integriert werden.",
        None,
    ),
    (
        "consensus",
        "Realistische Anzahl von Handlungsfeldern",
        "Die Steuerungsgruppe wählt eine machbare Zahl von Handlungsfeldern aus und begründet "
        "die Auswahl.",
        None,
    ),
    ("priority", "Klimafit in jeder Maßnahme prüfen", "", 1),
    ("priority", "Beteiligung junger Menschen stärken", "", 2),
    ("priority", "Monitoring im Produktrahmenplan verankern", "", 3),
]
WORKSPACE_DOCUMENTS = [
    (
        "Geschäftsordnung der Steuerungsgruppe (Entwurf)",
        "geschaeftsordnung-steuerungsgruppe.txt",
        "Entwurf der Geschäftsordnung: Zusammensetzung, Sitzungsrhythmus (14-täglich, später "
        "4-wöchentlich), Konsensfindung, Protokoll.\n",
    ),
    (
        "Protokoll der konstituierenden Sitzung",
        "protokoll-konstituierende-sitzung.txt",
        "Protokoll (nicht öffentlich): Konstituierung, Arbeitsweise, Eckpunkte des "
        "Leistungsverzeichnisses.\n",
    ),
]

# Responsible roles, due dates and links of the six next steps (by position); samples
# except the council date.
NEXT_STEP_DETAILS = {
    1: {"role": "council", "due": D(2020, 12, 8), "body": "ausschuss-wtk", "meeting": "wtk"},
    2: {"role": "coordination_admin", "due": D(2021, 1, 21), "body": None, "meeting": None},
    3: {"role": "council", "due": D(2021, 2, 4), "body": "stadtvertretung", "meeting": "council"},
    4: {
        "role": "coordination_admin",
        "due": D(2021, 3, 2),
        "body": "steuerungsgruppe",
        "meeting": None,
    },
    5: {
        "role": "coordination_admin",
        "due": D(2021, 6, 30),
        "body": "steuerungsgruppe",
        "meeting": None,
    },
    6: {
        "role": "coordination_admin",
        "due": D(2021, 9, 15),
        "body": "steuerungsgruppe",
        "meeting": None,
    },
}
NEXT_STEP_NOTE = (
    "Status, Verantwortliche, Fälligkeit (außer StV 04.02.2021) und Verknüpfungen sind "
    "Beispieldaten."
)
# Current tasks, dated relative to the day the demo is loaded: (title, days from today,
# status, owner username, public, body slug, measure code).
CURRENT_TASKS = [
    (
        "Daten der Fachbereiche für den Monitoringbericht einsammeln",
        -5,
        "in_progress",
        "koordination",
        False,
        None,
        "VWT-1",
    ),
    (
        "Einladung und Unterlagen für die Steuerungsgruppe versenden",
        3,
        "open",
        "koordination",
        False,
        "steuerungsgruppe",
        None,
    ),
    (
        "Bericht zur Beteiligung an die Steuerungsgruppe",
        14,
        "open",
        "beteiligung",
        False,
        "steuerungsgruppe",
        None,
    ),
    ("Zeitplan der Fortschreibung abstimmen", 60, "open", "koordination", True, None, None),
]

# Contracts bound to phases ("die Aufträge an den externen Berater an die jeweiligen
# Phasen binden"): (title, phase, status, awarded, start, end, budget).
CONTRACTS = [
    (
        "Beratungsvertrag Hauptprozess: Erarbeitung des ISEK 2022",
        "hauptprozess",
        "completed",
        D(2021, 9, 15),
        D(2021, 10, 1),
        D(2022, 12, 31),
        "96000.00",
    ),
    (
        "Beratungsvertrag Umsetzung: Monitoring und Fortschreibung",
        "umsetzung",
        "awarded",
        D(2022, 12, 15),
        D(2023, 1, 1),
        D(2027, 12, 31),
        "48000.00",
    ),
]
CONTRACTOR = "Planungsbüro (Beispiel)"
# (code, title, phase, contract index or None, kind, start, due, budget, status, scope,
#  deliverables [(title, due, delivered)]). "today" in a date means relative to the load.
WORK_PACKAGES = [
    (
        "AP 0",
        "Leistungsverzeichnis und Vergabe",
        "vorprozess",
        None,
        "coordination",
        D(2021, 3, 1),
        D(2021, 8, 31),
        None,
        "accepted",
        "Ein sehr genaues Leistungsverzeichnis erstellen, das die Passung für den Kontext "
        "Boizenburg/Elbe sichert; Vergabe des Beratungsauftrages.",
        [
            ("Leistungsverzeichnis", D(2021, 6, 30), D(2021, 6, 25)),
            ("Vergabevorschlag", D(2021, 8, 31), D(2021, 8, 27)),
        ],
    ),
    (
        "AP 1",
        "Bestandsanalyse und Auswertung der Konzepte",
        "hauptprozess",
        0,
        "analysis",
        D(2021, 10, 1),
        D(2022, 1, 31),
        "18000.00",
        "accepted",
        "Ausgangslage, Status der bestehenden Konzepte, Evaluation des ISEK 2002-2017.",
        [("Analysebericht", D(2022, 1, 31), D(2022, 1, 28))],
    ),
    (
        "AP 2",
        "Beteiligungskonzept und Beteiligung zum Vorentwurf",
        "hauptprozess",
        0,
        "participation",
        D(2021, 11, 1),
        D(2022, 6, 30),
        "24000.00",
        "accepted",
        "Zielgruppenorientierte Beteiligung online und offline zum Vorentwurf.",
        [
            ("Beteiligungskonzept", D(2021, 12, 15), D(2021, 12, 10)),
            ("Dokumentation der Beteiligung", D(2022, 6, 30), D(2022, 6, 28)),
        ],
    ),
    (
        "AP 3",
        "Leitbild",
        "hauptprozess",
        0,
        "drafting",
        D(2022, 1, 1),
        D(2022, 3, 31),
        "12000.00",
        "accepted",
        "Leitbild und große Richtung als Dach der Strategie.",
        [("Leitbild-Entwurf", D(2022, 3, 15), D(2022, 3, 14))],
    ),
    (
        "AP 4",
        "Entwurf und Beteiligung zum Entwurf",
        "hauptprozess",
        0,
        "participation",
        D(2022, 7, 1),
        D(2022, 9, 30),
        "24000.00",
        "accepted",
        "Entwurf mit Handlungsfeldern, Zielen und Maßnahmen; Beteiligung zum Entwurf.",
        [("ISEK-Entwurf", D(2022, 9, 15), D(2022, 9, 14))],
    ),
    (
        "AP 5",
        "Endfassung und Beschlussvorlage",
        "hauptprozess",
        0,
        "drafting",
        D(2022, 10, 1),
        D(2022, 12, 1),
        "18000.00",
        "accepted",
        "Endfassung des ISEK 2022 und Vorlage für die Stadtvertretung.",
        [("Endfassung", D(2022, 11, 30), D(2022, 11, 29))],
    ),
    (
        "AP 6",
        "Monitoringbericht 2026",
        "umsetzung",
        1,
        "monitoring",
        D(2026, 9, 1),
        "today-5",
        "8000.00",
        "delivered",
        "Kennzahlen und Stand der Maßnahmen für den Ausschuss WTK und die Stadtvertretung.",
        [
            ("Entwurf des Monitoringberichts", "today-5", "today-7"),
            ("Präsentation für den Ausschuss WTK", "today+1", None),
        ],
    ),
    (
        "AP 7",
        "Vorbereitung der Fortschreibung",
        "umsetzung",
        1,
        "drafting",
        D(2027, 1, 1),
        D(2027, 6, 30),
        "16000.00",
        "planned",
        "Zeitplan, Beteiligung und Gliederung der Fortschreibung des ISEK 2022.",
        [("Fortschreibungskonzept", D(2027, 6, 30), None)],
    ),
]

SPECIFICATION = {
    "title": "Leistungsverzeichnis Beratungsleistungen ISEK 2022 (Hauptprozess)",
    "phase": "hauptprozess",
    "status": "sent",
    "introduction": (
        "Gegenstand ist die externe Prozessbegleitung und teilweise Durchführung, insbesondere "
        "der Beteiligungsverfahren, bei der Erarbeitung des ISEK Boizenburg 2022 als "
        "Dachstrategie.\n\nDie Aufträge sind an die Phasen gebunden; die Steuerungsgruppe "
        "nimmt jedes Arbeitspaket ab."
    ),
}

# Later papers (sample) that show decisions on the edition and on measures, and the
# yearly monitoring reports to WTK and council.
EDITION_PAPER = {
    "reference": "BV/2022/118",
    "name": "Beschluss des ISEK Boizenburg 2022",
    "date": D(2022, 11, 30),
    "proposal": "Die Stadtvertretung beschließt das ISEK Boizenburg 2022 als Dachstrategie.",
}
EDITION_COUNCIL = (D(2022, 12, 15), T(18, 0))
MEASURE_PAPER = {
    "reference": "BV/2024/012",
    "name": "Grundsatzbeschluss Rahmenplan Altstadt und Elbufer",
    "date": D(2024, 1, 30),
    "proposal": "Die Stadtvertretung beauftragt die Verwaltung, den Rahmenplan Altstadt und "
    "Elbufer (Maßnahme STS-1) zu erarbeiten.",
    "measures": ["STS-1"],
}
MEASURE_COUNCIL = (D(2024, 2, 22), T(18, 0))
# Monitoring reports (the implementation milestones of samples.py): WTK two weeks before.
MONITORING_YEARS = [2025, 2026, 2027]

# A paper still on its way (sample): the first monitoring meetings after the load.
PENDING_PAPER = {
    "reference": "BV/2026/101",
    "name": "Fortschreibung des ISEK 2022: Zeitplan, Beteiligung und Finanzmittel",
    "proposal": "Die Stadtvertretung beschließt den Zeitplan und die Beteiligung zur "
    "Fortschreibung des ISEK 2022 und stellt die Finanzmittel bereit.",
}
