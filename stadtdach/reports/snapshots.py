"""Freezing an edition into a snapshot (JSON) when a revision is published. A snapshot
holds what the ISEK says: vision, action fields with the reasons of their selection,
cross-cutting themes and ratings, goals, measures and the indicators' targets. Items are
keyed by natural keys (slugs, measure numbers, indicator codes) so that two snapshots,
even of different editions, can be compared item by item."""

from django.db.models import Prefetch

from stadtdach.monitoring.models import Indicator
from stadtdach.strategy.models import (
    ActionFieldThemeRating,
    Edition,
    EditionActionField,
    EditionTheme,
    Goal,
    Measure,
    MeasureThemeRating,
    Vision,
)

SCHEMA = 1


def _str(value) -> str:
    return "" if value is None else str(value)


def _number(value) -> str:
    """An exact number without trailing zeros and never in exponent form ("20", "8.4")."""
    return "" if value is None else format(value.normalize(), "f")


def _measure_key(measure: Measure) -> str:
    return measure.code or f"m-{measure.pk}"


def snapshot(edition: Edition) -> dict:
    """The content of the edition as plain JSON data (9 queries)."""
    vision = Vision.objects.filter(edition=edition).prefetch_related("principles").first()
    goals = list(Goal.objects.filter(edition=edition).select_related("action_field"))
    goal_keys = {g.pk: f"ziel-{g.pk}" for g in goals}
    measures = list(
        Measure.objects.filter(edition=edition)
        .select_related("action_field", "lead_unit")
        .prefetch_related(
            "goals",
            Prefetch("theme_ratings", queryset=MeasureThemeRating.objects.select_related("theme")),
        )
    )
    measure_keys = {m.pk: _measure_key(m) for m in measures}
    return {
        "schema": SCHEMA,
        "edition": {
            "slug": edition.slug,
            "name": edition.name,
            "period": f"{edition.period_start or ''}–{edition.period_end or ''}",
            "summary": edition.summary,
        },
        "vision": {
            "title": vision.title,
            "text": vision.text,
            "principles": [{"title": p.title, "text": p.text} for p in vision.principles.all()],
        }
        if vision
        else None,
        "action_fields": [
            {
                "key": c.action_field.slug,
                "label": c.action_field.name,
                "selected": c.selected,
                "reason": c.reason,
            }
            for c in EditionActionField.objects.filter(edition=edition).select_related(
                "action_field"
            )
        ],
        "themes": [
            {"key": c.theme.slug, "label": c.theme.name, "selected": c.selected, "reason": c.reason}
            for c in EditionTheme.objects.filter(edition=edition).select_related("theme")
        ],
        "ratings": [
            {
                "key": f"{r.action_field.slug}|{r.theme.slug}",
                "label": f"{r.action_field.name} × {r.theme.name}",
                "score": r.score,
                "justification": r.justification,
            }
            for r in ActionFieldThemeRating.objects.filter(edition=edition).select_related(
                "action_field", "theme"
            )
        ],
        "goals": [
            {
                "key": goal_keys[g.pk],
                "label": g.title,
                "action_field": g.action_field.name,
                "title": g.title,
                "description": g.description,
            }
            for g in goals
        ],
        "measures": [
            {
                "key": measure_keys[m.pk],
                "label": f"{m.code} {m.title}".strip(),
                "title": m.title,
                "description": m.description,
                "action_field": m.action_field.name,
                "status": m.status,
                "priority": m.priority,
                "lead_unit": m.lead_unit.name if m.lead_unit else "",
                "start": _str(m.start),
                "end": _str(m.end),
                "estimated_cost": _str(m.estimated_cost),
                "goals": sorted(g.title for g in m.goals.all()),
                "ratings": {r.theme.slug: r.score for r in m.theme_ratings.all()},
            }
            for m in measures
        ],
        "indicators": [
            {
                "key": i.code,
                "label": i.name,
                "kind": i.kind,
                "subject": measure_keys.get(i.measure_id, "")
                if i.measure_id
                else (i.action_field.name if i.action_field else ""),
                "unit": i.unit,
                "baseline": _number(i.baseline_value),
                "baseline_year": _str(i.baseline_year),
                "target": _number(i.target_value),
                "target_year": _str(i.target_year),
                "direction": i.direction,
            }
            for i in Indicator.objects.filter(edition=edition).select_related("action_field")
        ],
    }
