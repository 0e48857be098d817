"""Generated contracts, work packages and their deliverables. A package's contract is
bound to the package's phase, as the process app requires; open packages whose due
date has passed are late, as some always are."""

import datetime
from decimal import Decimal

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import Context
from stadtdach.process.models import Contract, Deliverable, WorkPackage

PACKAGE_TITLES = (
    "Bestandsanalyse",
    "Beteiligungskonzept",
    "Werkstattreihe",
    "Entwurf Handlungsfeld",
    "Maßnahmensteckbriefe",
    "Monitoringbericht",
    "Kosten- und Finanzierungsübersicht",
    "Fortschreibung",
)
DELIVERABLES = ("Bericht", "Präsentation", "Dokumentation", "Entwurf", "Datensatz")
OPEN = (WorkPackage.Status.PLANNED, WorkPackage.Status.IN_PROGRESS)


def generate(ctx: Context) -> None:
    n = ctx.volumes.work_packages
    if not n:
        return
    rng = ctx.rng("work packages")
    phases = [p for p in ctx.phases.values() if p.slug != "abstimmungen"] or list(
        ctx.phases.values()
    )
    contract_ids = ctx.writer.ids(Contract, max(1, n // 10))
    contracts, contract_phase = [], {}
    for number, pk in enumerate(contract_ids, start=1):
        phase = phases[number % len(phases)]
        start = phase.start or ctx.today - datetime.timedelta(days=900)
        contracts.append(
            (
                pk,
                phase.pk,
                f"Beratungsvertrag {number} (Skalierungsdaten)",
                f"SK-V-{number:04d}",
                f"Planungsbüro {number} (Beispiel)",
                Contract.Status.AWARDED,
                start,
                start,
                phase.end,
                Decimal(rng.randrange(20, 400) * 1000),
            )
        )
        contract_phase.setdefault(phase.pk, []).append(pk)
    ctx.writer.write(
        Contract,
        (
            "id",
            "phase_id",
            "title",
            "number",
            "contractor",
            "status",
            "awarded_on",
            "start",
            "end",
            "budget",
        ),
        contracts,
        total=len(contracts),
        label="contracts",
        edition_id=ctx.edition.pk,
        contact_id=None,
        specification_id=None,
        is_sample=True,
    )
    ids = ctx.writer.ids(WorkPackage, n)
    packages, deliverables = [], []
    for number, pk in enumerate(ids, start=1):
        phase = rng.choice(phases)
        start = (phase.start or ctx.today) + datetime.timedelta(days=rng.randrange(0, 600))
        due = start + datetime.timedelta(days=rng.randrange(30, 240))
        if due < ctx.today:
            status = rng.choices(
                [
                    WorkPackage.Status.ACCEPTED,
                    WorkPackage.Status.DELIVERED,
                    WorkPackage.Status.IN_PROGRESS,
                    WorkPackage.Status.REWORK,
                ],
                [80, 8, 8, 4],
            )[0]
        else:
            status = rng.choice(OPEN)
        accepted = (
            due + datetime.timedelta(days=14) if status == WorkPackage.Status.ACCEPTED else None
        )
        contract = (
            rng.choice(contract_phase[phase.pk])
            if phase.pk in contract_phase and rng.random() < 0.7
            else None
        )
        packages.append(
            (
                pk,
                phase.pk,
                contract,
                f"SK-AP {number}",
                f"{rng.choice(PACKAGE_TITLES)} {number}",
                rng.choice(WorkPackage.Kind.values),
                Decimal(rng.randrange(2, 80) * 1000),
                start,
                due,
                status,
                accepted,
                number,
            )
        )
        for order in range(1, rng.randint(1, 3) + 1):
            delivered = (
                due
                if status in (WorkPackage.Status.ACCEPTED, WorkPackage.Status.DELIVERED)
                else None
            )
            deliverables.append((pk, f"{rng.choice(DELIVERABLES)} {order}", due, delivered, order))
    ctx.writer.write(
        WorkPackage,
        (
            "id",
            "phase_id",
            "contract_id",
            "code",
            "title",
            "kind",
            "budget",
            "start",
            "due_date",
            "status",
            "accepted_on",
            "order",
        ),
        packages,
        total=n,
        label="work packages",
        edition_id=ctx.edition.pk,
        scope=texts.NOTE,
        is_sample=True,
    )
    deliverable_ids = ctx.writer.ids(Deliverable, len(deliverables))
    ctx.writer.write(
        Deliverable,
        ("id", "work_package_id", "title", "due_date", "delivered_on", "order"),
        ((i, *d) for i, d in zip(deliverable_ids, deliverables, strict=True)),
        total=len(deliverables),
        label="work packages: deliverables",
        is_sample=True,
    )
    ctx.work_packages = list(ids)
