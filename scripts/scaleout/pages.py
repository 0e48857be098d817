"""The pages the load test's users visit (locustfile.py), also read by the warm-up before
it (load.py), which must not import Locust: Locust patches the process with gevent."""

IDEAS = "/beteiligung/verfahren/ideen-innenstadt-und-elbufer/"
PAGES = [
    "/",
    "/leitbild/",
    "/handlungsfelder/",
    "/massnahmen/",
    "/prozess/",
    "/gremien/",
    "/beteiligung/",
    IDEAS,
    "/finanzen/",
    "/monitoring/",
    "/berichte/",
    "/querschnittsthemen/",
    "/konzepte/",
    "/prozess/zeitplan/",
    "/massnahmen/?status=running",
    "/suche/?q=Elbe",
]
IDEA_IDS = [5, 6, 7, 8, 9]
MEASURE_IDS = range(1, 21)


def warm_up_paths() -> list[str]:
    return [
        *PAGES,
        *(f"/beteiligung/beitraege/{pk}/" for pk in IDEA_IDS),
        *(f"/massnahmen/{pk}/" for pk in MEASURE_IDS),
    ]
