"""What the town's own document says ("ISEK Boizenburg 2022 – Welches Boizenburg wollen wir?",
presented to the WTK committee on 08.12.2020), as data. Obvious typing errors of the source
are corrected; the wording is kept. Nothing in this module is invented: illustrative
additions live in samples.py and are flagged as sample data."""

import datetime

SOURCE_TITLE = "ISEK Boizenburg 2022 – Welches Boizenburg wollen wir?"

MUNICIPALITY = {
    "name": "Boizenburg/Elbe",
    "official_name": "Stadt Boizenburg/Elbe",
}

OLD_EDITION = {
    "slug": "isek-2002-2017",
    "name": "ISEK 2002-2017",
    "status": "archived",
    "period_start": 2002,
    "period_end": 2017,
    "summary": (
        "Das bisherige integrierte Stadtentwicklungskonzept mit seinen Fortschreibungen "
        "(zuletzt ISEK 2017). Die Handlungsfelder wurden im ISEK 2017 gruppiert."
    ),
    "evaluation_summary": (
        "Eine detaillierte Bewertung des ISEK 2017 zeigt, dass bisher in diesem Konzept und "
        "seinen Fortschreibungen der Bereich Bau verstärkt betrachtet wurde, u.a. als Grundlage "
        "für mögliche Fördermittelfinanzierungen. Weitere Bewertungen betreffen den Prozess, "
        "sowie die Sichtbarkeit und Verbindlichkeit."
    ),
}

NEW_EDITION = {
    "slug": "isek-2022",
    "name": "ISEK 2022",
    "period_start": 2022,
    "summary": (
        "Das ISEK 2022 lässt sich grundsätzlich als eine Dachstrategie verstehen, die mit "
        "detaillierten Teilkonzepten unterfüttert wird.\n\n"
        "Ziel: Das ISEK ist integriert, wird gelebt und bietet Leitung. Über das Ergebnis "
        "ISEK 2022 hinaus werden Umsetzung, Überwachung und Fortschreibung direkt mitgedacht, "
        "sodass es zu einem gelebten und integrierten Dokument für die gesamte "
        "Stadtentwicklung wird."
    ),
    "roof_caption": (
        "Das ISEK mit Leitbild und großer Richtung bildet die Dachstrategie für die Stadt "
        "Boizenburg/Elbe."
    ),
    "beams_caption": (
        "Querschnittsthemen, die verankert werden, u.a. Klimabewusstsein, Bürgerbeteiligung, "
        "Drittmittelakquise etc."
    ),
    "pillars_caption": (
        "Handlungsfelder (z.B. Wohnen, Soziale Infrastruktur, Kultur etc.) mit detaillierten "
        "Teilkonzepten."
    ),
    "base_caption": (
        "Gute Verankerung im QM, interner und externer Kommunikation, Produktrahmenplan/"
        "Haushalt, Monitoring."
    ),
}

EXPECTATIONS_INTRO = (
    "Aus den vorangegangenen Bewertungen ergeben sich die folgenden Erfolgsfaktoren, "
    "Bedenken und Erwartungen, die an einen guten, machbaren und erfolgreichen Prozess zum "
    "ISEK 2022 und darüber hinaus gerichtet werden. Diese Punkte sollten im Prozess selbst, "
    "beim Ergebnis sowie dessen Umsetzung berücksichtigt werden.\n\n"
    "Die Erfolgsfaktoren, Bedenken und Erwartungen wurden durch den Prozess und die "
    "Struktur wie folgt berücksichtigt: Es wird versucht, durch die Aufteilung in die "
    "verschiedenen Tätigkeiten und die Phasen eine passende, machbare und gute Beteiligung "
    "zu finden."
)

# "Alle möglichen Handlungsfelder", in the document's order.
ACTION_FIELDS = [
    ("stadtstruktur", "Stadtstruktur"),
    ("wohnen", "Wohnen"),
    ("soziale-infrastruktur", "Soziale Infrastruktur"),
    ("bildung-und-wissenschaft", "Bildung und Wissenschaft"),
    ("wirtschaft-und-beschaeftigung", "Wirtschaft und Beschäftigung"),
    ("verkehr", "Verkehr"),
    ("kultur-freizeit-und-tourismus", "Kultur, Freizeit und Tourismus"),
    ("stadtmarketing", "Stadtmarketing"),
    ("zivilgesellschaftliches-engagement", "Zivilgesellschaftliches Engagement"),
    ("netzwerke-und-kooperationen", "Netzwerke und Kooperationen"),
    ("finanzen", "Finanzen"),
    ("verwaltung", "Verwaltung"),
]
ACTION_FIELDS_INTRO = (
    "In einem ISEK-Prozess werden grundsätzlich diese Handlungsfelder betrachtet. Sie können "
    "und sollen für den jeweiligen Kontext der Stadt individualisiert werden. Im laufenden "
    "ISEK 2017 wurden sie gruppiert."
)
ADMINISTRATION_DESCRIPTION = (
    "Die Verwaltung selbst stellt als ausführende Organisation auch ein Handlungsfeld dar, "
    "sodass Umsetzung und Monitoring usw. stärker integriert werden können."
)
ADMINISTRATION_REASON = (
    "Für ein ISEK 2022 als zusätzliches Handlungsfeld empfohlen: Die Verwaltung ist die "
    "ausführende Organisation; so können Umsetzung und Monitoring stärker integriert werden."
)

# "Wichtige Querschnittsthemen": (slug, name, short name)
THEMES = [
    ("klimafit", "Klimafit", "Klimafit"),
    ("beteiligung", "Beteiligung", "Beteiligung"),
    ("kommunikation", "Kommunikation", "Kommunikation"),
    ("integration", "Integration", "Integration"),
    ("gleichstellung", "Gleichstellung", "Gleichstellung"),
    ("finanzen-und-foerdermittel", "Finanzen und Fördermittel", "Finanzen/Fördermittel"),
    ("gut-gelebte-ablaeufe-und-prozesse", "Gut gelebte Abläufe und Prozesse", "Abläufe/Prozesse"),
]
THEMES_INTRO = (
    "Querschnittsthemen ziehen sich durch alle Handlungsfelder; ihre Bedeutung und "
    "Ausgestaltung sollte dort geprüft und entwickelt werden."
)
THEME_REASON = "Als wichtiges Querschnittsthema für das ISEK 2022 identifiziert."

# The base (Sockel) of the ISEK house.
FOUNDATION = [
    (
        "qualitaetsmanagement",
        "Qualitätsmanagement (QM)",
        "Gute Verankerung im Qualitätsmanagement der Verwaltung. Für die Qualitätskontrolle und "
        "Flexibilität werden die Aufträge an den externen Berater (Planer) an die jeweiligen "
        "Phasen gebunden; ein sehr genaues Leistungsverzeichnis sichert die Passung für den "
        "individuellen Kontext Boizenburg/Elbe, kontrolliert durch die Steuerungsgruppe.",
    ),
    (
        "kommunikation",
        "Interne und externe Kommunikation",
        "Das ISEK wird in transparentem Austausch erstellt, auch durch digitale Kommunikation. "
        "Beteiligungsprozesse laufen weiter: für Informationsbereitstellung und für die "
        "Einbindung in die Umsetzung. Die Fachausschüsse erhalten Berichte.",
    ),
    (
        "haushalt",
        "Produktrahmenplan/Haushalt",
        "Wichtige Themen werden in die Verwaltung eingebunden, bis in die Haushaltsplanung "
        "(Produktrahmenplan/Haushalt). Die Finanzmittel für den Prozess werden mit der "
        "Berichterstattung in allen Fachausschüssen bereitgestellt.",
    ),
    (
        "monitoring",
        "Monitoring",
        "Über das Ergebnis ISEK 2022 hinaus werden Umsetzung, Überwachung (Monitoring) und "
        "Fortschreibung direkt mitgedacht. Es muss ein Prozess für die Umsetzung mitentwickelt "
        "werden – Meilensteine und Maßnahmen reichen nicht aus.",
    ),
]

# "Status Quo: Bestehende strategische Konzepte". The source lost the table's ticks, so a
# status is set only where the text says it; the rest is illustrative (samples.py).
CONCEPTS_INTRO = (
    "Die grobe Status-quo-Analyse hat die folgenden bestehenden Konzepte und ihre Umsetzung "
    "bewertet. Zum Teil sind diese aktiv. Im Rahmen eines ISEK 2022 ist zu bedenken, dass "
    "diese Konzepte integriert, ggf. erneuert und angepasst werden müssen. Ein ISEK benötigt "
    "diese Art von Teilkonzepten, um detaillierte Maßnahmen abbilden zu können."
)
CONCEPTS = [
    # (slug, name, year, note)
    ("isek-2002-2017", "ISEK 2002-2017", 2002, "Das bisherige ISEK mit seinen Fortschreibungen."),
    ("vep", "VEP", None, "Verkehrsentwicklungsplan."),
    ("gruenflaechenkonzept", "Grünflächenkonzept", None, ""),
    ("klimaschutzkonzept-2022", "Klimaschutzkonzept 2022", 2022, ""),
    ("partnerstadt-biosphaere", "Partnerstadt Biosphäre", None, ""),
    ("klimaanpassung-platz-b-2021", "Klimaanpassung PLATZ-B 2021", 2021, ""),
    ("boizenburg-unglaublich-real", "Boizenburg unglaublich real", None, ""),
    ("einzelhandelskonzepte", "Einzelhandelskonzept(e)", None, ""),
    ("jugendkonzept", "Jugendkonzept", None, ""),
    ("museumskonzept", "Museumskonzept", None, ""),
    ("personalentwicklungskonzept", "Personalentwicklungskonzept", None, ""),
    ("familienfreundliche-verwaltung", "Familienfreundliche Verwaltung", None, ""),
]
OUTDATED_CONCEPT = "isek-2002-2017"
OUTDATED_NOTE = "Laut Evaluation „nicht mehr aktuell“: abgeschlossen/veraltet."

# "Evaluation ISEK 2002-2017 und weiterer strategischer Konzepte"
EVALUATION = [
    (
        "action_fields",
        "Weitere strategische Konzepte sind nicht ausreichend miteinander kombiniert worden.",
    ),
    ("action_fields", "Die Zielsetzung und Nutzung des ISEK führte zu einem Fokus im Bereich Bau."),
    ("action_fields", "Nicht mehr aktuell."),
    (
        "process",
        "Querschnittsthemen wie Klimahandeln und Nachhaltigkeit wurden noch nicht abgebildet.",
    ),
    ("process", "Bürgerbeteiligung fand nicht ausreichend statt."),
    ("visibility", "Das ISEK wird aktuell nicht „gelebt“ (Politik & Verwaltung)."),
]

# "Worauf sollte bei einem ISEK 2022 geachtet werden?" — each statement, its elaboration
# and the answer the process proposal gives it, with the roles that carry the answer.
EXPECTATIONS = [
    {
        "kind": "success_factor",
        "text": "Zielgerichtete Auswahl und realistische Anzahl von Handlungsfeldern und "
        "Querschnittsthemen.",
        "detail": "Machbare, realistische Anzahl von Handlungsfeldern, mit einem "
        "aktualisierten Zukunftsbild, das von allen Akteuren getragen wird.",
        "answer": "Steuerungsgruppe",
        "roles": ["steering_group"],
    },
    {
        "kind": "success_factor",
        "text": "Es wird mit Bürgerbeteiligung und in transparentem Austausch erstellt.",
        "detail": "Es wird mit Bürgerbeteiligung erstellt und ermöglicht einen konstruktiven, "
        "transparenten Austausch, auch durch digitale Kommunikation.",
        "answer": "Zivilgesellschaft in der Steuerungsgruppe + Beteiligungsverfahren",
        "roles": ["steering_group", "citizen", "coordination_participation"],
    },
    {
        "kind": "success_factor",
        "text": "Geeignete*r Spezialist*in/Berater*in wurde eingesetzt.",
        "detail": "Ein sehr genaues Leistungsverzeichnis sichert die Passung für den "
        "individuellen Kontext Boizenburg/Elbe.",
        "answer": "Vorphase und Kontrolle durch die Steuerungsgruppe",
        "roles": ["consultant", "steering_group"],
    },
    {
        "kind": "success_factor",
        "text": "Geeignete interne Prozessbegleiter*innen wurden eingesetzt.",
        "detail": "Der/die die Politik und Verwaltung und Zivilgesellschaft in einem guten, "
        "moderierten Prozess zusammenbringen kann.",
        "answer": "Trennung von Koordination administrativ + Beteiligung",
        "roles": ["coordination_admin", "coordination_participation"],
    },
    {
        "kind": "concern",
        "text": "Beteiligungsprozesse könnten die Ressourcen (personell und finanziell) sprengen.",
        "detail": "",
        "answer": "Übersicht durch Steuerungsgruppe + 2 Koordinator*innen",
        "roles": ["steering_group", "coordination_admin", "coordination_participation"],
    },
    {
        "kind": "expectation",
        "text": "Ein Prozess auf Augenhöhe und gleichberechtigt.",
        "detail": "Die Arbeit aller Akteure während des Prozesses findet auf Augenhöhe und "
        "gleichberechtigt statt.",
        "answer": "Arbeit der Steuerungsgruppe",
        "roles": ["steering_group"],
    },
    {
        "kind": "expectation",
        "text": "Es muss über das ISEK 2022 hinaus gedacht werden, inkl. Umsetzung, Monitoring "
        "und Fortschreibungen.",
        "detail": "Insbesondere muss ein ISEK 2022 die Umsetzung, das Monitoring und die "
        "Fortschreibungen mit im Blick haben und mit entwickeln, sodass es zu einem "
        "gelebten und integrierten Dokument für die gesamte Stadtentwicklung wird.",
        "answer": "Umsetzung, Monitoring, Fortschreibung: Es wird ein Prozess für die "
        "Umsetzung mitentwickelt (Meilensteine und Maßnahmen reichen nicht aus); "
        "neue Impulse für die Verwaltung, z.B. ein Innovationsfonds für Beteiligung; "
        "Beteiligungsprozesse laufen weiter – für Informationsbereitstellung und "
        "für die Einbindung in die Umsetzung.",
        "roles": ["coordination_admin", "administration"],
    },
    {
        "kind": "expectation",
        "text": "Verbindlichkeit in der Politik und Verwaltung muss geschaffen werden.",
        "detail": "",
        "answer": "Beteiligungsverfahren + Arbeit der Steuerungsgruppe",
        "roles": ["steering_group", "coordination_participation"],
    },
    {
        "kind": "expectation",
        "text": "Neue Formen der Beteiligung könnten etabliert werden und mehr Bürger*innen "
        "motivieren, sich in die Gestaltung von Boizenburg/Elbe einzubringen.",
        "detail": "",
        "answer": "Koordination „Beteiligung“ → Beteiligung in allen Bereichen der "
        "Stadtgesellschaft",
        "roles": ["coordination_participation", "citizen"],
    },
]

# "Struktur für ISEK 2022": three levels.
LEVELS = [
    (
        "Koordinations- und Arbeitsebene",
        "Auf der Koordinations- und Arbeitsebene finden die Organisation und Erarbeitung statt.",
    ),
    (
        "Steuerungsebene und konsultative Beteiligung",
        "Auf der Steuerungs- und Beteiligungsebene werden die großen Richtungen beraten und Ideen "
        "entwickelt.",
    ),
    (
        "Formelle Entscheidungsebene",
        "Die formelle Entscheidungsebene bleibt bei der Stadtvertretung.",
    ),
]

# Roles and their activities ("Tätigkeiten"). Level is an index into LEVELS.
ROLES = {
    "consultant": {
        "name": "Externe Beratung",
        "level": 0,
        "description": (
            "Vom externen Berater wird eine gute Prozessbegleitung und teilweise Durchführung "
            "insbesondere der Beteiligungsverfahren erwartet. Für die Qualitätskontrolle und "
            "Flexibilität ist zu empfehlen, die Aufträge an den externen Berater (Planer) an "
            "die jeweiligen Phasen zu binden."
        ),
        "activities": [
            "Beraten, unterstützen",
            "Unterstützung der beiden Koordinator*innen",
            "Prozessbegleitung",
            "Teilweise Durchführung, insbesondere der Beteiligungsverfahren",
        ],
    },
    "coordination_admin": {
        "name": "Koordination administrativ",
        "level": 0,
        "description": (
            "Die Koordination teilt sich zum einen in die administrative Koordination und "
            "Überwachung des Prozesses und zum anderen in die Kommunikation, Beteiligung und "
            "Moderation. Diese Trennung ist aufgrund der sehr unterschiedlichen "
            "Anforderungsprofile und Aufgaben zu empfehlen."
        ),
        "activities": [
            "Planen, umsetzen",
            "Betreuung/Beratung Steuerungsgruppe",
            "Zusammenführung der Inhalte aus der Verwaltung",
            "Monitoring Prozess",
            "Betreuung Entscheidungsebene (Beschlussfassung)",
            "Begleitung Umsetzung",
        ],
    },
    "coordination_participation": {
        "name": "Koordination Beteiligung",
        "level": 0,
        "description": (
            "Der zweite Teil der Koordination: Kommunikation, Beteiligung und Moderation."
        ),
        "activities": [
            "Planen, umsetzen",
            "Konzeption Beteiligungsprozess",
            "Moderation",
            "Kommunikation",
            "Beteiligung in allen Bereichen der Stadtgesellschaft",
        ],
    },
    "administration": {
        "name": "Verwaltung (FBL + Mitarbeiter*innen)",
        "level": 0,
        "description": "Zuarbeit durch die Fachbereichsleitungen (FBL) und Mitarbeiter*innen.",
        "activities": ["Zuarbeit von Inhalten für die Handlungsfelder und Maßnahmen"],
    },
    "steering_group": {
        "name": "Steuerungsgruppe",
        "level": 1,
        "composition": "WTK + Vertreter*innen der Fraktionen, FBL/BM, Sprachrohr Stadtgesellschaft",
        "cadence": "14-täglich, später 4-wöchentlich",
        "cadence_initial_days": 14,
        "cadence_later_days": 28,
        "description": (
            "Die Steuerungsgruppe, zusammengesetzt aus diversen Akteursgruppen, und die "
            "Koordination begleiten die Entwicklung kontinuierlich. Die Steuerungsgruppe "
            "bietet in sich schon eine Art Beteiligungsprozess durch die Zusammensetzung von "
            "Vertreter*innen und Repräsentant*innen."
        ),
        "activities": [
            "Prozess überwachen",
            "Prioritäten setzen, Interessen einbinden",
            "Konsens finden",
            "Vorentwürfe erarbeiten",
            "Handlungsfelder bestimmen",
        ],
    },
    "citizen": {
        "name": "Stadtgesellschaft Boizenburg/Elbe",
        "level": 1,
        "description": (
            "Konsultative Beteiligung. Spezifische Beteiligungsprozesse werden an die "
            "Entwurfsstadien und Phasen angepasst und sind zielgruppenorientiert; auch in der "
            "Umsetzung soll eine Beteiligung diverser Akteursgruppen den Arbeitsmodus "
            "charakterisieren."
        ),
        "activities": [
            "Ideen einbringen und in Beteiligungsverfahren mitgestalten",
            "Vertretung in der Steuerungsgruppe (Sprachrohr Stadtgesellschaft)",
        ],
    },
    "council": {
        "name": "Stadtvertretung und Fachausschüsse",
        "level": 2,
        "composition": "Fachausschüsse (FA) + Stadtvertretung (StV)",
        "description": "Die formelle Entscheidungsebene bleibt bei der Stadtvertretung.",
        "activities": ["Beschlussfassung", "Berichte in allen Fachausschüssen entgegennehmen"],
    },
}

# "Zeitplan und Phasen für ISEK Erstellung". Dates after the council decision of 04.02.2021
# are not in the document; samples.py supplies them as sample data.
PHASES_INTRO = (
    "Der mögliche Zeitplan teilt sich auf in die großen Arbeitsphasen und die Beteiligung. Die "
    "Phasen lassen sich klassisch untergliedern in Vorprozess, Hauptprozess und Umsetzung. "
    "Die wichtigsten Meilensteine sind hervorgehoben: im Vorprozess die Vergabe der externen "
    "Beratungsverträge; im Hauptprozess das Leitbild und die unterschiedlichen "
    "Entwurfsstadien; in der Umsetzung voraussichtlich die Zeitpunkte für Monitoring und "
    "Fortschreibungen. Die Steuerungsgruppe und die Koordination begleiten die Entwicklung "
    "kontinuierlich."
)
PHASES = [
    {
        "slug": "abstimmungen",
        "name": "Abstimmungen",
        "start": datetime.date(2020, 12, 8),
        "end": datetime.date(2021, 2, 4),
        "description": "Zum Zeitpunkt des Prozessvorschlags „befinden wir uns in den "
        "Abstimmungen“: Vorstellung im Ausschuss WTK, Berichterstattung in allen "
        "Fachausschüssen, Beschlussfassung der Stadtvertretung.",
    },
    {
        "slug": "vorprozess",
        "name": "Vorprozess",
        "description": "Beginn des Vorprozesses bis zur Erstellung des Leistungsverzeichnisses. "
        "Wichtigster Meilenstein ist die Vergabe der externen Beratungsverträge.",
    },
    {
        "slug": "hauptprozess",
        "name": "Hauptprozess",
        "description": "Erarbeitung des ISEK. Spezifische Beteiligungsprozesse werden an die "
        "Entwurfsstadien und Phasen angepasst und sind zielgruppenorientiert. "
        "Wichtigste Meilensteine sind das Leitbild und die unterschiedlichen "
        "Entwurfsstadien.",
    },
    {
        "slug": "umsetzung",
        "name": "Umsetzung",
        "description": "Umsetzung, Monitoring und Fortschreibung. Es muss ein Prozess für die "
        "Umsetzung mitentwickelt werden (Meilensteine und Maßnahmen reichen nicht "
        "aus). Auch in der Umsetzung soll eine Beteiligung diverser Akteursgruppen "
        "den Arbeitsmodus charakterisieren; Beteiligungsprozesse laufen weiter – für "
        "Informationsbereitstellung und für die Einbindung in die Umsetzung. "
        "Wichtigste Meilensteine sind voraussichtlich die Zeitpunkte für Monitoring "
        "und Fortschreibungen.",
    },
]

WTK_PRESENTATION = {
    "name": "Vorstellung des Prozessvorschlags im Ausschuss WTK",
    "phase": "abstimmungen",
    "date": datetime.date(2020, 12, 8),
    "time_of_day": datetime.time(19, 0),
    "place": "Bibliothek",
    "description": (
        "„Welches Boizenburg wollen wir? Welches ISEK wünschen wir uns für Boizenburg?“ – "
        "kommentierte Fassung.\n\n"
        "- Wissensstand teilen: Wissensstand und Ausgangslage aufzeigen\n"
        "- Prozess zum ISEK 2022 vorstellen: Struktur, Zeitplan, Rollen und Tätigkeiten "
        "erklären\n"
        "- Ins Gespräch kommen, Fragen klären, Ideen aufnehmen und nächste Schritte festlegen\n\n"
        "Erarbeitet von Frau Benz, Frau Götz, Hr. Jäschke, Fr. John, Hr. Pamperin, Fr. Poltier, "
        "Hr. Porath, Fr. Schiller."
    ),
}
COUNCIL_DECISION = {
    "name": "Beschlussfassung der Stadtvertretung zum ISEK-Prozess",
    "phase": "abstimmungen",
    "date": datetime.date(2021, 2, 4),
    "description": "Entsprechende Beschlussfassung der Stadtvertretung (StV 04.02.2021) über "
    "den aufgezeigten Prozess, nach Berichterstattung in allen Fachausschüssen "
    "inkl. Bereitstellung der Finanzmittel.",
}
# The important ("red") milestones named by the document; their dates are samples.
IMPORTANT_MILESTONES = [
    ("vorprozess", "Vergabe der externen Beratungsverträge"),
    ("hauptprozess", "Leitbild"),
    ("hauptprozess", "Entwurfsstadium 1: Vorentwurf"),
    ("hauptprozess", "Entwurfsstadium 2: Entwurf"),
    ("hauptprozess", "Entwurfsstadium 3: Endfassung und Beschluss"),
]

# "Wie machen wir weiter? – Nächste Schritte"
NEXT_STEPS = [
    {"title": "Zustimmung zum aufgezeigten Prozess im WTK", "phase": "abstimmungen"},
    {
        "title": "Berichterstattung in allen Fachausschüssen inkl. Bereitstellung der Finanzmittel",
        "phase": "abstimmungen",
    },
    {
        "title": "Entsprechende Beschlussfassung (StV 04.02.2021)",
        "phase": "abstimmungen",
        "due_date": datetime.date(2021, 2, 4),
        "role": "council",
    },
    {
        "title": "Bildung einer Steuerungsgruppe und Besetzung der Koordinationsstellen "
        "(administrativ & Beteiligung)",
        "phase": "vorprozess",
    },
    {
        "title": "Beginn des Vorprozesses bis zur Erstellung des Leistungsverzeichnisses",
        "phase": "vorprozess",
    },
    {"title": "Vergabe des Beratungsauftrages", "phase": "vorprozess"},
]

# "Beispiele für ISEK Prozesse"
EXAMPLES_INTRO = (
    "Beispiele u.a. aus Nürtingen, Greifswald, Sachsen und Gustavsburg wurden herangezogen. "
    "Wie haben diese Städte im ISEK Lösungen gefunden für:"
)
EXAMPLES = [
    ("Nürtingen", ""),
    ("Greifswald", "Universitäts- und Hansestadt Greifswald"),
    ("Sachsen", "Freistaat Sachsen"),
    ("Gustavsburg", ""),
]
SAXONY_FINDING = (
    "Beteiligungsportal: „Bürgerbeteiligung in Sachsen – Gestalten Sie mit! Ihre Mitwirkung "
    "ist gefragt: Auf dem Beteiligungsportal finden Sie zahlreiche Angebote, sich aktiv in "
    "Entscheidungsprozesse von Politik und Verwaltung einzubringen.“"
)
