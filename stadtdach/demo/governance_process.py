"""The process side of the governance demo part: contracts bound to phases, work packages
with deliverables (accepted in steering group meetings), the tender specification, and
the owners, due dates and links of the next steps. Data: governance_samples.py."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from stadtdach.accounts.models import Role
from stadtdach.demo import governance_samples as S
from stadtdach.demo import seed
from stadtdach.governance.models import TaskLink
from stadtdach.process import services as process_services
from stadtdach.process.models import Contract, Deliverable, Specification, Task, WorkPackage
from stadtdach.strategy.models import Measure


def _day(value, today: datetime.date):
    """A date, or "today±n" relative to the day the demo is loaded."""
    if isinstance(value, str) and value.startswith("today"):
        return today + datetime.timedelta(days=int(value[5:] or 0))
    return value


def contracts_and_packages(edition, phases, steering, today, *, add_item) -> list[WorkPackage]:
    consultant = get_user_model().objects.filter(username="beratung").first()
    contracts = []
    for title, phase, status, awarded, start, end, budget in S.CONTRACTS:
        contract, _ = Contract.objects.update_or_create(
            edition=edition,
            title=title,
            defaults={
                "phase": phases[phase],
                "status": status,
                "awarded_on": awarded,
                "start": start,
                "end": end,
                "budget": Decimal(budget),
                "contractor": S.CONTRACTOR,
                "contact": consultant,
                "is_sample": True,
            },
        )
        contracts.append(contract)
    packages = []
    for order, (
        code,
        title,
        phase,
        contract,
        kind,
        start,
        due,
        budget,
        status,
        scope,
        deliverables,
    ) in enumerate(S.WORK_PACKAGES):
        due = _day(due, today)
        accepted = None
        if status == "accepted":
            # Accepted in the first meeting of the steering group after the due date.
            meeting = next((m for m in steering if m.start.date() >= due), steering[-1])
            accepted = meeting.start.date()
        package, _ = WorkPackage.objects.update_or_create(
            edition=edition,
            code=code,
            defaults={
                "title": title,
                "phase": phases[phase],
                "contract": contracts[contract] if contract is not None else None,
                "kind": kind,
                "start": start,
                "due_date": due,
                "budget": Decimal(budget) if budget else None,
                "status": status,
                "scope": scope,
                "order": order,
                "accepted_on": accepted,
                "acceptance_note": "Abgenommen." if accepted else "",
                "is_sample": True,
            },
        )
        for number, (name, deliverable_due, delivered) in enumerate(deliverables):
            Deliverable.objects.update_or_create(
                work_package=package,
                title=name,
                defaults={
                    "due_date": _day(deliverable_due, today),
                    "delivered_on": _day(delivered, today),
                    "order": number,
                    "is_sample": True,
                },
            )
        if accepted:
            meeting = next(m for m in steering if m.start.date() == accepted)
            add_item(
                meeting,
                10 + order,
                str(10 + order),
                f"Abnahme: {package}",
                public=False,
                is_sample=True,
                work_package=package,
                result="abgenommen",
            )
        packages.append(package)
    return packages


def specification(edition, phases) -> None:
    spec, _ = Specification.objects.update_or_create(
        edition=edition,
        title=S.SPECIFICATION["title"],
        defaults={
            "phase": phases[S.SPECIFICATION["phase"]],
            "status": S.SPECIFICATION["status"],
            "introduction": S.SPECIFICATION["introduction"],
            "is_sample": True,
        },
    )
    if not spec.sections.exists():  # built once; later loads keep its sections (and ids)
        process_services.specification_build(actor=None, specification=spec)
    Contract.objects.filter(edition=edition, phase=phases["hauptprozess"]).update(
        specification=spec
    )


def _link(task, **target) -> None:
    TaskLink.objects.get_or_create(
        task=task, **{k: target.get(k) for k in ("body", "meeting", "decision")}
    )


def tasks(edition, bodies, meetings, papers, today) -> None:
    roles = {role.code: role for role in Role.objects.all()}
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["koordination", "beteiligung"])
    }
    steps = list(
        Task.objects.filter(edition=edition, title__in=[s["title"] for s in seed.NEXT_STEPS])
    )
    by_title = {t.title: t for t in steps}
    for position, step in enumerate(seed.NEXT_STEPS, start=1):
        task = by_title.get(step["title"])
        if task is None:
            continue
        details = S.NEXT_STEP_DETAILS[position]
        task.responsible_role = task.responsible_role or roles.get(details["role"])
        task.owner = users.get("koordination")
        task.due_date = details["due"]
        task.completed_on = details["due"]
        task.sample_note = S.NEXT_STEP_NOTE
        task.save()
        if details["body"]:
            _link(task, body=bodies[details["body"]])
        if details["meeting"]:
            _link(task, meeting=meetings[details["meeting"]])
        if position in (3, 4):
            _link(task, decision=papers["decision"])
        if position == 2:
            for slug in S.REPORT_COMMITTEES:
                _link(task, meeting=meetings[slug])
    phase = edition.phases.filter(slug="umsetzung").first()
    for order, (title, days, status, owner, public, body, measure) in enumerate(
        S.CURRENT_TASKS, start=10
    ):
        task, _ = Task.objects.update_or_create(
            edition=edition,
            title=title,
            defaults={
                "due_date": today + datetime.timedelta(days=days),
                "status": status,
                "owner": users.get(owner),
                "is_public": public,
                "phase": phase,
                "order": order,
                "is_sample": True,
                "responsible_role": roles.get("coordination_admin"),
            },
        )
        if body:
            _link(task, body=bodies[body])
        if measure:
            task.measures.set(Measure.objects.filter(edition=edition, code=measure))
