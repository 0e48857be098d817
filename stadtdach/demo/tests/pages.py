"""The addresses of the demo site, for the page tests and the browser tests."""

from stadtdach.strategy.models import ActionField, Concept, CrossCuttingTheme, Goal, Measure


def public_paths() -> list[str]:
    return [
        "/",
        "/leitbild/",
        "/ausgaben/",
        "/ausgaben/isek-2022/",
        "/ausgaben/isek-2002-2017/",
        "/handlungsfelder/",
        *[f.get_absolute_url() for f in ActionField.objects.all()],
        "/querschnittsthemen/",
        *[t.get_absolute_url() for t in CrossCuttingTheme.objects.all()],
        "/konzepte/",
        *[c.get_absolute_url() for c in Concept.objects.all()],
        "/bewertung-und-erwartungen/",
        "/massnahmen/",
        "/massnahmen/?thema=klimafit",
        "/massnahmen/?status=planned&prioritaet=A&q=Rad",
        *[m.get_absolute_url() for m in Measure.objects.all()],
        "/sockel/qualitaetsmanagement/",
        "/sockel/kommunikation/",
        "/sockel/haushalt/",
        "/sockel/monitoring/",
        "/beispiele/",
        "/prozess/",
        "/leichte-sprache/",
        "/barrierefreiheit/",
        "/impressum/",
        "/datenschutz/",
        "/suche/?q=Rad",
        "/suche/?q=x",
        "/konto/anmelden/",
        "/en/",
        "/en/prozess/",
        "/en/massnahmen/",
        "/en" + Measure.objects.get(code="STS-1").get_absolute_url(),
    ]


def staff_paths() -> list[str]:
    measure = Measure.objects.get(code="STS-1")
    goal = Goal.objects.first()
    return [
        "/arbeitsbereich/",
        "/protokoll/",
        "/massnahmen/neu/",
        f"/massnahmen/{measure.pk}/bearbeiten/",
        f"/massnahmen/{measure.pk}/bewertungen/",
        f"/massnahmen/{measure.pk}/loeschen/",
        "/handlungsfelder/neu/",
        "/handlungsfelder/wohnen/bearbeiten/",
        "/handlungsfelder/wohnen/auswahl/",
        "/handlungsfelder/wohnen/bewertungen/",
        "/handlungsfelder/wohnen/ziele/neu/",
        "/handlungsfelder/wohnen/swot/neu/",
        f"/ziele/{goal.pk}/bearbeiten/",
        "/querschnittsthemen/neu/",
        "/querschnittsthemen/klimafit/bearbeiten/",
        "/konzepte/neu/",
        "/konzepte/vep/bearbeiten/",
        "/leitbild/bearbeiten/",
        "/leitbild/leitsaetze/neu/",
        "/bewertung-und-erwartungen/befunde/neu/",
        "/bewertung-und-erwartungen/erwartungen/neu/",
    ]
