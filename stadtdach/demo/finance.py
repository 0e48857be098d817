"""Demo part: sample budgets, budget products, funding programmes and the financing of
the sample measures. Everything is flagged as sample data; the product numbers follow
the pattern of a municipal product framework but are illustrative."""

import datetime
from decimal import Decimal

from stadtdach.finance.models import (
    Budget,
    BudgetLine,
    BudgetProduct,
    FundingProgramme,
    MeasureFunding,
)
from stadtdach.finance.money import CENT
from stadtdach.strategy.models import Measure

THIRD = Decimal("33.3333")
THIRDS = (THIRD, THIRD, Decimal("0"), Decimal("0"), Decimal("33.3334"))

# year: (status, adopted on)
BUDGETS = {
    2023: ("closed", datetime.date(2022, 12, 15)),
    2024: ("closed", datetime.date(2023, 12, 14)),
    2025: ("closed", datetime.date(2024, 12, 12)),
    2026: ("adopted", datetime.date(2025, 12, 11)),
    2027: ("planning", None),
    2028: ("planning", None),
    2029: ("planning", None),
    2030: ("planning", None),
}

# (number, name, level, parent number)
PRODUCTS = [
    ("1", "Zentrale Verwaltung", "area", None),
    ("11", "Innere Verwaltung", "group", "1"),
    ("11100", "Verwaltungssteuerung und -service", "product", "11"),
    ("2", "Schule und Kultur", "area", None),
    ("21", "Schulträgeraufgaben", "group", "2"),
    ("21100", "Grundschulen", "product", "21"),
    ("27", "Bibliotheken", "group", "2"),
    ("27200", "Stadtbibliothek", "product", "27"),
    ("3", "Soziales und Jugend", "area", None),
    ("36", "Kinder-, Jugend- und Familienhilfe", "group", "3"),
    ("36600", "Einrichtungen der Jugendarbeit", "product", "36"),
    ("5", "Gestaltung der Umwelt", "area", None),
    ("51", "Räumliche Planung und Entwicklung, Geoinformationen", "group", "5"),
    ("51100", "Räumliche Planung und Entwicklung", "product", "51"),
    ("52", "Bauen und Wohnen", "group", "5"),
    ("52100", "Wohnungsbauförderung und Wohnraumversorgung", "product", "52"),
    ("54", "Verkehrsflächen und -anlagen, ÖPNV", "group", "5"),
    ("54100", "Gemeindestraßen und Radwege", "product", "54"),
    ("55", "Natur- und Landschaftspflege", "group", "5"),
    ("55100", "Öffentliches Grün und Plätze", "product", "55"),
    ("57", "Wirtschaft und Tourismus", "group", "5"),
    ("57100", "Wirtschaftsförderung", "product", "57"),
    ("57500", "Tourismus", "product", "57"),
]

# slug, name, kind, funder, shares (federation, state, EU, other, town), description
PROGRAMMES = [
    (
        "lebendige-zentren",
        "Lebendige Zentren",
        "urban",
        "Bund und Land (Städtebauförderung)",
        THIRDS,
        "Erhalt und Entwicklung der Orts- und Stadtkerne.",
    ),
    (
        "sozialer-zusammenhalt",
        "Sozialer Zusammenhalt",
        "urban",
        "Bund und Land (Städtebauförderung)",
        THIRDS,
        "Zusammenleben im Quartier gestalten.",
    ),
    (
        "wachstum-und-nachhaltige-erneuerung",
        "Wachstum und nachhaltige Erneuerung",
        "urban",
        "Bund und Land (Städtebauförderung)",
        THIRDS,
        "Lebenswerte Quartiere gestalten, Klimaschutz und -anpassung.",
    ),
    (
        "landesfoerderung",
        "Landesförderprogramm (Beispiel)",
        "state",
        "Land Mecklenburg-Vorpommern",
        (Decimal("0"), Decimal("50"), Decimal("0"), Decimal("0"), Decimal("50")),
        "Beispiel für eine Förderung allein durch das Land.",
    ),
    (
        "efre",
        "EFRE – Europäischer Fonds für regionale Entwicklung (Beispiel)",
        "eu",
        "Europäische Union und Land",
        (Decimal("0"), Decimal("10"), Decimal("75"), Decimal("0"), Decimal("15")),
        "Beispiel für eine Förderung aus den EU-Strukturfonds.",
    ),
    (
        "sonstige",
        "Sonstige Förderung (Stiftungen, Dritte)",
        "other",
        "Stiftungen, Unternehmen, Dritte",
        (Decimal("0"), Decimal("0"), Decimal("0"), Decimal("50"), Decimal("50")),
        "Zuschüsse von Stiftungen, Unternehmen oder anderen Dritten.",
    ),
]

# measure code: (programme slug or None, product number, own shares or None)
FUNDING = {
    "STS-1": ("lebendige-zentren", "51100", None),
    "STS-2": ("wachstum-und-nachhaltige-erneuerung", "55100", None),
    "STS-3": ("lebendige-zentren", "51100", None),
    "WOH-1": ("landesfoerderung", "52100", None),
    "WOH-2": (
        "sozialer-zusammenhalt",
        "52100",
        (Decimal("30"), Decimal("30"), Decimal("0"), Decimal("20"), Decimal("20")),
    ),
    "SOZ-1": ("sozialer-zusammenhalt", "36600", None),
    "SOZ-2": ("sozialer-zusammenhalt", "55100", None),
    "BIL-1": ("landesfoerderung", "21100", None),
    "BIL-2": ("efre", "21100", None),
    "BIL-3": ("lebendige-zentren", "27200", None),
    "WIR-1": ("efre", "57100", None),
    "WIR-2": ("wachstum-und-nachhaltige-erneuerung", "57100", None),
    "WIR-3": (None, "57100", None),
    "VER-1": (
        "landesfoerderung",
        "54100",
        (Decimal("0"), Decimal("75"), Decimal("0"), Decimal("0"), Decimal("25")),
    ),
    "VER-2": ("sonstige", "54100", None),
    "KUL-1": ("lebendige-zentren", "57500", None),
    "KUL-2": (None, "57500", None),
    "KUL-3": ("efre", "57500", None),
    "VWT-1": (None, "11100", None),
    "VWT-2": (None, "11100", None),
}

# Share of the planned amount spent in a closed year, by the measure's status.
SPENT = {
    "completed": Decimal("1.00"),
    "implementation": Decimal("0.92"),
    "preparation": Decimal("0.55"),
    "planned": Decimal("0.30"),
    "idea": Decimal("0"),
    "dropped": Decimal("0"),
}


def _shares(values) -> dict:
    names = ("share_federation", "share_state", "share_eu", "share_other", "share_town")
    return dict(zip(names, values, strict=True))


def _spread(cost: Decimal, years: list[int]) -> dict[int, Decimal]:
    """The cost spread evenly over the years, exact to the cent (the rest in the last)."""
    each = (cost / len(years)).quantize(CENT)
    amounts = dict.fromkeys(years, each)
    amounts[years[-1]] += cost - each * len(years)
    return amounts


def load() -> dict[str, int]:
    budgets = {}
    for year, (state, adopted_on) in BUDGETS.items():
        budgets[year], _ = Budget.objects.update_or_create(
            year=year, defaults={"status": state, "adopted_on": adopted_on, "is_sample": True}
        )
    products = {}
    for number, name, level, parent in PRODUCTS:
        products[number], _ = BudgetProduct.objects.update_or_create(
            number=number,
            defaults={
                "name": name,
                "level": level,
                "parent": products.get(parent),
                "is_sample": True,
                "sample_note": "",
            },
        )
    programmes = {}
    for order, (slug, name, kind, funder, shares, description) in enumerate(PROGRAMMES, start=1):
        is_real = kind == "urban"  # the three programmes of the Städtebauförderung exist
        programmes[slug], _ = FundingProgramme.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "funder": funder,
                "description": description,
                "order": order,
                "is_sample": not is_real,
                "sample_note": "Anteile sind Beispieldaten." if is_real else "",
                **_shares(shares),
            },
        )
    lines = 0
    for measure in Measure.objects.filter(edition__slug="isek-2022", code__in=FUNDING):
        programme, product, own = FUNDING[measure.code]
        MeasureFunding.objects.update_or_create(
            measure=measure,
            defaults={
                "programme": programmes.get(programme),
                "product": products[product],
                "custom_shares": own is not None,
                "is_sample": True,
                **_shares(own or (Decimal("0"),) * 5),
            },
        )
        years = []
        if measure.estimated_cost and measure.start and measure.end:
            years = [y for y in range(measure.start.year, measure.end.year + 1) if y in budgets]
        amounts = _spread(measure.estimated_cost, years) if years else {}
        for year, planned in amounts.items():
            state = budgets[year].status
            approved = planned if state in ("adopted", "closed") else None
            spent = (planned * SPENT[measure.status]).quantize(CENT) if state == "closed" else None
            BudgetLine.objects.update_or_create(
                measure=measure,
                budget=budgets[year],
                defaults={
                    "planned": planned,
                    "approved": approved,
                    "spent": spent,
                    "is_sample": True,
                },
            )
            lines += 1
        BudgetLine.objects.filter(measure=measure, is_sample=True).exclude(
            budget__year__in=list(amounts)
        ).delete()
    return {"budget_lines": lines, "funding_programmes": len(programmes)}
