"""Writes of the process that go beyond one form: building the tender specification from
the ISEK's data and requesting its documents. Each write is atomic and audited."""

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.process.models import (
    DraftStage,
    Milestone,
    Specification,
    SpecificationExport,
    SpecificationItem,
    SpecificationSection,
    WorkPackage,
)
from stadtdach.strategy.models import EditionActionField, EditionTheme

Source = SpecificationSection.Source


def _action_field_section(spec: Specification) -> tuple[str, str, list[dict]]:
    choices = (
        EditionActionField.objects.filter(edition=spec.edition, selected=True)
        .select_related("action_field")
        .order_by("action_field__order")
    )
    items = [
        {
            "text": _("Analysis, goals and measures for the action field “%(field)s”.")
            % {"field": choice.action_field.name}
            + (f" {choice.reason}" if choice.reason else ""),
            "unit": _("action field"),
            "quantity": 1,
        }
        for choice in choices
    ]
    return (
        _("Selected action fields"),
        _(
            "The ISEK works with a realistic number of action fields; each is worked out "
            "with goals, measures and its sub-concepts."
        ),
        items,
    )


def _theme_section(spec: Specification) -> tuple[str, str, list[dict]]:
    themes = (
        EditionTheme.objects.filter(edition=spec.edition, selected=True)
        .select_related("theme")
        .order_by("theme__order")
    )
    items = [
        {
            "text": _(
                "Check and anchor the cross-cutting theme “%(theme)s” in every action "
                "field and measure."
            )
            % {"theme": t.theme.name}
        }
        for t in themes
    ]
    return _("Cross-cutting themes"), "", items


def _participation_section(spec: Specification) -> tuple[str, str, list[dict]]:
    """The planned participation: one round per draft stage, the participation work
    packages, and whatever the participation app contributes (settings hook)."""
    items = [
        {
            "text": _(
                "Participation on the draft stage “%(stage)s”, aimed at the target "
                "groups, online and offline, with documentation of the input."
            )
            % {"stage": stage.name},
            "unit": _("round"),
            "quantity": 1,
        }
        for stage in DraftStage.objects.filter(edition=spec.edition).order_by("order")
    ]
    packages = WorkPackage.objects.filter(edition=spec.edition, kind=WorkPackage.Kind.PARTICIPATION)
    if spec.phase_id:
        packages = packages.filter(phase_id=spec.phase_id)
    items += [
        {"text": f"{p}: {p.scope}".strip(": "), "work_package": p}
        for p in packages.order_by("order", "pk")
    ]
    for path in getattr(settings, "STADTDACH_SPECIFICATION_PARTICIPATION", ()):
        items += import_string(path)(spec)
    return (
        _("Planned participation"),
        _(
            "Participation processes are adapted to the draft stages and phases and aimed at "
            "target groups; participation continues during implementation."
        ),
        items,
    )


def _deliverable_section(spec: Specification) -> tuple[str, str, list[dict]]:
    packages = WorkPackage.objects.filter(edition=spec.edition).exclude(
        kind=WorkPackage.Kind.PARTICIPATION
    )
    if spec.phase_id:
        packages = packages.filter(phase_id=spec.phase_id)
    items = []
    for package in packages.select_related("phase").prefetch_related("deliverables"):
        deliverables = "; ".join(d.title for d in package.deliverables.all())
        text = f"{package} ({package.phase.name})"
        if package.scope:
            text += f": {package.scope}"
        if deliverables:
            text += " " + _("Deliverables: %(list)s.") % {"list": deliverables}
        items.append(
            {"text": text, "work_package": package, "unit": _("work package"), "quantity": 1}
        )
    return (
        _("Work packages and deliverables"),
        _(
            "The contract is bound to the phases; the steering group accepts each work "
            "package before the next one builds on it."
        ),
        items,
    )


def _schedule_section(spec: Specification) -> tuple[str, str, list[dict]]:
    milestones = Milestone.objects.filter(edition=spec.edition).select_related("phase")
    if spec.phase_id:
        milestones = milestones.filter(phase_id=spec.phase_id)
    items = [
        {
            "text": f"{m.date:%d.%m.%Y}: {m.name}"
            + (" (" + _("important") + ")" if m.is_important else "")
        }
        for m in milestones.order_by("date")
    ]
    return _("Schedule and milestones"), "", items


BUILDERS = (
    (Source.ACTION_FIELDS, _action_field_section),
    (Source.THEMES, _theme_section),
    (Source.PARTICIPATION, _participation_section),
    (Source.DELIVERABLES, _deliverable_section),
    (Source.SCHEDULE, _schedule_section),
)


@transaction.atomic
def specification_build(*, actor, specification: Specification) -> int:
    """(Re)build the generated sections from the current data; sections written by hand
    stay as they are. Returns the number of positions generated."""
    spec = Specification.objects.select_for_update().get(pk=specification.pk)
    spec.sections.exclude(source=Source.MANUAL).delete()
    manual_count = spec.sections.count()
    total = 0
    for offset, (source, builder) in enumerate(BUILDERS, start=1):
        title, text, items = builder(spec)
        section = SpecificationSection.objects.create(
            specification=spec,
            title=title,
            text=text,
            source=source,
            order=manual_count + offset * 10,
        )
        SpecificationItem.objects.bulk_create(
            SpecificationItem(section=section, order=number, **item)
            for number, item in enumerate(items, start=1)
        )
        total += len(items)
    spec.save(update_fields=["modified"])
    audit.record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        instance=spec,
        changes={
            "sections": [
                None,
                ngettext(
                    "built from the ISEK data (%(n)d position)",
                    "built from the ISEK data (%(n)d positions)",
                    total,
                )
                % {"n": total},
            ]
        },
    )
    return total


def specification_export_request(*, actor, specification: Specification, fmt: str):
    """Queue the generation of a document; the task runs after the commit."""
    from stadtdach.process.tasks import generate_specification_export

    with transaction.atomic():
        export = SpecificationExport.objects.create(
            specification=specification, format=fmt, requested_by=actor
        )
        audit.record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            instance=export,
            label=f"{specification} ({fmt.upper()})",
        )
        transaction.on_commit(lambda: generate_specification_export.enqueue(export.pk))
    return export
