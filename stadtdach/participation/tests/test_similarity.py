"""The local text similarity behind "similar ideas already exist"."""

from stadtdach.participation import similarity

IDEAS = [
    (1, "Mehr Sitzbänke am Elbufer, gern mit Schatten für ältere Menschen"),
    (2, "Ein sicherer Radweg vom Bahnhof in die Altstadt"),
    (3, "Wochenmarkt auch am Samstag auf dem Marktplatz"),
    (4, "Trinkwasserbrunnen in der Innenstadt für heiße Tage"),
]


def test_words_are_folded_stemmed_and_stop_words_dropped():
    assert similarity.terms("Die Bänke am Elbufer!") == ["baenk", "elbuf"]
    assert similarity.terms("") == []


def test_the_similar_idea_is_found_first():
    matches = similarity.similar("Bänke mit Schatten am Elbufer aufstellen", IDEAS)
    assert [m.key for m in matches][:1] == [1]
    matches = similarity.similar("Radwege zum Bahnhof sicherer machen", IDEAS)
    assert [m.key for m in matches][:1] == [2]


def test_unrelated_or_empty_texts_find_nothing():
    assert similarity.similar("Digitale Ausstattung der Schulen", IDEAS) == []
    assert similarity.similar("und oder aber", IDEAS) == []
    assert similarity.similar("Bänke am Elbufer", []) == []


def test_thousands_of_candidates_are_quick():
    import time

    many = [(n, f"Idee {n} für den Stadtpark mit Bänken und Bäumen") for n in range(5_000)]
    start = time.perf_counter()
    similarity.similar("Bänke im Stadtpark", many)
    assert time.perf_counter() - start < 2
