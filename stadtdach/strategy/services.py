"""Writes of the strategy that are more than saving one form (see core.services.save_form)."""

from django.db import transaction

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.strategy.models import (
    ActionField,
    ActionFieldThemeRating,
    Edition,
    EditionActionField,
    Measure,
    MeasureThemeRating,
)


def _save_ratings(*, actor, existing: dict, values: dict, create) -> int:
    """Create, change or remove ratings so they match ``values``; audit each change."""
    changed = 0
    for theme_id, (score, justification) in values.items():
        rating = existing.get(theme_id)
        if score is None:
            if rating is not None:
                audit.record(
                    actor=actor,
                    action=AuditEntry.Action.DELETE,
                    instance=rating,
                    changes={"score": [rating.score, None]},
                )
                rating.delete()
                changed += 1
            continue
        if rating is None:
            rating = create(theme_id=theme_id, score=score, justification=justification)
            audit.record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                instance=rating,
                changes={"score": [None, score], "justification": [None, justification]},
            )
            changed += 1
        elif (rating.score, rating.justification) != (score, justification):
            before = audit.snapshot(rating)
            rating.score, rating.justification, rating.is_sample = score, justification, False
            rating.save()
            audit.record(
                actor=actor,
                action=AuditEntry.Action.UPDATE,
                instance=rating,
                changes=audit.diff(before, audit.snapshot(rating)),
            )
            changed += 1
    return changed


@transaction.atomic
def action_field_rate(
    *, actor, edition: Edition, action_field: ActionField, values: dict[int, tuple[int | None, str]]
) -> int:
    """Set an action field's ratings against the themes for an edition. Returns the number
    of ratings that changed."""
    existing = {
        r.theme_id: r
        for r in ActionFieldThemeRating.objects.select_for_update().filter(
            edition=edition, action_field=action_field
        )
    }
    return _save_ratings(
        actor=actor,
        existing=existing,
        values=values,
        create=lambda **kw: ActionFieldThemeRating.objects.create(
            edition=edition, action_field=action_field, **kw
        ),
    )


@transaction.atomic
def measure_rate(*, actor, measure: Measure, values: dict[int, tuple[int | None, str]]) -> int:
    existing = {
        r.theme_id: r
        for r in MeasureThemeRating.objects.select_for_update().filter(measure=measure)
    }
    return _save_ratings(
        actor=actor,
        existing=existing,
        values=values,
        create=lambda **kw: MeasureThemeRating.objects.create(measure=measure, **kw),
    )


def selection_for(*, edition: Edition, action_field: ActionField) -> EditionActionField:
    """The edition's choice for an action field, unsaved when there is none yet."""
    choice = EditionActionField.objects.filter(edition=edition, action_field=action_field).first()
    return choice or EditionActionField(edition=edition, action_field=action_field)
