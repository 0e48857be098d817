"""Load the Boizenburg demo: the town's document (seed.py) and the flagged illustrative
additions (samples.py). Idempotent: every record is found by its natural key and updated."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from stadtdach.accounts.models import OrganisationalUnit, Role, RoleActivity, StructureLevel
from stadtdach.core import audit
from stadtdach.core.models import AuditEntry, Municipality, TextBlock
from stadtdach.demo import samples, seed
from stadtdach.demo.parts import PARTS
from stadtdach.demo.users import DEMO_USERS, UNITS
from stadtdach.process.models import DraftStage, Milestone, Phase, Task
from stadtdach.strategy.models import (
    ActionField,
    ActionFieldGroup,
    ActionFieldThemeRating,
    Concept,
    CrossCuttingTheme,
    Edition,
    EditionActionField,
    EditionTheme,
    EvaluationFinding,
    ExampleFinding,
    ExampleProcess,
    Expectation,
    FoundationElement,
    Goal,
    GuidingPrinciple,
    Measure,
    MeasureThemeRating,
    SwotEntry,
    Vision,
)


def is_loaded() -> bool:
    return Edition.objects.filter(slug=seed.NEW_EDITION["slug"]).exists()


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Load or refresh the whole demo in one transaction; returns counts for the log."""
    _municipality()
    _text_blocks()
    _structure()  # roles and their groups first: users and the register refer to them
    units = _units()
    _users(units)
    old, new = _editions()
    fields = _action_fields(new, units)
    themes = _themes(old, new)
    _foundation()
    concepts = _concepts(fields)
    _evaluation(old)
    _expectations(new)
    phases = _phases(new)
    _milestones(new, phases)
    _draft_stages(new, phases)
    _next_steps(new, phases)
    _examples()
    _vision(new)
    goals = _goals(new, fields)
    _swot(new, fields)
    _field_ratings(new, fields, themes)
    _measures(new, fields, themes, goals, concepts, units)
    counts = {
        "action_fields": ActionField.objects.count(),
        "themes": CrossCuttingTheme.objects.count(),
        "concepts": Concept.objects.count(),
        "measures": Measure.objects.count(),
    }
    for part in PARTS:
        counts.update(part())
    audit.record(
        actor=None,
        action=AuditEntry.Action.IMPORT,
        label="Boizenburg-Demo geladen",
        changes={key: [None, value] for key, value in counts.items()},
    )
    return counts


def _municipality() -> None:
    Municipality.objects.update_or_create(
        pk=1, defaults={**seed.MUNICIPALITY, **samples.MUNICIPALITY, "is_sample": True}
    )


def _text_blocks() -> None:
    blocks = {
        "action_fields_intro": seed.ACTION_FIELDS_INTRO,
        "themes_intro": seed.THEMES_INTRO,
        "concepts_intro": seed.CONCEPTS_INTRO,
        "expectations_intro": seed.EXPECTATIONS_INTRO,
        "phases_intro": seed.PHASES_INTRO,
        "examples_intro": seed.EXAMPLES_INTRO,
    }
    for key, text in blocks.items():
        TextBlock.objects.update_or_create(key=key, defaults={"text": text})


def _units() -> dict[str, OrganisationalUnit]:
    return {
        short: OrganisationalUnit.objects.update_or_create(
            name=name, defaults={"short_name": short, "is_sample": True}
        )[0]
        for name, short in UNITS
    }


def _users(units: dict[str, OrganisationalUnit]) -> None:
    user_model = get_user_model()
    for spec in DEMO_USERS:
        user, created = user_model.objects.update_or_create(
            username=spec["username"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "email": f"{spec['username']}@boizenburg.example",
                "unit": units.get(spec["unit"]) if spec["unit"] else None,
                "is_superuser": spec.get("superuser", False),
                "is_staff": spec.get("superuser", False),
                "is_active": True,
            },
        )
        if created or not user.has_usable_password():
            user.set_password(spec["password"])
            user.save(update_fields=["password"])
        if spec["role"]:
            user.groups.set([Group.objects.get_or_create(name=spec["role"])[0]])


def _editions() -> tuple[Edition, Edition]:
    old, _ = Edition.objects.update_or_create(
        slug=seed.OLD_EDITION["slug"], defaults={**seed.OLD_EDITION, "is_current": False}
    )
    Edition.objects.exclude(slug=seed.NEW_EDITION["slug"]).update(is_current=False)
    new, _ = Edition.objects.update_or_create(
        slug=seed.NEW_EDITION["slug"],
        defaults={
            **seed.NEW_EDITION,
            "predecessor": old,
            "is_current": True,
            "status": Edition.Status.ADOPTED,
            "adopted_on": samples.EDITION_ADOPTED_ON,
            "sample_note": samples.EDITION_SAMPLE_NOTE,
        },
    )
    return old, new


def _action_fields(new: Edition, units) -> dict[str, ActionField]:
    group_of = {}
    for order, (name, slugs) in enumerate(samples.GROUPS, start=1):
        group, _ = ActionFieldGroup.objects.update_or_create(
            name=name, defaults={"order": order, "is_sample": True}
        )
        group_of.update(dict.fromkeys(slugs, group))
    fields = {}
    for order, (slug, name) in enumerate(seed.ACTION_FIELDS, start=1):
        fields[slug], _ = ActionField.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "order": order,
                "group": group_of[slug],
                "lead_unit": units[samples.LEAD_UNITS[slug]],
                "description": seed.ADMINISTRATION_DESCRIPTION if slug == "verwaltung" else "",
            },
        )
        if slug == "verwaltung":
            selected, reason, is_sample = True, seed.ADMINISTRATION_REASON, False
        else:
            (selected, reason), is_sample = samples.SELECTION[slug], True
        EditionActionField.objects.update_or_create(
            edition=new,
            action_field=fields[slug],
            defaults={"selected": selected, "reason": reason, "is_sample": is_sample},
        )
    return fields


def _themes(old: Edition, new: Edition) -> list[CrossCuttingTheme]:
    themes = []
    for order, (slug, name, short) in enumerate(seed.THEMES, start=1):
        theme, _ = CrossCuttingTheme.objects.update_or_create(
            slug=slug, defaults={"name": name, "short_name": short, "order": order}
        )
        EditionTheme.objects.update_or_create(
            edition=new, theme=theme, defaults={"selected": True, "reason": seed.THEME_REASON}
        )
        themes.append(theme)
    return themes


def _foundation() -> None:
    for order, (slug, name, description) in enumerate(seed.FOUNDATION, start=1):
        FoundationElement.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )


def _concepts(fields) -> dict[str, Concept]:
    concepts = {}
    for order, (slug, name, year, note) in enumerate(seed.CONCEPTS, start=1):
        if slug == seed.OUTDATED_CONCEPT:
            status, status_note, sample_note = (None, None, True, None), seed.OUTDATED_NOTE, ""
        else:
            status = samples.CONCEPT_STATUS[slug]
            status_note, sample_note = "", samples.CONCEPT_SAMPLE_NOTE
        concept, _ = Concept.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "year": year,
                "note": note,
                "order": order,
                "status_note": status_note,
                "sample_note": sample_note,
                **dict(zip(Concept.STATUS_FIELDS, status, strict=True)),
            },
        )
        concept.action_fields.set([fields[s] for s in samples.CONCEPT_LINKS.get(slug, [])])
        concepts[slug] = concept
    return concepts


def _evaluation(old: Edition) -> None:
    for order, (criterion, text) in enumerate(seed.EVALUATION, start=1):
        EvaluationFinding.objects.update_or_create(
            edition=old, order=order, defaults={"criterion": criterion, "text": text}
        )


def _expectations(new: Edition) -> None:
    roles = {role.code: role for role in Role.objects.all()}
    for order, spec in enumerate(seed.EXPECTATIONS, start=1):
        expectation, _ = Expectation.objects.update_or_create(
            edition=new,
            order=order,
            defaults={
                "kind": spec["kind"],
                "text": spec["text"],
                "detail": spec["detail"],
                "answer": spec["answer"],
            },
        )
        expectation.answered_by.set([roles[code] for code in spec["roles"]])


def _structure() -> None:
    levels = []
    for order, (name, description) in enumerate(seed.LEVELS, start=1):
        level, _ = StructureLevel.objects.update_or_create(
            order=order, defaults={"name": name, "description": description}
        )
        levels.append(level)
    for code, spec in seed.ROLES.items():
        group, _ = Group.objects.get_or_create(name=code)
        role, _ = Role.objects.update_or_create(
            code=code,
            defaults={
                "name": spec["name"],
                "group": group,
                "level": levels[spec["level"]],
                "description": spec["description"],
                "composition": spec.get("composition", ""),
                "cadence": spec.get("cadence", ""),
                "cadence_initial_days": spec.get("cadence_initial_days"),
                "cadence_later_days": spec.get("cadence_later_days"),
            },
        )
        role.activities.all().delete()
        RoleActivity.objects.bulk_create(
            RoleActivity(role=role, text=text, order=order)
            for order, text in enumerate(spec["activities"], start=1)
        )


def _phases(new: Edition) -> dict[str, Phase]:
    phases = {}
    for order, spec in enumerate(seed.PHASES, start=1):
        start, end = samples.PHASE_DATES.get(spec["slug"], (spec.get("start"), spec.get("end")))
        dated_by_sample = spec["slug"] in samples.PHASE_DATES
        phases[spec["slug"]], _ = Phase.objects.update_or_create(
            edition=new,
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "order": order,
                "start": start,
                "end": end,
                "sample_note": "Termine sind Beispieldaten." if dated_by_sample else "",
            },
        )
    return phases


def _milestones(new: Edition, phases) -> None:
    def upsert(name, **values):
        Milestone.objects.update_or_create(edition=new, name=name, defaults=values)

    for spec in (seed.WTK_PRESENTATION, seed.COUNCIL_DECISION):
        upsert(
            spec["name"],
            phase=phases[spec["phase"]],
            date=spec["date"],
            time_of_day=spec.get("time_of_day"),
            place=spec.get("place", ""),
            description=spec["description"],
            is_completed=True,
        )
    for phase_slug, name in seed.IMPORTANT_MILESTONES:
        upsert(
            name,
            phase=phases[phase_slug],
            is_important=True,
            is_completed=True,
            date=samples.IMPORTANT_MILESTONE_DATES[name],
            sample_note="Datum ist ein Beispiel.",
        )
    today = timezone.localdate()
    for name, date in samples.IMPLEMENTATION_MILESTONES:
        upsert(
            name,
            phase=phases["umsetzung"],
            date=date,
            is_important=True,
            is_completed=date < today,
            is_sample=True,
        )


def _draft_stages(new: Edition, phases) -> None:
    """The document names "die unterschiedlichen Entwurfsstadien" as important milestones
    of the main process; their names follow the milestones, their state is a sample."""
    for order, (name, milestone_name) in enumerate(samples.DRAFT_STAGES, start=1):
        DraftStage.objects.update_or_create(
            edition=new,
            name=name,
            defaults={
                "phase": phases["hauptprozess"],
                "order": order,
                "status": DraftStage.Status.ADOPTED,
                "milestone": Milestone.objects.get(edition=new, name=milestone_name),
                "sample_note": "Der Status ist ein Beispiel.",
            },
        )


def _next_steps(new: Edition, phases) -> None:
    roles = {role.code: role for role in Role.objects.all()}
    for order, spec in enumerate(seed.NEXT_STEPS, start=1):
        Task.objects.update_or_create(
            edition=new,
            title=spec["title"],
            defaults={
                "phase": phases[spec["phase"]],
                "order": order,
                "due_date": spec.get("due_date"),
                "responsible_role": roles.get(spec.get("role")),
                "status": Task.Status.DONE,
                "sample_note": "Der Status „erledigt“ ist ein Beispiel.",
            },
        )


def _examples() -> None:
    for order, (name, official) in enumerate(seed.EXAMPLES, start=1):
        example, _ = ExampleProcess.objects.update_or_create(
            name=name,
            defaults={
                "official_name": official,
                "order": order,
                "description": "Als Beispiel für einen ISEK-Prozess herangezogen.",
            },
        )
        example.findings.all().delete()
        if name == "Sachsen":
            ExampleFinding.objects.create(
                example=example, aspect="participation", text=seed.SAXONY_FINDING
            )


def _vision(new: Edition) -> None:
    vision, _ = Vision.objects.update_or_create(
        edition=new,
        defaults={
            "title": samples.VISION["title"],
            "text": samples.VISION["text"],
            "is_sample": True,
        },
    )
    for order, (title, text) in enumerate(samples.VISION["principles"], start=1):
        GuidingPrinciple.objects.update_or_create(
            vision=vision, order=order, defaults={"title": title, "text": text, "is_sample": True}
        )


def _goals(new: Edition, fields) -> dict[str, list[Goal]]:
    goals = {}
    for slug, titles in samples.GOALS.items():
        goals[slug] = [
            Goal.objects.update_or_create(
                edition=new,
                action_field=fields[slug],
                order=order,
                defaults={"title": title, "is_sample": True},
            )[0]
            for order, title in enumerate(titles, start=1)
        ]
    return goals


def _swot(new: Edition, fields) -> None:
    kinds = [kind for kind, _ in SwotEntry.Kind.choices]
    for slug, texts in samples.SWOT.items():
        for kind, text in zip(kinds, texts, strict=True):
            SwotEntry.objects.update_or_create(
                edition=new,
                action_field=fields[slug],
                kind=kind,
                order=1,
                defaults={"text": text, "is_sample": True},
            )


def _justification(score: int, theme: CrossCuttingTheme, subject: str) -> str:
    return f"{subject}: {samples.SCORE_PHRASES[score]} zum Thema {theme.name}."


def _field_ratings(new: Edition, fields, themes) -> None:
    for slug, scores in samples.FIELD_RATINGS.items():
        for theme, score in zip(themes, scores, strict=True):
            ActionFieldThemeRating.objects.update_or_create(
                edition=new,
                action_field=fields[slug],
                theme=theme,
                defaults={
                    "score": score,
                    "is_sample": True,
                    "justification": _justification(score, theme, fields[slug].name),
                },
            )


def _measures(new: Edition, fields, themes, goals, concepts, units) -> None:
    for (
        slug,
        code,
        title,
        status,
        priority,
        unit,
        start,
        end,
        cost,
        goal_index,
        concept_slugs,
        place_name,
        place,
        ratings,
        description,
    ) in samples.MEASURES:
        measure, _ = Measure.objects.update_or_create(
            edition=new,
            code=code,
            defaults={
                "action_field": fields[slug],
                "title": title,
                "status": status,
                "priority": priority,
                "lead_unit": units[unit],
                "start": start,
                "end": end,
                "estimated_cost": Decimal(cost) if cost else None,
                "place_name": place_name,
                "place": place,
                "description": description,
                "is_sample": True,
            },
        )
        measure.goals.set([goals[slug][goal_index]])
        measure.concepts.set([concepts[s] for s in concept_slugs])
        for theme, score in zip(themes, ratings or (), strict=False):
            MeasureThemeRating.objects.update_or_create(
                measure=measure,
                theme=theme,
                defaults={
                    "score": score,
                    "is_sample": True,
                    "justification": _justification(score, theme, title),
                },
            )
