"""A lightweight, local text similarity for German contributions: "similar ideas already
exist" on submission (and, later, grouping similar contributions in the evaluation).

Words are folded (case, umlauts), stop words dropped and crudely stemmed; two texts are
compared by the cosine of their TF-IDF vectors, the IDF taken from the compared texts.
No outside service and no model files: it runs in milliseconds for thousands of texts.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-zäöüß]+")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_STOP_WORDS = """
    aber alle allem allen aller alles als also am an ander andere anderen auch auf aus
    bei beim bin bis bitte bzw da dadurch dafuer damit dann darauf darum das dass dein
    deine dem den denn der des dessen deshalb die dies diese diesem diesen dieser dieses
    doch dort du durch ein eine einem einen einer eines einfach er es etwa etwas euch
    euer fuer gegen gibt gern gerne ganz habe haben hat hatte hier ich ihr ihre im immer
    in ins ist ja jede jedem jeden jeder jetzt kann kein keine koennen koennte man mehr
    mein meine mit moechte muss nach nicht noch nur ob oder ohne schon sehr sein seine
    sich sie sind so soll sollen sollte sowie ueber um und uns unser unsere unter viel
    vom von vor war waere warum was weil welche wenn wer werden wie wieder wir wird wo
    wuerde wuerden zu zum zur zwischen boizenburg stadt idee vorschlag
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ungen", "heiten", "keiten", "ung", "heit", "keit", "en", "er", "es", "e", "n", "s")


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The comparable words of a text: ``"Mehr Bänke am Elbufer!"`` → ``["mehr"…]`` minus
    stop words, folded and stemmed."""
    words = _WORD.findall((text or "").lower())
    folded = (w.translate(_FOLD) for w in words)
    return [stem(w) for w in folded if len(w) > 2 and w not in STOP_WORDS]


@dataclass(frozen=True)
class Match:
    key: object
    score: float


def _vector(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    vector = {t: n * idf.get(t, 0.0) for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def similar(
    text: str,
    candidates: Iterable[tuple[object, str]],
    *,
    threshold: float = 0.3,
    limit: int = 3,
) -> list[Match]:
    """The candidates (key, text) most similar to ``text``, best first, above threshold."""
    query = Counter(terms(text))
    if not query:
        return []
    documents = [(key, Counter(terms(body))) for key, body in candidates]
    if not documents:
        return []
    frequency: Counter = Counter()
    for _, counts in documents:
        frequency.update(counts.keys())
    frequency.update(query.keys())
    total = len(documents) + 1
    idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in frequency.items()}
    q = _vector(query, idf)
    matches = []
    for key, counts in documents:
        d = _vector(counts, idf)
        score = sum(weight * d.get(t, 0.0) for t, weight in q.items())
        if score >= threshold:
            matches.append(Match(key, round(score, 3)))
    matches.sort(key=lambda m: -m.score)
    return matches[:limit]
