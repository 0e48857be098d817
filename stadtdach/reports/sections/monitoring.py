"""Monitoring in the documents: the monitoring concept of the ISEK document, and the
chapters of the annual monitoring report and the committee report."""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _

from stadtdach.monitoring import dashboards, status
from stadtdach.monitoring import selectors as monitoring_selectors
from stadtdach.monitoring.formatting import number
from stadtdach.monitoring.models import ImplementationMilestone, Indicator, ProgressUpdate
from stadtdach.monitoring.services import REMIND_AGAIN_AFTER_DAYS
from stadtdach.process.models import Milestone
from stadtdach.reports.blocks import (
    FIT,
    Bullets,
    ChartBlock,
    Facts,
    Group,
    Heading,
    Paragraph,
    Table,
)
from stadtdach.reports.sections.context import ReportContext, de_date, sample
from stadtdach.strategy.models import ActionField


def _value(value, indicator) -> str:
    return f"{number(value, indicator.decimals)} {indicator.unit}" if value is not None else "–"


def _target(indicator) -> str:
    return f"{_value(indicator.target_value, indicator)} ({indicator.target_year})"


def _rules() -> Facts:
    return Facts(status.rule_text())


def _states(ctx: ReportContext):
    def load():
        states = monitoring_selectors.measure_states(ctx.edition, ctx.today)
        return [s for s in states if ctx.wants(s.measure.action_field_id)]

    return ctx.once("states", load)


def _indicators(ctx: ReportContext):
    def load():
        states = monitoring_selectors.indicators_with_values(ctx.edition)
        return [
            s
            for s in states
            if s.indicator.action_field_id is None or ctx.wants(s.indicator.action_field_id)
        ]

    return ctx.once("indicators", load)


def _indicator_table(caption: str, states, *, with_subject: bool) -> Table:
    head = [_("Code"), _("Indicator")]
    if with_subject:
        head.append(_("Measure"))
    head += [_("Baseline"), _("Target"), _("Direction"), _("Source")]
    rows = []
    for s in states:
        i = s.indicator
        row = [i.code, sample(f"{i.name} ({i.unit})", i.is_sample)]
        if with_subject:
            row.append(str(i.measure) if i.measure else "–")
        row += [
            f"{_value(i.baseline_value, i)} ({i.baseline_year})" if i.baseline_year else "–",
            f"{_value(i.target_value, i)} ({i.target_year})" if i.target_year else "–",
            i.get_direction_display(),
            i.source or "–",
        ]
        rows.append(row)
    return Table(caption, head, rows, row_header=False, small=True, widths=FIT)


def concept(ctx: ReportContext) -> list:
    """How the ISEK is monitored: indicators with baselines and targets, the status
    rules, progress reporting and the dates of monitoring and update."""
    indicators = _indicators(ctx)
    context = [s for s in indicators if s.indicator.kind == Indicator.Kind.CONTEXT]
    results = [s for s in indicators if s.indicator.kind == Indicator.Kind.RESULT]
    dates = list(
        Milestone.objects.filter(edition=ctx.edition)
        .filter(
            Q(kind__in=[Milestone.Kind.MONITORING, Milestone.Kind.UPDATE])
            | Q(phase__slug="umsetzung")
        )
        .order_by("date")
    )
    blocks: list = [
        Paragraph(
            _(
                "The ISEK is implemented, monitored and updated. Departments report the "
                "progress of their measures regularly; context indicators show how each "
                "action field develops, result indicators what the measures achieve. From "
                "these data the platform computes the status of every measure and "
                "indicator, and generates the annual monitoring report and the reports to "
                "the committees."
            )
        ),
        Heading(_("Progress reports"), 2, "mon-berichte"),
        Bullets(
            [
                _(
                    "Each measure names a responsible department and a reporting interval "
                    "(90 days unless set otherwise)."
                ),
                _(
                    "A report is one short form (progress, status, date, what happened) or a "
                    "row in a CSV/XLSX file for many measures at once."
                ),
                _(
                    "When a report is due, the department is reminded by e-mail, again after "
                    "%(days)d days at the earliest."
                )
                % {"days": REMIND_AGAIN_AFTER_DAYS},
            ]
        ),
        Heading(_("How the status is computed"), 2, "mon-regeln"),
        _rules(),
        Heading(_("Context indicators"), 2, "mon-kontext"),
        _indicator_table(_("Context indicators per action field"), context, with_subject=False)
        if context
        else Paragraph(_("No context indicators yet.")),
        Heading(_("Result indicators"), 2, "mon-ergebnis"),
        _indicator_table(_("Result indicators of the measures"), results, with_subject=True)
        if results
        else Paragraph(_("No result indicators yet.")),
    ]
    if dates:
        blocks += [
            Heading(_("Dates of monitoring and update"), 2, "mon-termine"),
            Table(
                _("Monitoring reports and updates"),
                [_("Date"), _("Milestone")],
                [[de_date(m.date), sample(m.name, m.is_sample)] for m in dates],
            ),
        ]
    return blocks


def summary(ctx: ReportContext) -> list:
    """The state of all (or the committee's) measures at a glance, with charts."""
    states = _states(ctx)
    counts = monitoring_selectors.health_counts(states)
    by_field = monitoring_selectors.field_progress(states)
    intro = _(
        "On %(date)s, %(count)d measures are in the report. Their status is computed from "
        "the reported progress against the schedule:"
    ) % {"date": de_date(ctx.today), "count": len(states)}
    return [
        Paragraph(intro),
        Bullets([f"{symbol} {label}: {count}" for _key, label, symbol, count in counts]),
        ChartBlock(dashboards.health_chart(counts, id="doc-status")),
        ChartBlock(dashboards.field_progress_chart(by_field, id="doc-fields")),
        Heading(_("How the status is computed"), 2, "regeln"),
        _rules(),
    ]


def measures(ctx: ReportContext) -> list:
    """Per action field: every measure with progress and status, the reports of the
    year and the milestones reached in it (3 queries)."""
    states = _states(ctx)
    year = ctx.year
    updates = defaultdict(list)
    for update in ProgressUpdate.objects.filter(
        measure__edition=ctx.edition, date__year=year
    ).order_by("date", "pk"):
        updates[update.measure_id].append(update)
    reached = defaultdict(list)
    for milestone in ImplementationMilestone.objects.filter(
        measure__edition=ctx.edition, reached_on__year=year
    ):
        reached[milestone.measure_id].append(milestone)
    by_field = defaultdict(list)
    for state in states:
        by_field[state.measure.action_field_id].append(state)
    fields = ActionField.objects.filter(pk__in=by_field.keys())
    blocks: list = []
    for action_field in fields:
        field_states = by_field[action_field.pk]
        blocks.append(Heading(action_field.name, 2, f"massnahmen-{action_field.slug}"))
        blocks.append(
            Table(
                _("Measures of %(field)s") % {"field": action_field.name},
                [
                    _("No."),
                    _("Measure"),
                    _("Progress"),
                    _("Status"),
                    _("Assessment"),
                    _("Last report"),
                ],
                [
                    [
                        s.measure.code,
                        sample(s.measure.title, s.measure.is_sample),
                        f"{s.progress} %",
                        s.measure.get_status_display(),
                        f"{s.assessment.symbol} {s.assessment.label}",
                        de_date(s.last_update_on),
                    ]
                    for s in field_states
                ],
                numeric={2},
                row_header=False,
                small=True,
            )
        )
        news = [
            f"{s.measure.code} {s.measure.title}, {de_date(u.date)}: {u.progress} % – {u.note}"
            for s in field_states
            for u in updates.get(s.measure.pk, [])
            if u.note
        ]
        if news:
            blocks += [Heading(_("Reports in %(year)s") % {"year": year}, 3), Bullets(news)]
        milestones = [
            f"{s.measure.code}: {m.title} ({de_date(m.reached_on)})"
            for s in field_states
            for m in reached.get(s.measure.pk, [])
        ]
        if milestones:
            blocks += [
                Heading(_("Milestones reached in %(year)s") % {"year": year}, 3),
                Bullets(milestones),
            ]
    return blocks or [Paragraph(_("No measures."))]


def indicators(ctx: ReportContext) -> list:
    states = _indicators(ctx)
    context = [s for s in states if s.indicator.kind == Indicator.Kind.CONTEXT]
    results = [s for s in states if s.indicator.kind == Indicator.Kind.RESULT]
    blocks: list = []
    current = None
    for state in context:
        indicator = state.indicator
        if indicator.action_field_id != current:
            current = indicator.action_field_id
            blocks.append(
                Heading(
                    indicator.action_field.name, 2, f"indikatoren-{indicator.action_field.slug}"
                )
            )
        last = indicator.value_list[-1] if indicator.value_list else None
        blocks.append(
            Group(
                [
                    Heading(indicator.name, 3),
                    Paragraph(
                        f"{state.assessment.symbol} {state.assessment.label}: "
                        f"{state.assessment.reason} "
                        + (
                            _("Latest value: %(value)s (%(date)s).")
                            % {"value": _value(last.value, indicator), "date": de_date(last.date)}
                            if last
                            else ""
                        ),
                        sample=indicator.is_sample,
                    ),
                    ChartBlock(
                        dashboards.indicator_chart(state, id=f"doc-indicator-{indicator.pk}")
                    ),
                ]
            )
        )
    if results:
        blocks += [
            Heading(_("Result indicators"), 2, "indikatoren-ergebnis"),
            Table(
                _("Result indicators of the measures"),
                [
                    _("Code"),
                    _("Indicator"),
                    _("Measure"),
                    _("Latest value"),
                    _("Target"),
                    _("Status"),
                ],
                [
                    [
                        s.indicator.code,
                        sample(s.indicator.name, s.indicator.is_sample),
                        str(s.indicator.measure),
                        _value(s.indicator.value_list[-1].value, s.indicator)
                        if s.indicator.value_list
                        else "–",
                        _target(s.indicator) if s.indicator.target_year else "–",
                        f"{s.assessment.symbol} {s.assessment.label}",
                    ]
                    for s in results
                ],
                row_header=False,
                small=True,
            ),
        ]
    return blocks or [Paragraph(_("No indicators yet."))]


def outlook(ctx: ReportContext) -> list:
    """What needs attention, and the milestones of the coming year."""
    states = _states(ctx)
    attention = [
        s for s in states if s.assessment.health in (status.Health.OFF_TRACK, status.Health.AT_RISK)
    ]
    next_year = datetime.date(ctx.year + 1, 12, 31)
    upcoming = (
        ImplementationMilestone.objects.filter(
            measure__edition=ctx.edition,
            reached_on__isnull=True,
            due_on__isnull=False,
            due_on__lte=next_year,
        )
        .select_related("measure")
        .order_by("due_on")
    )
    if ctx.action_field_ids is not None:
        upcoming = upcoming.filter(measure__action_field__in=ctx.action_field_ids)
    blocks: list = [Heading(_("Measures that need attention"), 2, "aufmerksamkeit")]
    if attention:
        blocks.append(
            Table(
                _("Measures at risk or off track"),
                [_("No."), _("Measure"), _("Status"), _("Why")],
                [
                    [
                        s.measure.code,
                        s.measure.title,
                        f"{s.assessment.symbol} {s.assessment.label}",
                        s.assessment.reason,
                    ]
                    for s in attention
                ],
                row_header=False,
                small=True,
            )
        )
    else:
        blocks.append(Paragraph(_("No measure is at risk or off track.")))
    blocks.append(
        Heading(
            _("Open milestones until the end of %(year)s") % {"year": ctx.year + 1}, 2, "ausblick"
        )
    )
    items = [
        f"{de_date(m.due_on)}: {m.measure.code} {m.measure.title} – {m.title}" for m in upcoming
    ]
    blocks.append(Bullets(items) if items else Paragraph(_("No open milestones.")))
    return blocks
