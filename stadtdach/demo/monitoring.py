"""Demo part: progress reports and their history, implementation milestones, context
indicators per action field and result indicators per measure with time series. All of
it is sample data; the reports are dated up to REPORTED_UNTIL, so that loading the demo
twice (or on another day) gives the same data."""

import datetime
from decimal import Decimal

from stadtdach.accounts.models import OrganisationalUnit
from stadtdach.monitoring.models import (
    ImplementationMilestone,
    Indicator,
    IndicatorValue,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.monitoring.services import rollups_rebuild
from stadtdach.strategy.models import ActionField, Edition, Measure

D = datetime.date
REPORTED_UNTIL = D(2026, 10, 15)
# Points by which a measure's reported progress differs from its schedule (so that the
# dashboards show every status); others are 4 points ahead.
OFFSETS = {"STS-2": -32, "SOZ-1": -10, "VER-1": -10, "VWT-1": -45, "KUL-1": -14, "WIR-1": 6}
# Measures whose last report is older than their interval: an update is due.
LATE = {"STS-2": D(2026, 5, 29), "SOZ-1": D(2026, 6, 30), "WIR-2": D(2026, 3, 31)}
BEHIND = "Verzögerung: die Vergabe musste wiederholt werden; der Zeitplan wird angepasst."
NOTES = {
    "planned": "Planung und Abstimmung mit den Beteiligten laufen.",
    "preparation": "Fördermittel beantragt, Ausschreibung wird vorbereitet.",
    "implementation": "Umsetzung läuft planmäßig weiter.",
    "completed": "Maßnahme abgeschlossen und abgerechnet.",
}
MILESTONES = (
    "Planung abgeschlossen",
    "Fördermittelbescheid liegt vor",
    "Vergabe erfolgt",
    "Fertigstellung",
)

# code, action field, name, unit, decimals, direction, baseline (year, value), target
# (year, value), values from 2015 on (one per year, as of 31.12.), source
CONTEXT = [
    (
        "K-BEV",
        "stadtstruktur",
        "Einwohnerinnen und Einwohner",
        "Personen",
        0,
        "higher",
        (2021, "10640"),
        (2030, "10800"),
        [
            "10905",
            "10870",
            "10820",
            "10770",
            "10720",
            "10680",
            "10640",
            "10610",
            "10625",
            "10660",
            "10690",
        ],
        "Statistisches Amt M-V (Beispielwerte)",
    ),
    (
        "K-LEER-LADEN",
        "stadtstruktur",
        "Leerstehende Ladenlokale in der Innenstadt",
        "Ladenlokale",
        0,
        "lower",
        (2021, "24"),
        (2030, "12"),
        ["15", "17", "18", "20", "21", "23", "24", "24", "22", "21", "21"],
        "Leerstandskataster (STS-3)",
    ),
    (
        "K-WOHN-LEER",
        "wohnen",
        "Wohnungsleerstandsquote",
        "%",
        1,
        "lower",
        (2021, "8.4"),
        (2030, "5.0"),
        ["9.6", "9.4", "9.1", "8.9", "8.7", "8.6", "8.4", "8.3", "8.0", "7.6", "7.3"],
        "Wohnungsunternehmen, Zensus (Beispielwerte)",
    ),
    (
        "K-U3",
        "soziale-infrastruktur",
        "Betreuungsquote der unter Dreijährigen",
        "%",
        1,
        "higher",
        (2021, "58.0"),
        (2030, "65.0"),
        ["52.1", "53.4", "54.0", "55.2", "56.3", "57.1", "58.0", "58.6", "59.9", "60.8", "61.5"],
        "Landkreis Ludwigslust-Parchim (Beispielwerte)",
    ),
    (
        "K-ABSCHLUSS",
        "bildung-und-wissenschaft",
        "Schulabgänge ohne Berufsreife",
        "%",
        1,
        "lower",
        (2021, "9.5"),
        (2030, "6.0"),
        ["8.8", "9.0", "9.4", "9.9", "10.2", "9.8", "9.5", "9.7", "9.9", "10.1", "10.4"],
        "Schulstatistik (Beispielwerte)",
    ),
    (
        "K-SVB",
        "wirtschaft-und-beschaeftigung",
        "Sozialversicherungspflichtig Beschäftigte am Arbeitsort",
        "Beschäftigte",
        0,
        "higher",
        (2021, "3950"),
        (2030, "4200"),
        ["3820", "3850", "3880", "3905", "3930", "3890", "3950", "3985", "4010", "4040", "4065"],
        "Bundesagentur für Arbeit (Beispielwerte)",
    ),
    (
        "K-RAD",
        "verkehr",
        "Anteil des Radverkehrs an den Wegen",
        "%",
        0,
        "higher",
        (2021, "12"),
        (2030, "20"),
        ["11", "11", "11", "12", "12", "13", "12", "13", "13", "14", "15"],
        "Haushaltsbefragung (Beispielwerte)",
    ),
    (
        "K-UEBERN",
        "kultur-freizeit-und-tourismus",
        "Übernachtungen im Jahr",
        "Übernachtungen",
        0,
        "higher",
        (2021, "38000"),
        (2030, "55000"),
        [
            "41200",
            "42800",
            "43900",
            "45100",
            "46300",
            "29800",
            "38000",
            "43500",
            "46900",
            "48800",
            "50100",
        ],
        "Statistisches Amt M-V (Beispielwerte)",
    ),
    (
        "K-ONLINE",
        "verwaltung",
        "Online verfügbare Verwaltungsleistungen",
        "Leistungen",
        0,
        "higher",
        (2021, "12"),
        (2030, "60"),
        ["2", "3", "4", "5", "7", "9", "12", "16", "21", "27", "31"],
        "Stadtverwaltung (Beispielwerte)",
    ),
]

# code, measure, name, unit, decimals, baseline, target, [(date, value)]
RESULTS = [
    (
        "E-STS2-FLAECHE",
        "STS-2",
        "Entsiegelte Fläche am Marktplatz",
        "m²",
        0,
        (2024, "0"),
        (2027, "1800"),
        [(D(2025, 12, 31), "250"), (D(2026, 9, 30), "520")],
    ),
    (
        "E-WOH1-BERATUNG",
        "WOH-1",
        "Erstberatungen (seit Beginn)",
        "Beratungen",
        0,
        (2023, "0"),
        (2027, "120"),
        [(D(2024, 12, 31), "24"), (D(2025, 12, 31), "61"), (D(2026, 9, 30), "83")],
    ),
    (
        "E-SOZ1-BESUCHE",
        "SOZ-1",
        "Besuche im Jugendtreff je Woche",
        "Besuche",
        0,
        (2024, "0"),
        (2026, "150"),
        [(D(2025, 12, 31), "45"), (D(2026, 9, 30), "70")],
    ),
    (
        "E-BIL1-WLAN",
        "BIL-1",
        "Klassenräume mit WLAN",
        "%",
        0,
        (2023, "20"),
        (2026, "100"),
        [
            (D(2023, 12, 31), "35"),
            (D(2024, 12, 31), "58"),
            (D(2025, 12, 31), "79"),
            (D(2026, 9, 30), "88"),
        ],
    ),
    (
        "E-VER1-KM",
        "VER-1",
        "Fertiggestellter Radweg",
        "km",
        1,
        (2024, "0"),
        (2026, "3.2"),
        [(D(2025, 12, 31), "1.1"), (D(2026, 9, 30), "2.0")],
    ),
    (
        "E-KUL2-TERMINE",
        "KUL-2",
        "Veranstaltungen im gemeinsamen Kalender je Jahr",
        "Veranstaltungen",
        0,
        (2023, "0"),
        (2024, "150"),
        [(D(2023, 12, 31), "96"), (D(2024, 12, 31), "171"), (D(2025, 12, 31), "188")],
    ),
    (
        "E-VWT1-PRODUKTE",
        "VWT-1",
        "Maßnahmen mit Zuordnung zu einem Haushaltsprodukt",
        "%",
        0,
        (2022, "0"),
        (2026, "100"),
        [(D(2023, 12, 31), "15"), (D(2024, 12, 31), "30"), (D(2025, 12, 31), "40")],
    ),
]


def _expected(measure: Measure, on: datetime.date) -> float:
    if not measure.start or not measure.end or on <= measure.start:
        return 0.0
    return min(1.0, (on - measure.start).days / max(1, (measure.end - measure.start).days))


# The most progress a measure reports while it still has this status.
CAPS = {"planned": 40, "preparation": 60, "implementation": 95}


def _progress(measure: Measure, on: datetime.date) -> int:
    if measure.status == Measure.Status.COMPLETED:
        return 100
    if measure.status not in CAPS:
        return 0
    value = round(_expected(measure, on) * 100) + OFFSETS.get(measure.code, 4)
    return max(0, min(CAPS[measure.status], value))


def _report_dates(measure: Measure) -> list[datetime.date]:
    last = LATE.get(measure.code, REPORTED_UNTIL)
    if measure.status == Measure.Status.COMPLETED and measure.end:
        last = min(last, measure.end)
    first = measure.start or D(2023, 1, 1)
    dates, day = [], last
    while day >= first and len(dates) < 6:
        dates.append(day)
        day -= datetime.timedelta(days=182)
    return sorted(dates)


def _history(measure: Measure) -> list[tuple[datetime.date, int, str]]:
    reports = []
    dates = _report_dates(measure)
    final = _progress(measure, dates[-1]) if dates else 0
    for index, day in enumerate(dates):
        share = (index + 1) / len(dates)
        progress = final if index == len(dates) - 1 else round(final * share * 0.9)
        if measure.status == Measure.Status.COMPLETED and index < len(dates) - 1:
            state = "implementation"
        elif measure.status == Measure.Status.IMPLEMENTATION and progress < 10:
            state = "preparation"
        else:
            state = measure.status
        reports.append((day, progress, state))
    return reports


def _note(measure: Measure, state: str, day: datetime.date) -> str:
    if OFFSETS.get(measure.code, 0) < 0 and state == "implementation" and day.year >= 2026:
        return BEHIND
    return NOTES.get(state, "")


def _implementation(measure: Measure, units) -> int:
    if measure.status in (Measure.Status.IDEA,) or not measure.start:
        return 0
    history = _history(measure)
    implementation, _ = MeasureImplementation.objects.update_or_create(
        measure=measure,
        defaults={
            "progress": history[-1][1] if history else 0,
            "last_update_on": history[-1][0] if history else None,
            "responsible_unit": measure.lead_unit,
            "contact": "Sachgebiet Stadtentwicklung"
            if measure.lead_unit == units.get("FB III")
            else "",
            "update_interval_days": 90,
            "is_sample": True,
        },
    )
    for day, progress, state in history:
        ProgressUpdate.objects.update_or_create(
            measure=measure,
            date=day,
            defaults={
                "progress": progress,
                "status": state,
                "note": _note(measure, state, day),
                "author_label": "Beispiel-Fachbereich",
                "source": ProgressUpdate.Source.FORM,
                "is_sample": True,
            },
        )
    ProgressUpdate.objects.filter(measure=measure, is_sample=True).exclude(
        date__in=[d for d, _p, _s in history]
    ).delete()
    if measure.end and measure.status != Measure.Status.DROPPED:
        span = (measure.end - measure.start).days
        done = implementation.progress / 100
        for order, title in enumerate(MILESTONES, start=1):
            share = order / len(MILESTONES)
            due = measure.start + datetime.timedelta(days=round(span * share))
            reached_by_progress = measure.status == Measure.Status.COMPLETED or share <= done + 0.1
            ImplementationMilestone.objects.update_or_create(
                measure=measure,
                order=order,
                defaults={
                    "title": title,
                    "due_on": due,
                    "reached_on": min(due, REPORTED_UNTIL)
                    if reached_by_progress and due <= REPORTED_UNTIL
                    else None,
                    "is_sample": True,
                },
            )
    return len(history)


def _indicators(edition: Edition, measures: dict[str, Measure]) -> int:
    fields = {f.slug: f for f in ActionField.objects.all()}
    count = 0
    for order, (
        code,
        field,
        name,
        unit,
        decimals,
        direction,
        baseline,
        target,
        series,
        source,
    ) in enumerate(CONTEXT, start=1):
        indicator, _ = Indicator.objects.update_or_create(
            edition=edition,
            code=code,
            defaults={
                "kind": Indicator.Kind.CONTEXT,
                "action_field": fields[field],
                "measure": None,
                "name": name,
                "unit": unit,
                "decimals": decimals,
                "direction": direction,
                "baseline_year": baseline[0],
                "baseline_value": Decimal(baseline[1]),
                "target_year": target[0],
                "target_value": Decimal(target[1]),
                "source": source,
                "order": order,
                "is_sample": True,
            },
        )
        for year, value in enumerate(series, start=2015):
            IndicatorValue.objects.update_or_create(
                indicator=indicator,
                date=D(year, 12, 31),
                defaults={"value": Decimal(value), "is_sample": True},
            )
        count += 1
    for order, (code, measure_code, name, unit, decimals, baseline, target, values) in enumerate(
        RESULTS, start=1
    ):
        measure = measures[measure_code]
        indicator, _ = Indicator.objects.update_or_create(
            edition=edition,
            code=code,
            defaults={
                "kind": Indicator.Kind.RESULT,
                "action_field": measure.action_field,
                "measure": measure,
                "name": name,
                "unit": unit,
                "decimals": decimals,
                "direction": Indicator.Direction.HIGHER,
                "baseline_year": baseline[0],
                "baseline_value": Decimal(baseline[1]),
                "target_year": target[0],
                "target_value": Decimal(target[1]),
                "source": "Fachbereich (Beispielwerte)",
                "order": order,
                "is_sample": True,
            },
        )
        for day, value in values:
            IndicatorValue.objects.update_or_create(
                indicator=indicator, date=day, defaults={"value": Decimal(value), "is_sample": True}
            )
        count += 1
    return count


def load() -> dict[str, int]:
    edition = Edition.objects.get(slug="isek-2022")
    units = {u.short_name: u for u in OrganisationalUnit.objects.all()}
    measures = {
        m.code: m
        for m in Measure.objects.filter(edition=edition).select_related("action_field", "lead_unit")
    }
    reports = sum(_implementation(m, units) for m in measures.values())
    indicators = _indicators(edition, measures)
    rollups_rebuild()  # the values above are written directly, past the services
    return {"progress_reports": reports, "indicators": indicators}
