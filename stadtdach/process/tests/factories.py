"""A process world on top of the strategy's: phases, milestones, draft stages, tasks,
contracts bound to phases, work packages with deliverables, a tender specification.
``add_process_data`` bulk-creates more for the query budgets."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from stadtdach.process.models import (
    Contract,
    Deliverable,
    DraftStage,
    Milestone,
    Phase,
    Specification,
    SpecificationItem,
    SpecificationSection,
    Task,
    WorkPackage,
)
from stadtdach.strategy.tests.factories import World, build_world

D = datetime.date


@dataclass
class ProcessWorld:
    strategy: World
    phases: list[Phase]
    milestones: list[Milestone]
    task: Task
    owned_task: Task
    internal_task: Task
    contract: Contract
    package: WorkPackage
    delivered_package: WorkPackage
    deliverable: Deliverable
    specification: Specification

    @property
    def edition(self):
        return self.strategy.edition


def build_process_world(*, measures: int = 3, owner=None, contractor=None) -> ProcessWorld:
    """``owner`` owns one task; ``contractor`` is the contract's account."""
    world = build_world(measures=measures)
    edition = world.edition
    today = timezone.localdate()
    phases = [
        Phase.objects.create(
            edition=edition,
            name="Vorprozess",
            slug="vorprozess",
            order=1,
            start=today - datetime.timedelta(days=400),
            end=today - datetime.timedelta(days=200),
        ),
        Phase.objects.create(
            edition=edition,
            name="Hauptprozess",
            slug="hauptprozess",
            order=2,
            start=today - datetime.timedelta(days=199),
            end=today + datetime.timedelta(days=200),
        ),
        Phase.objects.create(
            edition=edition,
            name="Umsetzung",
            slug="umsetzung",
            order=3,
            start=today + datetime.timedelta(days=201),
        ),
    ]
    milestones = [
        Milestone.objects.create(
            edition=edition,
            phase=phases[0],
            name="Vergabe",
            kind="award",
            is_important=True,
            date=today - datetime.timedelta(days=250),
            is_completed=True,
        ),
        Milestone.objects.create(
            edition=edition,
            phase=phases[1],
            name="Leitbild",
            kind="vision",
            is_important=True,
            date=today - datetime.timedelta(days=3),
        ),
        Milestone.objects.create(
            edition=edition,
            phase=phases[1],
            name="Entwurf",
            kind="draft",
            date=today + datetime.timedelta(days=10),
        ),
    ]
    DraftStage.objects.create(
        edition=edition, phase=phases[1], milestone=milestones[2], name="Entwurf", order=1
    )
    task = Task.objects.create(
        edition=edition,
        phase=phases[1],
        title="Öffentliche Aufgabe",
        due_date=today - datetime.timedelta(days=2),
    )
    owned = Task.objects.create(
        edition=edition,
        phase=phases[1],
        title="Aufgabe mit Person",
        owner=owner,
        due_date=today + datetime.timedelta(days=5),
    )
    internal = Task.objects.create(
        edition=edition,
        phase=phases[1],
        title="Interne Aufgabe",
        is_public=False,
        due_date=today + datetime.timedelta(days=50),
    )
    contract = Contract.objects.create(
        edition=edition,
        phase=phases[1],
        title="Beratungsvertrag",
        contractor="Büro",
        contact=contractor,
        budget=Decimal("50000"),
        status="awarded",
        awarded_on=today,
    )
    package = WorkPackage.objects.create(
        edition=edition,
        phase=phases[1],
        contract=contract,
        code="AP 1",
        title="Analyse",
        budget=Decimal("10000"),
        start=today - datetime.timedelta(days=60),
        due_date=today - datetime.timedelta(days=1),
        status="in_progress",
    )
    delivered = WorkPackage.objects.create(
        edition=edition,
        phase=phases[1],
        contract=contract,
        code="AP 2",
        title="Leitbild",
        kind="drafting",
        budget=Decimal("5000"),
        start=today - datetime.timedelta(days=30),
        due_date=today + datetime.timedelta(days=7),
        status="delivered",
    )
    deliverable = Deliverable.objects.create(
        work_package=package, title="Analysebericht", due_date=today + datetime.timedelta(days=3)
    )
    spec = Specification.objects.create(edition=edition, phase=phases[1], title="LV Hauptprozess")
    section = SpecificationSection.objects.create(specification=spec, title="Allgemeines", order=1)
    SpecificationItem.objects.create(section=section, text="Prozessbegleitung", order=1)
    return ProcessWorld(
        world,
        phases,
        milestones,
        task,
        owned,
        internal,
        contract,
        package,
        delivered,
        deliverable,
        spec,
    )


def add_process_data(world: ProcessWorld, count: int) -> None:
    """``count`` more tasks, milestones and work packages with a deliverable each."""
    today = timezone.localdate()
    edition, phase = world.edition, world.phases[1]
    Task.objects.bulk_create(
        Task(
            edition=edition,
            phase=phase,
            title=f"Aufgabe {n}",
            is_public=n % 3 != 0,
            due_date=today + datetime.timedelta(days=n % 60 - 30),
        )
        for n in range(count)
    )
    Milestone.objects.bulk_create(
        Milestone(
            edition=edition,
            phase=phase,
            name=f"Meilenstein {n}",
            date=today + datetime.timedelta(days=n % 90 - 45),
        )
        for n in range(count)
    )
    packages = WorkPackage.objects.bulk_create(
        WorkPackage(
            edition=edition,
            phase=phase,
            contract=world.contract,
            code=f"X{n}",
            title=f"Paket {n}",
            start=today - datetime.timedelta(days=90),
            due_date=today + datetime.timedelta(days=n % 60 - 30),
        )
        for n in range(count)
    )
    Deliverable.objects.bulk_create(
        Deliverable(
            work_package=p,
            title=f"Leistung {n}",
            due_date=today + datetime.timedelta(days=n % 40 - 20),
        )
        for n, p in enumerate(packages)
    )
    section = world.specification.sections.first()
    SpecificationItem.objects.bulk_create(
        SpecificationItem(section=section, text=f"Position {n}", order=n) for n in range(count)
    )
