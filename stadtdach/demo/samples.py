"""Illustrative content the demo adds beyond the town's document. Everything loaded from
here is flagged as sample data (is_sample, or sample_note where only a part is invented),
and the site shows the flag."""

import datetime

D = datetime.date

MUNICIPALITY = {
    "street": "Kirchplatz 1",
    "postal_code": "19258",
    "city": "Boizenburg/Elbe",
    "phone": "+49 38847 000-0",
    "email": "isek@boizenburg.example",
    "website": "https://boizenburg.example",
    "represented_by": "die Bürgermeisterin / den Bürgermeister",
    "data_protection_officer": "Datenschutzbeauftragte*r der Stadt Boizenburg/Elbe, "
                               "datenschutz@boizenburg.example",
    "accessibility_contact_email": "barrierefreiheit@boizenburg.example",
    "accessibility_enforcement_body": (
        "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie "
        "sich an die für Mecklenburg-Vorpommern zuständige Durchsetzungsstelle für digitale "
        "Barrierefreiheit wenden (Angaben der Stadt hier eintragen)."
    ),
    "accessibility_statement_date": D(2026, 11, 25),
}

EDITION_SAMPLE_NOTE = "Status und Beschlussdatum sind Beispieldaten."
EDITION_ADOPTED_ON = D(2022, 12, 15)

# The ISEK 2017 grouping is not named in the document: illustrative groups.
GROUPS = [
    ("Räumliche Entwicklung", ["stadtstruktur", "wohnen", "verkehr"]),
    ("Soziales und Bildung", ["soziale-infrastruktur", "bildung-und-wissenschaft",
                              "zivilgesellschaftliches-engagement"]),
    ("Wirtschaft, Kultur und Image", ["wirtschaft-und-beschaeftigung",
                                      "kultur-freizeit-und-tourismus", "stadtmarketing"]),
    ("Steuerung und Finanzen", ["netzwerke-und-kooperationen", "finanzen", "verwaltung"]),
]

LEAD_UNITS = {
    "stadtstruktur": "FB III", "wohnen": "FB III", "verkehr": "FB III",
    "soziale-infrastruktur": "FB II", "bildung-und-wissenschaft": "FB II",
    "zivilgesellschaftliches-engagement": "FB II",
    "wirtschaft-und-beschaeftigung": "BM-Büro", "kultur-freizeit-und-tourismus": "BM-Büro",
    "stadtmarketing": "BM-Büro", "netzwerke-und-kooperationen": "BM-Büro",
    "finanzen": "FB I", "verwaltung": "FB I",
}

# The steering group's choice of action fields for the ISEK 2022 is not in the document.
# Verwaltung's selection and reason are (see seed.ADMINISTRATION_REASON).
SELECTION = {
    "stadtstruktur": (True, "Grundlage für Fördermittel und die räumliche Entwicklung von "
                            "Altstadt und Elbufer."),
    "wohnen": (True, "Leerstand und Bedarf an generationengerechtem Wohnraum."),
    "soziale-infrastruktur": (True, "Treffpunkte für Jugendliche und Ältere fehlen."),
    "bildung-und-wissenschaft": (True, "Schulen und Bibliothek als Lernorte stärken."),
    "wirtschaft-und-beschaeftigung": (True, "Fachkräfte halten, Gewerbeflächen am Hafen "
                                            "entwickeln."),
    "verkehr": (True, "Radverkehr und Anbindung an den Bahnhof verbessern."),
    "kultur-freizeit-und-tourismus": (True, "Elbe, Hafen und Fliesenmuseum als Stärken; "
                                            "Stadtmarketing wird hier mitbearbeitet."),
    "stadtmarketing": (False, "Wird im Handlungsfeld Kultur, Freizeit und Tourismus "
                              "mitbearbeitet."),
    "zivilgesellschaftliches-engagement": (False, "Wird über das Querschnittsthema "
                                                  "Beteiligung in allen Handlungsfeldern "
                                                  "verankert."),
    "netzwerke-und-kooperationen": (False, "Wird über das Querschnittsthema Kommunikation "
                                           "verankert."),
    "finanzen": (False, "Wird über das Querschnittsthema Finanzen und Fördermittel und den "
                        "Sockel Produktrahmenplan/Haushalt verankert."),
}

VISION = {
    "title": "Boizenburg/Elbe 2035: lebendig an Elbe und Boize",
    "text": "Boizenburg/Elbe ist eine lebendige Kleinstadt an Elbe und Boize, in der Menschen "
            "aller Generationen gern wohnen, arbeiten und sich einbringen. Die Stadt handelt "
            "klimafit, plant gemeinsam mit ihren Bürger*innen und setzt ihr ISEK verbindlich "
            "um.",
    "principles": [
        ("Klimafit handeln", "Jede Maßnahme wird auf Klimaschutz und Klimaanpassung "
                             "geprüft."),
        ("Gemeinsam gestalten", "Beteiligung auf Augenhöhe in allen Phasen – online und vor "
                                "Ort."),
        ("Altstadt und Elbufer stärken", "Die historische Mitte und der Hafen werden zum "
                                         "verbindenden Rückgrat der Stadt."),
        ("Verbindlich umsetzen", "Das ISEK ist im Haushalt verankert, wird überwacht und "
                                 "fortgeschrieben."),
    ],
}

CONCEPT_STATUS = {
    # slug: (existing/planned, active, completed/outdated, monitoring/update)
    "vep": (True, True, None, None),
    "gruenflaechenkonzept": (True, None, None, None),
    "klimaschutzkonzept-2022": (True, None, None, None),
    "partnerstadt-biosphaere": (True, True, None, None),
    "klimaanpassung-platz-b-2021": (True, True, None, None),
    "boizenburg-unglaublich-real": (True, True, None, None),
    "einzelhandelskonzepte": (True, None, True, None),
    "jugendkonzept": (True, True, None, True),
    "museumskonzept": (True, None, None, None),
    "personalentwicklungskonzept": (True, None, None, None),
    "familienfreundliche-verwaltung": (True, True, None, None),
}
CONCEPT_SAMPLE_NOTE = "Status und Zuordnung zu Handlungsfeldern sind Beispieldaten."
CONCEPT_LINKS = {
    "vep": ["verkehr"],
    "gruenflaechenkonzept": ["stadtstruktur"],
    "klimaschutzkonzept-2022": ["stadtstruktur", "verkehr", "wohnen"],
    "partnerstadt-biosphaere": ["kultur-freizeit-und-tourismus", "netzwerke-und-kooperationen"],
    "klimaanpassung-platz-b-2021": ["stadtstruktur"],
    "boizenburg-unglaublich-real": ["stadtmarketing", "kultur-freizeit-und-tourismus"],
    "einzelhandelskonzepte": ["wirtschaft-und-beschaeftigung"],
    "jugendkonzept": ["soziale-infrastruktur", "bildung-und-wissenschaft"],
    "museumskonzept": ["kultur-freizeit-und-tourismus"],
    "personalentwicklungskonzept": ["verwaltung"],
    "familienfreundliche-verwaltung": ["verwaltung"],
}

PHASE_DATES = {
    "vorprozess": (D(2021, 2, 5), D(2021, 9, 30)),
    "hauptprozess": (D(2021, 10, 1), D(2022, 12, 31)),
    "umsetzung": (D(2023, 1, 1), None),
}
IMPORTANT_MILESTONE_DATES = {
    "Vergabe der externen Beratungsverträge": D(2021, 9, 15),
    "Leitbild": D(2022, 3, 31),
    "Entwurfsstadium 1: Vorentwurf": D(2022, 6, 30),
    "Entwurfsstadium 2: Entwurf": D(2022, 9, 30),
    "Entwurfsstadium 3: Endfassung und Beschluss": D(2022, 12, 15),
}
# Monitoring and update dates of the implementation phase (the document names them as the
# important milestones of that phase, without dates).
IMPLEMENTATION_MILESTONES = [
    ("Monitoringbericht 2023", D(2023, 12, 14)),
    ("Monitoringbericht 2024", D(2024, 12, 12)),
    ("Monitoringbericht 2025", D(2025, 12, 11)),
    ("Monitoringbericht 2026", D(2026, 12, 10)),
    ("Fortschreibung des ISEK 2022", D(2027, 9, 30)),
    ("Monitoringbericht 2027", D(2027, 12, 9)),
]

# Scores per action field for the themes in seed order: Klimafit, Beteiligung, Kommunikation,
# Integration, Gleichstellung, Finanzen und Fördermittel, Gut gelebte Abläufe und Prozesse.
FIELD_RATINGS = {
    "stadtstruktur": (3, 2, 1, 1, 1, 3, 1),
    "wohnen": (2, 1, 1, 2, 2, 2, 0),
    "soziale-infrastruktur": (1, 3, 2, 3, 3, 2, 1),
    "bildung-und-wissenschaft": (1, 2, 2, 3, 3, 2, 1),
    "wirtschaft-und-beschaeftigung": (1, 1, 2, 2, 2, 3, 1),
    "verkehr": (3, 2, 1, 1, 2, 3, -1),
    "kultur-freizeit-und-tourismus": (1, 2, 3, 2, 1, 2, 0),
    "verwaltung": (2, 2, 3, 1, 3, 3, 3),
}
SCORE_PHRASES = {
    -1: "Zielkonflikt, der in der Umsetzung aufgelöst werden muss",
    0: "kein direkter Bezug",
    1: "geringer Beitrag",
    2: "deutlicher Beitrag",
    3: "zentraler Beitrag",
}

SWOT = {
    "stadtstruktur": ("Historische Altstadt mit Elbufer und Hafen",
                      "Leerstände und versiegelte Flächen in der Innenstadt",
                      "Förderprogramme der Städtebauförderung",
                      "Starkregen und Hitze in dicht bebauten Quartieren"),
    "wohnen": ("Bezahlbare Mieten im Vergleich zur Metropolregion Hamburg",
               "Sanierungsstau in Altbauten",
               "Zuzug von Familien aus der Region",
               "Wenig barrierearmer Wohnraum für Ältere"),
    "soziale-infrastruktur": ("Aktive Vereine und Kirchengemeinden",
                              "Fehlende offene Treffpunkte für Jugendliche",
                              "Mehrgenerationen-Angebote im Quartier",
                              "Fachkräftemangel in Kitas und Pflege"),
    "bildung-und-wissenschaft": ("Alle Schularten vor Ort",
                                 "Digitale Ausstattung ungleich verteilt",
                                 "Elbe und Biosphärenreservat als Lernorte",
                                 "Abwanderung junger Menschen nach dem Abschluss"),
    "wirtschaft-und-beschaeftigung": ("Lage an der A 24 zwischen Hamburg und Berlin",
                                      "Brachflächen am Hafen",
                                      "Ansiedlungen im Umfeld der Metropolregion",
                                      "Fachkräftemangel im Handwerk"),
    "verkehr": ("Elberadweg führt durch die Stadt",
                "Lücken im innerstädtischen Radnetz",
                "Bahnhof als Mobilitätsknoten",
                "Hohe Pkw-Abhängigkeit im Umland"),
    "kultur-freizeit-und-tourismus": ("Erstes Deutsches Fliesenmuseum und Hafenfest",
                                      "Angebote wenig vernetzt und schwer auffindbar",
                                      "Wasserwandern und Radtourismus an der Elbe",
                                      "Saisonale Abhängigkeit des Tourismus"),
    "verwaltung": ("Kurze Wege in einer kleinen Verwaltung",
                   "Strategische Konzepte bisher nicht verknüpft",
                   "Digitalisierung der Bürgerdienste",
                   "Personalengpässe bei gleichzeitig wachsenden Aufgaben"),
}

GOALS = {
    "stadtstruktur": ["Altstadt und Elbufer als lebendige Mitte entwickeln",
                      "Flächen entsiegeln und Stadtgrün vernetzen"],
    "wohnen": ["Leerstand aktivieren", "Generationengerechten Wohnraum schaffen"],
    "soziale-infrastruktur": ["Offene Treffpunkte für alle Generationen",
                              "Barrierefreie Spiel- und Bewegungsräume"],
    "bildung-und-wissenschaft": ["Digitale Bildung an allen Schulen",
                                 "Außerschulische Lernorte stärken"],
    "wirtschaft-und-beschaeftigung": ["Gründungen und Ansiedlungen unterstützen",
                                      "Gewerbeflächen im Bestand entwickeln"],
    "verkehr": ["Radverkehr sicher und durchgängig machen",
                "Umweltverbund am Bahnhof bündeln"],
    "kultur-freizeit-und-tourismus": ["Kultur- und Freizeitangebote vernetzen",
                                      "Wassertourismus an Elbe und Boize ausbauen"],
    "verwaltung": ["ISEK in Haushalt und Steuerung verankern",
                   "Verwaltung als attraktive Arbeitgeberin"],
}

ALTSTADT = {"type": "Polygon", "coordinates": [[
    [10.7195, 53.3785], [10.7275, 53.3785], [10.7275, 53.3825], [10.7195, 53.3825],
    [10.7195, 53.3785]]]}
HAFEN = {"type": "Polygon", "coordinates": [[
    [10.7130, 53.3715], [10.7220, 53.3715], [10.7220, 53.3750], [10.7130, 53.3750],
    [10.7130, 53.3715]]]}


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


# (field, code, title, status, priority, unit, start, end, cost, goal index, concepts,
#  place name, place, ratings (7 scores or None), description)
MEASURES = [
    ("stadtstruktur", "STS-1", "Rahmenplan Altstadt und Elbufer", "planned", "A", "FB III",
     D(2024, 3, 1), D(2026, 12, 31), "120000.00", 0, ["isek-2002-2017"], "Altstadt", ALTSTADT,
     (2, 3, 2, 1, 1, 3, 1),
     "Ein Rahmenplan verknüpft Altstadt, Hafen und Elbufer und bildet die Grundlage für "
     "Förderanträge."),
    ("stadtstruktur", "STS-2", "Entsiegelung und Begrünung des Marktplatzes", "implementation",
     "B", "FB III", D(2025, 4, 1), D(2027, 6, 30), "450000.00", 1,
     ["klimaanpassung-platz-b-2021"], "Marktplatz", _point(10.7236, 53.3806),
     (3, 2, 1, 0, 1, 2, 0),
     "Der Marktplatz wird teilweise entsiegelt, erhält Bäume, Wasserspiel und Schattenplätze."),
    ("stadtstruktur", "STS-3", "Leerstandskataster Innenstadt", "completed", "B", "FB III",
     D(2023, 2, 1), D(2023, 11, 30), "15000.00", 0, [], "Innenstadt", None, None,
     "Alle leerstehenden Ladenlokale und Wohnungen der Innenstadt sind erfasst."),
    ("wohnen", "WOH-1", "Modernisierungsberatung für private Eigentümer*innen",
     "implementation", "B", "FB III", D(2024, 1, 1), D(2027, 12, 31), "60000.00", 0, [], "", None,
     (2, 1, 2, 0, 0, 2, 1),
     "Kostenlose Erstberatung zu Sanierung, Energie und Fördermitteln."),
    ("wohnen", "WOH-2", "Generationengerechtes Wohnen am Stadtpark", "preparation", "A", "FB III",
     D(2026, 1, 1), D(2029, 12, 31), "2400000.00", 1, [], "Stadtpark",
     _point(10.7290, 53.3840), (2, 2, 1, 2, 3, 2, 0),
     "Barrierearme Wohnungen mit Gemeinschaftsräumen in Zusammenarbeit mit der "
     "Wohnungsgesellschaft."),
    ("wohnen", "WOH-3", "Aktivierung leerstehender Altbauten", "idea", "C", "FB III",
     None, None, None, 0, [], "", None, None,
     "Eigentümer*innen leerstehender Altbauten werden angesprochen und beraten."),
    ("soziale-infrastruktur", "SOZ-1", "Jugendtreff als offener Begegnungsort", "implementation",
     "A", "FB II", D(2024, 6, 1), D(2026, 12, 31), "180000.00", 0, ["jugendkonzept"],
     "Jugendtreff", _point(10.7210, 53.3820), (1, 3, 2, 3, 2, 2, 1),
     "Ein selbstverwalteter Jugendtreff mit offenen Öffnungszeiten."),
    ("soziale-infrastruktur", "SOZ-2", "Barrierefreie Spielplätze", "planned", "B", "FB II",
     D(2026, 3, 1), D(2027, 10, 31), "210000.00", 1, [], "", None, (1, 2, 1, 2, 3, 2, 0),
     "Zwei Spielplätze werden barrierefrei umgebaut."),
    ("soziale-infrastruktur", "SOZ-3", "Seniorennetzwerk im Quartier", "idea", "C", "FB II",
     None, None, None, 0, [], "", None, None,
     "Nachbarschaftshilfe und Treffpunkte für ältere Menschen."),
    ("bildung-und-wissenschaft", "BIL-1", "Digitale Ausstattung der Schulen", "implementation",
     "A", "FB II", D(2023, 8, 1), D(2026, 7, 31), "350000.00", 0, [], "", None,
     (0, 1, 2, 2, 3, 3, 1), "WLAN, Endgeräte und Fortbildung an allen Schulen der Stadt."),
    ("bildung-und-wissenschaft", "BIL-2", "Lernort Elbe – außerschulische Umweltbildung",
     "planned", "B", "FB II", D(2026, 4, 1), D(2028, 3, 31), "45000.00", 1,
     ["partnerstadt-biosphaere"], "Elbufer", _point(10.7180, 53.3760), (3, 2, 2, 1, 1, 2, 0),
     "Umweltbildung mit dem Biosphärenreservat direkt an der Elbe."),
    ("bildung-und-wissenschaft", "BIL-3", "Stadtbibliothek als Dritter Ort", "preparation", "B",
     "FB II", D(2026, 9, 1), D(2028, 6, 30), "300000.00", 1, [], "Stadtbibliothek",
     _point(10.7228, 53.3812), None,
     "Die Bibliothek wird zu einem offenen Ort zum Lernen, Arbeiten und Treffen."),
    ("wirtschaft-und-beschaeftigung", "WIR-1", "Gründungs- und Ansiedlungslotse",
     "implementation", "B", "BM-Büro", D(2024, 1, 1), D(2026, 12, 31), "90000.00", 0,
     ["einzelhandelskonzepte"], "", None, (0, 1, 2, 2, 2, 3, 2),
     "Eine feste Ansprechperson für Gründer*innen und Unternehmen."),
    ("wirtschaft-und-beschaeftigung", "WIR-2", "Revitalisierung der Gewerbeflächen am Hafen",
     "planned", "A", "FB III", D(2026, 6, 1), D(2030, 12, 31), "3800000.00", 1, [], "Hafen",
     HAFEN, (2, 1, 1, 1, 1, 3, 0),
     "Brachliegende Flächen am Hafen werden für Handwerk und Gewerbe erschlossen."),
    ("wirtschaft-und-beschaeftigung", "WIR-3", "Willkommensportal für Fachkräfte", "dropped",
     "C", "BM-Büro", None, None, "20000.00", 0, [], "", None, None,
     "Zugunsten eines regionalen Portals des Landkreises nicht weiterverfolgt."),
    ("verkehr", "VER-1", "Lückenschluss Elberadweg – Innenstadt", "implementation", "A",
     "FB III", D(2024, 9, 1), D(2026, 11, 30), "780000.00", 0, ["vep"], "Elberadweg", None,
     (3, 1, 1, 1, 2, 3, 0), "Eine sichere Radverbindung vom Elberadweg in die Altstadt."),
    ("verkehr", "VER-2", "Mobilitätsstation am Bahnhof", "planned", "B", "FB III",
     D(2026, 5, 1), D(2027, 12, 31), "260000.00", 1, ["vep"], "Bahnhof",
     _point(10.7205, 53.3890), (3, 1, 2, 1, 1, 2, 0),
     "Fahrradabstellanlage, Leihräder und Carsharing am Bahnhof."),
    ("verkehr", "VER-3", "Verkehrsberuhigung der Altstadt", "idea", "B", "FB III",
     None, None, None, 0, ["vep"], "Altstadt", ALTSTADT, None,
     "Prüfung von Tempo 20 und Lieferzonen in der Altstadt."),
    ("kultur-freizeit-und-tourismus", "KUL-1", "Erlebnisachse Hafen – Fliesenmuseum – Altstadt",
     "preparation", "B", "BM-Büro", D(2025, 9, 1), D(2028, 9, 30), "650000.00", 0,
     ["museumskonzept"], "Hafen und Altstadt", None, (1, 2, 3, 2, 1, 2, 0),
     "Ein Leitsystem und Stationen verbinden Hafen, Fliesenmuseum und Altstadt."),
    ("kultur-freizeit-und-tourismus", "KUL-2", "Gemeinsamer Veranstaltungskalender",
     "completed", "C", "BM-Büro", D(2023, 3, 1), D(2024, 2, 29), "12000.00", 0,
     ["boizenburg-unglaublich-real"], "", None, (0, 2, 3, 2, 1, 1, 2),
     "Vereine, Museum und Stadt veröffentlichen ihre Termine an einem Ort."),
    ("kultur-freizeit-und-tourismus", "KUL-3", "Wasserwanderrastplatz an der Boize", "planned",
     "B", "FB III", D(2026, 4, 1), D(2027, 9, 30), "220000.00", 1, ["partnerstadt-biosphaere"],
     "Boize", _point(10.7250, 53.3770), (2, 1, 2, 1, 1, 3, 0),
     "Anleger, Rastplatz und Informationen für Wasserwander*innen."),
    ("verwaltung", "VWT-1", "ISEK-Monitoring im Produktrahmenplan verankern", "implementation",
     "A", "FB I", D(2023, 1, 1), D(2026, 12, 31), "25000.00", 0, [], "", None,
     (1, 2, 3, 0, 1, 3, 3),
     "Jede ISEK-Maßnahme erhält eine Haushaltsstelle und Kennzahlen im Produktrahmenplan."),
    ("verwaltung", "VWT-2", "Qualifizierung im Projektmanagement", "planned", "B", "FB I",
     D(2026, 1, 1), D(2027, 12, 31), "40000.00", 1, ["personalentwicklungskonzept"], "", None,
     (0, 1, 2, 1, 2, 1, 3), "Fortbildungen für Mitarbeiter*innen, die ISEK-Maßnahmen steuern."),
    ("verwaltung", "VWT-3", "Mobile Bürgerdienste", "idea", "C", "FB I", None, None, None, 1,
     ["familienfreundliche-verwaltung"], "", None, None,
     "Bürgerdienste kommen zu Terminen in die Ortsteile."),
]
