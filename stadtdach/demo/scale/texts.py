"""Words the generated records are made of: German like the site, varied enough that
lists, search and the evaluation's similarity groups have something to work on, and
always marked as generated (every title of a process, measure or paper says so)."""

import random

NOTE = "Skalierungsdaten: automatisch erzeugt (manage.py generate_scale_data)."

FIRST_NAMES = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Emma",
    "Finn",
    "Greta",
    "Hannes",
    "Ida",
    "Jakob",
    "Karla",
    "Leon",
    "Mia",
    "Noah",
    "Olga",
    "Paul",
    "Rosa",
    "Samuel",
    "Tilda",
    "Uwe",
    "Vera",
    "Willi",
    "Yusuf",
    "Zeynep",
    "Aylin",
    "Bernd",
    "Dana",
    "Elias",
    "Frieda",
    "Gustav",
    "Helga",
    "Ilse",
    "Jonas",
    "Katrin",
    "Lars",
    "Merle",
    "Niklas",
    "Oskar",
    "Petra",
    "Rainer",
    "Sabine",
    "Theo",
    "Ute",
    "Wiebke",
]
LAST_INITIALS = "ABCDEFGHIJKLMNOPRSTUVWZ"

PLACES = (
    "am Marktplatz",
    "am Elbufer",
    "am Bahnhof",
    "im Stadtpark",
    "an der Boize",
    "in der Altstadt",
    "am Hafen",
    "an der Grundschule",
    "im Neubaugebiet",
    "am Fliesenmuseum",
    "in der Bahnhofstraße",
    "an der Kirche",
    "im Ortsteil Gothmann",
    "im Ortsteil Bahlen",
    "am Sportplatz",
    "an der Elbbrücke",
    "am Wasserturm",
    "in der Reichenstraße",
    "am Rathaus",
    "am Friedhof",
    "am Jugendclub",
    "an der Bushaltestelle Schwartow",
    "im Gewerbegebiet",
    "am Deich",
)

WISHES = (
    "Mehr Bänke",
    "Schattenbäume",
    "Ein sicherer Radweg",
    "Öffentliche Toiletten",
    "Ein Trinkwasserbrunnen",
    "Bessere Beleuchtung",
    "Ein Spielplatz für alle Kinder",
    "Tempo 30",
    "Überdachte Fahrradstellplätze",
    "Ein Treffpunkt für Jugendliche",
    "Barrierefreie Wege",
    "Mehr Grün statt Beton",
    "Ein Wochenmarkt am Samstag",
    "Eine Ladesäule für E-Autos",
    "Ein Bücherschrank",
    "Kostenloses WLAN",
    "Eine Blühwiese",
    "Ein Zebrastreifen",
    "Mehr Mülleimer",
    "Ein Carsharing-Platz",
    "Ein Outdoor-Fitnessparcours",
    "Eine Hundewiese",
    "Ein Café mit Blick aufs Wasser",
    "Eine bessere Busanbindung",
    "Ein Gemeinschaftsgarten",
)

REASONS = (
    "Gerade ältere Menschen würden sich darüber freuen.",
    "Im Sommer wird es hier sehr heiß.",
    "Viele Kinder sind hier täglich unterwegs.",
    "Abends ist es hier dunkel und unsicher.",
    "So würde der Ort belebt.",
    "Das würde auch Gästen der Stadt gefallen.",
    "Andere Städte haben damit gute Erfahrungen gemacht.",
    "Wer mit dem Rad kommt, findet heute keinen Platz.",
    "Es fehlt ein Ort, an dem man sich ohne Konsumzwang treffen kann.",
    "Das wäre ein Beitrag zum Klimaschutz.",
    "Die Wege sind für Rollstühle und Kinderwagen kaum nutzbar.",
    "Der Verkehr ist hier oft zu schnell.",
    "Vereine könnten sich um die Pflege kümmern.",
    "Die Kosten wären überschaubar.",
)

COMMENTS = (
    "Gute Idee, das unterstütze ich.",
    "Unbedingt! Das fehlt schon lange.",
    "Ich sehe das anders: Dafür ist an dieser Stelle kein Platz.",
    "Wer soll das bezahlen und pflegen?",
    "Das gab es früher schon einmal, es wurde leider abgebaut.",
    "Bitte auch an die Ortsteile denken.",
    "Vielleicht ließe sich das mit der Sanierung verbinden.",
    "Unser Verein würde sich beteiligen.",
    "Als Anwohnerin kann ich das nur bestätigen.",
    "Eine Nummer kleiner würde auch reichen.",
    "Das sollte barrierefrei geplant werden.",
    "Gibt es dafür Fördermittel?",
    "Am Wochenende ist es hier besonders voll.",
    "Ich wäre für eine Testphase im nächsten Sommer.",
    "Danke für den Vorschlag!",
    "Das betrifft auch die Schulwege.",
)
OFFICIAL_COMMENTS = (
    "Danke für Ihren Beitrag. Wir haben ihn an den zuständigen Fachbereich weitergegeben.",
    "Die Koordination Beteiligung prüft den Vorschlag und meldet sich hier wieder.",
    "Der Vorschlag wird in der nächsten Sitzung der Steuerungsgruppe besprochen.",
)
ANSWERS = (
    "Vielen Dank! Ihr Vorschlag ist in eine Maßnahme des ISEK eingeflossen.",
    "Wir prüfen den Vorschlag zusammen mit dem Fachbereich Bau und Stadtentwicklung.",
    "Der Vorschlag lässt sich an dieser Stelle leider nicht umsetzen.",
    "Ein Teil des Vorschlags wird umgesetzt; über den Fortschritt berichten wir hier.",
)
DECISION_REASONS = (
    "Der Vorschlag passt zu den Zielen des Handlungsfeldes.",
    "Die Kosten stehen in keinem Verhältnis zum Nutzen.",
    "Die Fläche gehört nicht der Stadt.",
    "Der Vorschlag wird im Rahmen einer bestehenden Maßnahme umgesetzt.",
)
HIDDEN_REASON = "Verstößt gegen die Regeln der Diskussion (Werbung oder Beleidigung)."

MEASURE_WORDS = (
    "Sanierung",
    "Umgestaltung",
    "Neubau",
    "Aufwertung",
    "Konzept",
    "Förderprogramm",
    "Pilotprojekt",
    "Beratungsangebot",
    "Digitalisierung",
    "Entsiegelung",
    "Machbarkeitsstudie",
    "Ausbau",
)
MEASURE_OBJECTS = (
    "des Marktplatzes",
    "der Uferpromenade",
    "des Jugendclubs",
    "der Grundschule",
    "der Radwege",
    "des Stadtparks",
    "der Bushaltestellen",
    "der Bürgerdienste",
    "des Hafengebiets",
    "der Spielplätze",
    "der Straßenbeleuchtung",
    "des Wohnungsbestands",
    "der Kita-Plätze",
    "der Gewerbeflächen",
    "der Wanderwege",
    "des Bahnhofsumfelds",
)

INDICATORS = (
    ("Einwohner*innen", "Personen", 0),
    ("Leerstehende Wohnungen", "%", 1),
    ("Radverkehrsanteil", "%", 1),
    ("Sozialversicherungspflichtig Beschäftigte", "Beschäftigte", 0),
    ("Übernachtungen", "Übernachtungen", 0),
    ("Versiegelte Fläche", "ha", 2),
    ("Besuche", "Besuche", 0),
    ("Online-Leistungen", "Leistungen", 0),
    ("Betreuungsquote unter 3 Jahren", "%", 1),
    ("Baumpflanzungen", "Bäume", 0),
)

BODY_MEETING = {
    "steering_group": "Sitzung der Steuerungsgruppe",
    "committee": "Sitzung des Ausschusses",
    "council": "Sitzung der Stadtvertretung",
}
AGENDA = (
    "Eröffnung und Feststellung der Beschlussfähigkeit",
    "Bestätigung der Tagesordnung",
    "Bestätigung der Niederschrift der letzten Sitzung",
    "Einwohnerfragestunde",
    "Bericht der Bürgermeisterin",
    "Stand der Umsetzung des ISEK",
    "Bericht aus der Beteiligung",
    "Haushaltsangelegenheiten",
    "Anfragen und Mitteilungen",
    "Verschiedenes",
)
PAPER_SUBJECTS = (
    "Fortschreibung des ISEK: Maßnahmenliste",
    "Bereitstellung von Eigenmitteln für die Städtebauförderung",
    "Bebauungsplan Nr.",
    "Vergabe von Planungsleistungen",
    "Bericht über den Stand der Umsetzung",
    "Satzung über die Benutzung öffentlicher Einrichtungen",
    "Antrag auf Fördermittel",
    "Überplanmäßige Ausgabe",
)


def idea_title(rng: random.Random) -> str:
    return f"{rng.choice(WISHES)} {rng.choice(PLACES)}"


def idea_text(rng: random.Random, title: str) -> str:
    reasons = rng.sample(REASONS, rng.randint(1, 3))
    return f"{title}, das wünsche ich mir. " + " ".join(reasons)


def display_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_INITIALS)}."


def measure_title(rng: random.Random) -> str:
    return f"{rng.choice(MEASURE_WORDS)} {rng.choice(MEASURE_OBJECTS)}"
