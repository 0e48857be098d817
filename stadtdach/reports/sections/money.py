"""The cost and financing overview as a chapter, and the money of one budget year for
the monitoring and committee reports."""

from django.utils.translation import gettext as _

from stadtdach.finance import selectors as finance_selectors
from stadtdach.finance.models import FundingSource
from stadtdach.reports.blocks import FIT, Heading, Paragraph, Table
from stadtdach.reports.sections.context import ReportContext, euro, sample

SOURCES = [str(label) for _key, label in FundingSource.choices]


def _overview(ctx: ReportContext):
    return ctx.once("cost_overview", lambda: finance_selectors.cost_overview(ctx.edition))


def cost_overview(ctx: ReportContext) -> list:
    data = _overview(ctx)
    if not data.rows:
        return [Paragraph(_("The edition has no measures yet."))]
    rows = [r for r in data.rows if ctx.wants(r.measure.action_field_id)]
    fields = [t for t in data.by_field if ctx.wants(t.obj.pk)]
    blocks: list = [
        Paragraph(
            _(
                "The cost and financing overview shows what the measures cost per budget "
                "year and who pays for them: federation, state, EU, other third parties and "
                "the town's own share. Funding follows the shares of each measure's "
                "programme; the town carries rounding differences."
            )
        ),
        Heading(_("Totals per action field"), 2, "kofi-handlungsfelder"),
        Table(
            _("Planned costs and funding per action field (euros)"),
            [_("Action field"), _("Total cost"), *SOURCES],
            [
                [t.label, euro(t.amounts.total), *[euro(a) for a in t.amounts.funding_cells()]]
                for t in fields
            ]
            + (
                [
                    [
                        _("Total of the ISEK"),
                        euro(data.total.total),
                        *[euro(a) for a in data.total.funding_cells()],
                    ]
                ]
                if ctx.action_field_ids is None
                else []
            ),
            numeric=set(range(1, 2 + len(SOURCES))),
            totals={len(fields)} if ctx.action_field_ids is None else set(),
            small=True,
            widths=FIT,
            landscape=True,
        ),
    ]
    if ctx.action_field_ids is None:
        blocks += [
            Heading(_("Totals per funding programme"), 2, "kofi-programme"),
            Table(
                _("Planned costs and funding per programme (euros)"),
                [_("Funding programme"), _("Measures"), _("Total cost"), *SOURCES],
                [
                    [
                        t.label or _("own funds"),
                        str(t.measures),
                        euro(t.amounts.total),
                        *[euro(a) for a in t.amounts.funding_cells()],
                    ]
                    for t in data.by_programme
                ],
                numeric=set(range(1, 3 + len(SOURCES))),
                small=True,
                widths=FIT,
                landscape=True,
            ),
            Heading(_("Per budget year"), 2, "kofi-jahre"),
            Table(
                _("Planned, approved and spent per budget year (euros)"),
                [_("Year"), _("Planned"), *SOURCES, _("Approved"), _("Spent")],
                [
                    [
                        str(year),
                        euro(a.total),
                        *[euro(v) for v in a.funding_cells()],
                        euro(a.approved),
                        euro(a.spent),
                    ]
                    for year, a in data.by_year
                ],
                numeric=set(range(1, 4 + len(SOURCES))),
                small=True,
                widths=FIT,
                landscape=True,
            ),
        ]
    blocks.append(Heading(_("Measures"), 2, "kofi-massnahmen"))
    # A source that funds none of the measures would be a column of zeros in every table
    # below: it is named once instead (its totals are in the tables above).
    used = [
        index
        for index in range(len(SOURCES))
        if any(r.amounts.funding_cells()[index] for r in rows)
    ]
    unused = [SOURCES[index] for index in range(len(SOURCES)) if index not in used]
    if unused:
        blocks.append(
            Paragraph(
                _("No measure has funding from: %(sources)s.") % {"sources": ", ".join(unused)},
                "note",
            )
        )
    for total in fields:
        field_rows = [r for r in rows if r.measure.action_field_id == total.obj.pk]
        blocks.append(
            Table(
                total.label,
                [_("No."), _("Measure"), _("Programme"), _("Total cost"), *_pick(SOURCES, used)],
                [
                    [
                        r.measure.code,
                        sample(r.measure.title, r.measure.is_sample),
                        r.programme.name if r.programme else _("own funds"),
                        euro(r.amounts.total),
                        *[euro(a) for a in _pick(r.amounts.funding_cells(), used)],
                    ]
                    for r in field_rows
                ]
                + [
                    [
                        "",
                        _("Total"),
                        "",
                        euro(total.amounts.total),
                        *[euro(a) for a in _pick(total.amounts.funding_cells(), used)],
                    ]
                ],
                numeric=set(range(3, 4 + len(used))),
                totals={len(field_rows)},
                row_header=False,
                small=True,
                widths=FIT,
                landscape=True,
            )
        )
    return blocks


def _pick(values, indexes: list[int]) -> list:
    return [values[index] for index in indexes]


def year_finance(ctx: ReportContext) -> list:
    rows = finance_selectors.year_finance(ctx.edition, ctx.year, ctx.action_field_ids)
    if not rows:
        return [Paragraph(_("No budget lines for %(year)s.") % {"year": ctx.year})]
    return [
        Paragraph(
            _("Planned, approved and spent money of the measures in the budget year %(year)s.")
            % {"year": ctx.year}
        ),
        Table(
            _("Budget year %(year)s per action field (euros)") % {"year": ctx.year},
            [_("Action field"), _("Measures"), _("Planned"), _("Approved"), _("Spent"), *SOURCES],
            [
                [
                    r.label,
                    str(r.measures),
                    euro(r.amounts.total),
                    euro(r.amounts.approved),
                    euro(r.amounts.spent),
                    *[euro(a) for a in r.amounts.funding_cells()],
                ]
                for r in rows
            ],
            numeric=set(range(1, 5 + len(SOURCES))),
            small=True,
        ),
    ]
