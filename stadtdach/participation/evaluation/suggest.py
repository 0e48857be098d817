"""Suggestions for the evaluation: which action field (and which cross-cutting themes) a
contribution probably belongs to, computed on our own machine from its German text.

The model is a TF-IDF centroid per action field (and per theme), built from
- the field's name (weighted), description, goals, measures and SWOT entries (strategy),
- a small built-in vocabulary of the standard ISEK action fields and themes (looked up
  by slug, so a renamed or new field simply has none), and
- contributions staff have already assigned (the latest ``LEARNED_PER_FIELD`` of each
  field), so the suggestions improve as the evaluation goes on.

Words are folded, stop words dropped and crudely stemmed like ``similarity.terms``;
compound words ("Fahrradständer") also match the known words they start or end with
("fahrrad"). No outside service, no model files; building takes four queries and a few
milliseconds, a suggestion well under a millisecond. The accuracy on a labelled sample
is measured in tests/test_evaluation_suggest.py (docs/participation.md).
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from stadtdach.participation.similarity import terms

# Staff assignments learned per field (the latest; bounds the model's building time).
LEARNED_PER_FIELD = 60
LEARNED_TOTAL = 1_200
NAME_WEIGHT = 3
# How much the learned contributions count against the strategy texts (per field): their
# centroid weighs up to LEARNED_WEIGHT, reached with LEARNED_FULL assignments (a few
# assignments must not drown the field's own texts).
LEARNED_WEIGHT = 1.0
LEARNED_FULL = 20
MIN_COMPOUND_PART = 4

# Vocabulary of the standard ISEK action fields ("Alle möglichen Handlungsfelder").
FIELD_WORDS = {
    "stadtstruktur": """innenstadt altstadt stadtbild platz plaetze marktplatz brache brachen
        leerstand abriss sanierung gestaltung stadtgruen gruenflaeche park baum baeume
        begruenung entsiegelung flaeche quartier stadtteil ortsbild denkmal fassade
        stadtentwicklung bebauung bauluecke elbufer hafen uferpromenade promenade""",
    "wohnen": """wohnung wohnungen wohnen miete mieten mietwohnung wohnraum bauland
        eigenheim einfamilienhaus mehrgenerationenhaus altersgerecht barrierefrei
        seniorenwohnen wohngemeinschaft neubau wohngebiet baugebiet vermieter
        sozialwohnung bezahlbar leerstehende haeuser""",
    "soziale-infrastruktur": """kita kindergarten krippe spielplatz jugendclub jugendzentrum
        treffpunkt senioren seniorentreff arzt aerzte hausarzt pflege pflegeheim
        gesundheit familien beratung sozialarbeit jugendliche kinder begegnungsstaette
        nachbarschaft generationen toilette""",
    "bildung-und-wissenschaft": """schule schulen grundschule gymnasium schueler lehrer
        unterricht bildung ausbildung weiterbildung volkshochschule bibliothek
        lernen lernort digital tablet hochschule forschung wissenschaft praktikum
        nachhilfe schulhof medienkompetenz""",
    "wirtschaft-und-beschaeftigung": """arbeitsplatz arbeitsplaetze arbeit betrieb betriebe
        unternehmen firma firmen handwerk gewerbe gewerbegebiet einzelhandel laden
        geschaeft geschaefte ansiedlung gruendung gruender fachkraefte job jobs
        wirtschaft industrie mittelstand werft coworking""",
    "verkehr": """verkehr bus busse buslinie bahn bahnhof zug radweg radwege fahrrad
        radfahrer parkplatz parkplaetze parken auto autos strasse strassen ampel
        kreuzung tempo geschwindigkeit fussweg gehweg buergersteig zebrastreifen
        mobilitaet carsharing ladesaeule taxi fahrplan verbindung laerm lkw""",
    "kultur-freizeit-und-tourismus": """kultur museum fliesenmuseum konzert theater kino
        veranstaltung fest festival freizeit sport sportplatz schwimmbad badestelle
        tourismus touristen gaeste urlaub hotel pension camping wohnmobil wandern
        radtour ausflug boot wassertourismus kanu marina""",
    "stadtmarketing": """marketing image werbung logo marke ruf bekanntheit
        besucher imagekampagne webseite internetauftritt broschuere flyer
        social media instagram slogan aussenwirkung wegweiser beschilderung
        stadtfuehrung souvenir""",
    "zivilgesellschaftliches-engagement": """ehrenamt ehrenamtlich ehrenamtliche verein
        vereine engagement freiwillige freiwillig helfer nachbarschaftshilfe
        buergerinitiative initiative mitmachen spende spenden patenschaft
        feuerwehr ehrenamtskarte""",
    "netzwerke-und-kooperationen": """netzwerk netzwerke kooperation kooperationen
        zusammenarbeit partner partnerschaft nachbargemeinden landkreis region
        metropolregion hamburg lauenburg partnerstadt austausch runder tisch
        abstimmung gemeinden interkommunal""",
    "finanzen": """haushalt geld kosten steuern steuer gebuehren gebuehr abgaben
        finanzierung foerdermittel foerderung schulden sparen budget kassen
        investition ausgaben einnahmen grundsteuer kredit""",
    "verwaltung": """verwaltung rathaus amt aemter buergerbuero formular formulare
        antrag antraege online digitalisierung termin termine wartezeit oeffnungszeiten
        mitarbeiter mitarbeitende personal behoerde bearbeitung genehmigung
        bauantrag akten""",
}

# Vocabulary of the demo's cross-cutting themes, by slug.
THEME_WORDS = {
    "klimafit": """klima klimaschutz klimawandel hitze starkregen hochwasser solar
        photovoltaik energie waerme co2 baeume schatten begruenung entsiegelung
        regenwasser nachhaltig umwelt""",
    "beteiligung": """beteiligung mitreden mitbestimmen mitmachen buergerbeteiligung
        workshop umfrage befragung einbeziehen""",
    "kommunikation": """information informieren kommunikation transparenz webseite
        newsletter presse aushang erfahren""",
    "integration": """integration zugewanderte gefluechtete migranten sprache
        sprachkurs willkommen kulturen inklusion""",
    "gleichstellung": """gleichstellung frauen maenner gleichberechtigung
        alleinerziehende vereinbarkeit barrierefrei rollstuhl behinderung""",
    "finanzen-und-foerdermittel": """foerdermittel foerderung foerderprogramm
        finanzierung kosten geld zuschuss""",
    "gut-gelebte-ablaeufe-und-prozesse": """ablaeufe prozesse zustaendigkeit
        abstimmung schneller bearbeitung digitalisierung verwaltung""",
}


@dataclass(frozen=True)
class Suggestion:
    key: int  # pk of the action field or theme
    label: str
    score: float


def _bag(*texts: str) -> Counter:
    bag: Counter = Counter()
    for text in texts:
        bag.update(terms(text))
    return bag


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


class Model:
    """Centroids of labelled bags of words; ``rank(text)`` orders the labels."""

    def __init__(self, labels: dict[int, str], seeds: dict[int, Counter], learned=None):
        self.labels = labels
        learned = learned or {}
        documents = [seeds.get(k, Counter()) + _sum(learned.get(k, [])) for k in labels]
        frequency: Counter = Counter()
        for bag in documents:
            frequency.update(bag.keys())
        total = max(len(labels), 1)
        self.idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in frequency.items()}
        self.vocabulary = sorted(
            (t for t in self.idf if len(t) >= MIN_COMPOUND_PART), key=len, reverse=True
        )
        self.centroids = {}
        for key in labels:
            seed = self._weigh(seeds.get(key, Counter()))
            centroid = defaultdict(float, seed)
            bags = learned.get(key, [])
            if bags:
                share = LEARNED_WEIGHT * min(1.0, len(bags) / LEARNED_FULL) / len(bags)
                for bag in bags:
                    for t, v in self._weigh(bag).items():
                        centroid[t] += share * v
            self.centroids[key] = _normalise(centroid)

    def _weigh(self, bag: Counter) -> dict[str, float]:
        return _normalise({t: (1 + math.log(n)) * self.idf.get(t, 0.0) for t, n in bag.items()})

    def _query(self, text: str) -> Counter:
        """The text's terms; an unknown compound also counts the known words it starts
        or ends with (``fahrradstaender`` → ``fahrrad``)."""
        bag: Counter = Counter()
        for term in terms(text):
            if term in self.idf:
                bag[term] += 1
                continue
            for known in self.vocabulary:
                if len(known) < len(term) and (term.startswith(known) or term.endswith(known)):
                    bag[known] += 1
                    break
        return bag

    def rank(self, text: str, limit: int = 3) -> list[Suggestion]:
        query = self._weigh(self._query(text))
        if not query:
            return []
        scored = []
        for key, centroid in self.centroids.items():
            score = sum(v * centroid.get(t, 0.0) for t, v in query.items())
            if score > 0:
                scored.append(Suggestion(key, self.labels[key], round(score, 3)))
        scored.sort(key=lambda s: (-s.score, s.key))
        return scored[:limit]


def _sum(bags) -> Counter:
    total: Counter = Counter()
    for bag in bags:
        total.update(bag)
    return total


def field_model(fields, *, goals=(), measures=(), swot=(), learned=()) -> Model:
    """A model from plain data: ``fields`` objects with pk, slug, name, description;
    ``goals``/``measures``/``swot`` objects with action_field_id and title/description
    or text; ``learned`` (action_field_id, text) pairs of assigned contributions."""
    labels = {f.pk: f.name for f in fields}
    seeds = {
        f.pk: _bag(*([f.name] * NAME_WEIGHT), f.description, FIELD_WORDS.get(f.slug, ""))
        for f in fields
    }
    for item in (*goals, *measures, *swot):
        bag = seeds.get(item.action_field_id)
        if bag is not None:
            bag.update(
                terms(
                    " ".join(
                        getattr(item, name, "") or "" for name in ("title", "description", "text")
                    )
                )
            )
    by_field: dict[int, list[Counter]] = defaultdict(list)
    for field_id, text in learned:
        if field_id in labels and len(by_field[field_id]) < LEARNED_PER_FIELD:
            by_field[field_id].append(_bag(text))
    return Model(labels, seeds, by_field)


def theme_model(themes) -> Model:
    labels = {t.pk: t.name for t in themes}
    seeds = {
        t.pk: _bag(*([t.name] * NAME_WEIGHT), t.description, THEME_WORDS.get(t.slug, ""))
        for t in themes
    }
    return Model(labels, seeds)
