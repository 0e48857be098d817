"""The evaluation part of the participation demo: resource plans and actual entries for
the demo's participation processes (the idea collection of 2022 over its plan), and one
call of the innovation fund with three applications (approved, rejected, in review).

All of it is illustrative and flagged as sample data: the town's document names the fear
that participation could exceed the town's resources and asks for an overview, but gives
no numbers. Idempotent: records are found by natural keys and updated."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from stadtdach.participation.models import (
    FundApplication,
    FundCall,
    ParticipationProcess,
    ResourceEntry,
    ResourcePlan,
)

NOTE = "Beispieldaten: Plan- und Ist-Werte sind ausgedacht."
FUND_NOTE = "Beispieldaten: Aufruf, Budget und Anträge sind ausgedacht."

# process slug → (planned hours, planned costs, [(days ago, kind, what, hours, costs)])
PLANS = {
    "ideensammlung-isek-2022": (
        "80.0",
        "6000.00",
        [
            (420, "staff", "Vorbereitung und Bewerbung der Ideensammlung", "24.0", "0"),
            (400, "material", "Plakate, Postkarten und Anzeigen", "0", "1850.00"),
            (380, "staff", "Moderation und Beantwortung der Ideen", "46.5", "0"),
            (370, "external", "Auswertung durch das Planungsbüro", "12.0", "4900.00"),
        ],
    ),
    "ideen-innenstadt-und-elbufer": (
        "60.0",
        "3500.00",
        [
            (20, "staff", "Einrichtung und Start der Ideensammlung", "9.0", "0"),
            (5, "material", "Aushänge in Innenstadt und Hafen", "0", "420.00"),
        ],
    ),
}

CALL = {
    "slug": "innovationsfonds-beteiligung",
    "title": "Innovationsfonds Beteiligung: Ideen, die Boizenburg bewegen",
    "description": (
        "Der Innovationsfonds unterstützt Projekte von Bürgerinnen und Bürgern, Vereinen "
        "und Initiativen, die Menschen an der Entwicklung der Stadt beteiligen – zum "
        "Beispiel Stadtspaziergänge, Werkstätten mit Jugendlichen oder Nachbarschaftsfeste "
        "mit Ideenwand.\n\nBewerben können sich alle, die in Boizenburg wohnen oder aktiv "
        "sind. Die Koordination Beteiligung prüft die Anträge; die Steuerungsgruppe wird "
        "über die Entscheidungen informiert."
    ),
    "budget": Decimal("10000.00"),
    "max_amount": Decimal("2500.00"),
}

# (title, kind, organisation, contact, amount, status, granted, reason)
APPLICATIONS = [
    (
        "Jugend-Stadtspaziergang mit Fotowettbewerb",
        "association",
        "Jugendclub Boizenburg (Beispiel)",
        "Lena M.",
        "1800.00",
        "approved",
        "1500.00",
        "Erreicht Jugendliche, die sonst selten teilnehmen; Kosten für Preise gekürzt.",
    ),
    (
        "Neue Sitzgruppe für den Vereinsgarten",
        "association",
        "Gartenfreunde Elbtal (Beispiel)",
        "Herr K.",
        "2400.00",
        "rejected",
        None,
        "Eine Anschaffung für den Verein, aber kein Beteiligungsprojekt für die Stadt.",
    ),
    (
        "Erzählcafé: Wie soll der Hafen in 2035 aussehen?",
        "citizen",
        "",
        "Beispiel-Bürgerin",
        "900.00",
        "in_review",
        None,
        "",
    ),
]


def load() -> dict[str, int]:
    entries = 0
    today = timezone.localdate()
    for slug, (hours, costs, rows) in PLANS.items():
        process = ParticipationProcess.objects.filter(slug=slug).first()
        if process is None:
            continue
        ResourcePlan.objects.update_or_create(
            process=process,
            defaults={
                "planned_hours": Decimal(hours),
                "planned_costs": Decimal(costs),
                "note": "Plan laut Beteiligungskonzept (Beispiel).",
                "is_sample": True,
                "sample_note": NOTE,
            },
        )
        for days, kind, what, h, c in rows:
            ResourceEntry.objects.update_or_create(
                process=process,
                description=what,
                defaults={
                    "date": today - datetime.timedelta(days=days),
                    "kind": kind,
                    "hours": Decimal(h),
                    "costs": Decimal(c),
                    "is_sample": True,
                    "sample_note": NOTE,
                },
            )
            entries += 1
    now = timezone.now()
    call, _ = FundCall.objects.update_or_create(
        slug=CALL["slug"],
        defaults={
            **{k: v for k, v in CALL.items() if k != "slug"},
            "opens_at": now - datetime.timedelta(days=30),
            "closes_at": now + datetime.timedelta(days=60),
            "is_published": True,
            "is_sample": True,
            "sample_note": FUND_NOTE,
        },
    )
    applicant = get_user_model().objects.filter(username="buergerin").first()
    deciders = get_user_model().objects.filter(username="beteiligung").first()
    for title, kind, organisation, contact, amount, status, granted, reason in APPLICATIONS:
        FundApplication.objects.update_or_create(
            call=call,
            title=title,
            defaults={
                "applicant": applicant if kind == "citizen" else None,
                "applicant_kind": kind,
                "organisation": organisation,
                "contact_name": contact,
                "description": f"{title}. Ein Beispielantrag für die Demo.",
                "amount_requested": Decimal(amount),
                "status": status,
                "amount_granted": Decimal(granted) if granted else None,
                "decision_reason": reason,
                "decided_at": now - datetime.timedelta(days=10) if reason else None,
                "decided_by": deciders if reason else None,
                "is_sample": True,
                "sample_note": FUND_NOTE,
            },
        )
    return {
        "resource_plans": ResourcePlan.objects.count(),
        "resource_entries": entries,
        "fund_applications": len(APPLICATIONS),
    }
