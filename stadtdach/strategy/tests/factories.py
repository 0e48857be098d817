"""factory_boy factories for the strategy, and a small world to test pages against."""

from dataclasses import dataclass

import factory

from stadtdach.strategy.models import (
    ActionField,
    ActionFieldThemeRating,
    Concept,
    CrossCuttingTheme,
    Edition,
    EditionActionField,
    EditionTheme,
    EvaluationFinding,
    Expectation,
    FoundationElement,
    Goal,
    Measure,
    MeasureThemeRating,
    SwotEntry,
    Vision,
)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    name = factory.Sequence(lambda n: f"ISEK {2000 + n}")
    slug = factory.Sequence(lambda n: f"isek-{2000 + n}")
    status = Edition.Status.DRAFT


class ActionFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionField

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    order = factory.Sequence(lambda n: n)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrossCuttingTheme

    name = factory.Sequence(lambda n: f"Querschnittsthema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    order = factory.Sequence(lambda n: n)


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concept

    name = factory.Sequence(lambda n: f"Konzept {n}")
    slug = factory.Sequence(lambda n: f"konzept-{n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    title = factory.Sequence(lambda n: f"Ziel {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    code = factory.Sequence(lambda n: f"M-{n}")
    title = factory.Sequence(lambda n: f"Maßnahme {n}")


@dataclass
class World:
    """An edition with its predecessor, fields, themes, concepts, goals and measures."""

    edition: Edition
    fields: list[ActionField]
    themes: list[CrossCuttingTheme]
    concepts: list[Concept]
    goals: list[Goal]


def build_world(*, measures: int = 10, fields: int = 4, themes: int = 3) -> World:
    """Everything the public pages show, with ``measures`` measures spread over the fields.
    Bulk-created, so 1,000 measures take a moment, not minutes."""
    old = EditionFactory(
        name="ISEK 2002-2017", slug="isek-2002-2017", status=Edition.Status.ARCHIVED
    )
    edition = EditionFactory(
        name="ISEK 2022",
        slug="isek-2022",
        predecessor=old,
        is_current=True,
        status=Edition.Status.ADOPTED,
    )
    Vision.objects.create(edition=edition, title="Leitbild", text="Text")
    field_list = [ActionFieldFactory() for _ in range(fields)]
    theme_list = [ThemeFactory() for _ in range(themes)]
    EditionActionField.objects.bulk_create(
        EditionActionField(edition=edition, action_field=f, selected=True, reason="Grund")
        for f in field_list
    )
    EditionTheme.objects.bulk_create(
        EditionTheme(edition=edition, theme=t, selected=True) for t in theme_list
    )
    ActionFieldThemeRating.objects.bulk_create(
        ActionFieldThemeRating(
            edition=edition, action_field=f, theme=t, score=2, justification="Begründung"
        )
        for f in field_list
        for t in theme_list
    )
    concepts = [ConceptFactory() for _ in range(3)]
    for concept in concepts:
        concept.action_fields.set(field_list[:2])
    goals = [GoalFactory(edition=edition, action_field=f) for f in field_list]
    FoundationElement.objects.create(name="Monitoring", slug="monitoring")
    EvaluationFinding.objects.create(edition=old, criterion="process", text="Befund")
    expectation = Expectation.objects.create(
        edition=edition, kind="concern", text="Bedenken", answer="Antwort"
    )
    from stadtdach.accounts.models import Role

    expectation.answered_by.set(Role.objects.all()[:2])
    for f in field_list:
        SwotEntry.objects.create(edition=edition, action_field=f, kind="strength", text="Stärke")
    add_measures(edition, field_list, theme_list, goals, concepts, measures)
    return World(edition, field_list, theme_list, concepts, goals)


def add_measures(edition, fields, themes, goals, concepts, count: int) -> None:
    statuses = [value for value, _ in Measure.Status.choices]
    created = Measure.objects.bulk_create(
        Measure(
            edition=edition,
            action_field=fields[i % len(fields)],
            code=f"M-{i:04d}",
            title=f"Maßnahme {i} Radweg" if i % 7 == 0 else f"Maßnahme {i}",
            status=statuses[i % len(statuses)],
            priority="ABC"[i % 3],
        )
        for i in range(count)
    )
    MeasureThemeRating.objects.bulk_create(
        MeasureThemeRating(measure=m, theme=t, score=(i % 4))
        for i, m in enumerate(created)
        for t in themes
    )
    goal_links = Measure.goals.through
    goal_links.objects.bulk_create(
        goal_links(measure_id=m.pk, goal_id=goals[i % len(goals)].pk) for i, m in enumerate(created)
    )
    concept_links = Measure.concepts.through
    concept_links.objects.bulk_create(
        concept_links(measure_id=m.pk, concept_id=concepts[i % len(concepts)].pk)
        for i, m in enumerate(created)
    )
