"""Sections of the ISEK document that come from the strategy: the vision and the house,
the action fields with SWOT, goals and measures, the theme matrix, the concepts."""

from collections import defaultdict

from django.utils.translation import gettext as _

from stadtdach.reports.blocks import FIT, Bullets, Facts, Heading, Paragraph, Table
from stadtdach.reports.sections.context import ReportContext, de_date, euro, sample
from stadtdach.strategy import selectors as strategy_selectors
from stadtdach.strategy.models import (
    ActionField,
    Concept,
    EditionActionField,
    Goal,
    Measure,
    SwotEntry,
    Vision,
)
from stadtdach.strategy.models.ratings import RATING_SYMBOLS, RatingScore


def vision(ctx: ReportContext) -> list:
    edition = ctx.edition
    blocks: list = []
    if edition.summary:
        blocks.append(
            Paragraph(edition.summary, "lead", edition.is_sample and not edition.sample_note)
        )
    found = Vision.objects.filter(edition=edition).prefetch_related("principles").first()
    if found is not None:
        blocks += [
            Heading(_("Vision: %(title)s") % {"title": found.title}, 2, "leitbild"),
            Paragraph(found.text, sample=found.is_sample),
        ]
        principles = list(found.principles.all())
        if principles:
            blocks.append(Heading(_("Guiding principles"), 3))
            blocks.append(
                Bullets([f"{p.title}: {p.text}" if p.text else p.title for p in principles])
            )
    house = [
        (_("Roof"), edition.roof_caption),
        (_("Cross-beams"), edition.beams_caption),
        (_("Pillars"), edition.pillars_caption),
        (_("Base"), edition.base_caption),
    ]
    if any(text for _label, text in house):
        blocks += [
            Heading(_("The ISEK as an umbrella strategy"), 2, "haus"),
            Facts([(label, text) for label, text in house if text]),
        ]
    if not blocks:
        blocks.append(Paragraph(_("The vision of this edition has not been written yet.")))
    return blocks


def _by_field(rows) -> dict[int, list]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.action_field_id].append(row)
    return grouped


def action_fields(ctx: ReportContext) -> list:
    """The selection of action fields with its reasons, then each selected field with
    description, SWOT, goals and measures (5 queries, whatever the number of measures)."""
    edition = ctx.edition
    fields = list(ActionField.objects.select_related("lead_unit"))
    choices = {c.action_field_id: c for c in EditionActionField.objects.filter(edition=edition)}
    swot = _by_field(SwotEntry.objects.filter(edition=edition))
    goals = _by_field(Goal.objects.filter(edition=edition))
    measures = _by_field(Measure.objects.filter(edition=edition).select_related("lead_unit"))
    selected = [f for f in fields if choices.get(f.pk) and choices[f.pk].selected]
    blocks: list = [
        Paragraph(
            _("The ISEK works with %(count)d of the %(total)d action fields of the catalogue.")
            % {"count": len(selected), "total": len(fields)}
        ),
        Table(
            _("Selection of the action fields"),
            [_("Action field"), _("Selected"), _("Reason")],
            [
                [
                    f.name,
                    _("yes")
                    if choices.get(f.pk) and choices[f.pk].selected
                    else (_("no") if f.pk in choices else _("not decided")),
                    sample(choices[f.pk].reason, choices[f.pk].is_sample)
                    if f.pk in choices
                    else "",
                ]
                for f in fields
            ],
            widths=FIT,
        ),
    ]
    kinds = dict(SwotEntry.Kind.choices)
    for action_field in selected:
        blocks.append(Heading(action_field.name, 2, f"hf-{action_field.slug}"))
        if action_field.description:
            blocks.append(Paragraph(action_field.description))
        facts = [(_("Reason for the selection"), choices[action_field.pk].reason or "–")]
        if action_field.lead_unit:
            facts.append((_("Lead department"), action_field.lead_unit.name))
        blocks.append(Facts(facts))
        entries = defaultdict(list)
        for entry in swot.get(action_field.pk, []):
            entries[entry.kind].append(sample(entry.text, entry.is_sample))
        if entries:
            blocks.append(Heading(_("SWOT analysis"), 3))
            for first, second in (("strength", "weakness"), ("opportunity", "threat")):
                blocks.append(
                    Table(
                        f"{kinds[first]} / {kinds[second]}",
                        [str(kinds[first]).capitalize(), str(kinds[second]).capitalize()],
                        [["\n".join(entries[first]) or "–", "\n".join(entries[second]) or "–"]],
                        row_header=False,
                        widths=(1, 1),
                    )
                )
        field_goals = goals.get(action_field.pk, [])
        if field_goals:
            blocks.append(Heading(_("Goals"), 3))
            blocks.append(Bullets([sample(g.title, g.is_sample) for g in field_goals]))
        field_measures = measures.get(action_field.pk, [])
        if field_measures:
            blocks.append(Heading(_("Measures"), 3))
            blocks.append(
                Table(
                    _("Measures of the action field %(field)s") % {"field": action_field.name},
                    [
                        _("No."),
                        _("Measure"),
                        _("Priority"),
                        _("Status"),
                        _("Lead"),
                        _("Period"),
                        _("Cost"),
                    ],
                    [
                        [
                            m.code,
                            sample(m.title, m.is_sample),
                            m.priority,
                            m.get_status_display(),
                            (m.lead_unit.short_name or m.lead_unit.name) if m.lead_unit else "–",
                            f"{de_date(m.start)} – {de_date(m.end)}" if m.start or m.end else "–",
                            euro(m.estimated_cost),
                        ]
                        for m in field_measures
                    ],
                    numeric={6},
                    row_header=False,
                    small=True,
                    widths=FIT,
                )
            )
    return blocks


def theme_matrix(ctx: ReportContext) -> list:
    matrix = strategy_selectors.theme_matrix(ctx.edition)
    if not matrix.themes:
        return [Paragraph(_("This edition anchors no cross-cutting themes."))]
    rows = [
        [
            action_field.name,
            *[f"{RATING_SYMBOLS[cell.score]}" if cell is not None else "·" for cell in cells],
        ]
        for action_field, cells in matrix.rows
    ]
    return [
        Paragraph(
            _(
                "Cross-cutting themes run through every action field. The matrix shows how "
                "strongly each selected action field serves each theme (%(rated)d of "
                "%(total)d cells rated)."
            )
            % {"rated": matrix.rated, "total": matrix.total}
        ),
        Table(
            _("Action fields × cross-cutting themes"),
            [_("Action field"), *[t.label for t in matrix.themes]],
            rows,
            numeric=set(range(1, len(matrix.themes) + 1)),
            small=True,
            css="matrix",
        ),
        Facts(
            [(RATING_SYMBOLS[value], str(label)) for value, label in RatingScore.choices]
            + [("·", _("not rated"))]
        ),
    ]


def concepts(ctx: ReportContext) -> list:
    def tick(value):
        return {True: _("yes"), False: _("no"), None: _("open")}[value]

    items = list(Concept.objects.prefetch_related("action_fields"))
    return [
        Paragraph(
            _(
                "The ISEK is an umbrella strategy fed by sub-concepts. Their status, as "
                "assessed for this edition:"
            )
        ),
        Table(
            _("Status of the strategic concepts"),
            [
                _("Concept"),
                _("Existing / planned"),
                _("Active"),
                _("Completed / outdated"),
                _("Monitoring / update"),
                _("Action fields"),
            ],
            [
                [
                    sample(f"{c.name}{f' ({c.year})' if c.year else ''}", c.is_sample),
                    *[tick(value) for _label, value in c.status_columns],
                    ", ".join(f.name for f in c.action_fields.all()) or "–",
                ]
                for c in items
            ],
            small=True,
            widths=FIT,
        ),
    ]
