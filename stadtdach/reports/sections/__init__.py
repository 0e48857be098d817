"""The sections of each kind of document: one explicit tuple per kind, in the order of
the document (no registration by import). A section's ``build`` returns blocks, or None
to leave the chapter out."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from stadtdach.reports.sections import isek, money, monitoring, participation
from stadtdach.reports.sections.context import ReportContext


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    build: Callable[[ReportContext], list | None]


ISEK_DOCUMENT: tuple[Section, ...] = (
    Section("leitbild", _("Vision and direction"), isek.vision),
    Section("handlungsfelder", _("Action fields, goals and measures"), isek.action_fields),
    Section("querschnittsthemen", _("Cross-cutting themes"), isek.theme_matrix),
    Section("konzepte", _("Status of the concepts"), isek.concepts),
    Section("beteiligung", _("Participation"), participation.participation),
    Section("finanzen", _("Cost and financing overview"), money.cost_overview),
    Section("monitoring", _("Monitoring concept"), monitoring.concept),
)

MONITORING_REPORT: tuple[Section, ...] = (
    Section("ueberblick", _("Overview"), monitoring.summary),
    Section("massnahmen", _("Measures"), monitoring.measures),
    Section("indikatoren", _("Indicators"), monitoring.indicators),
    Section("finanzen", _("Budget of the year"), money.year_finance),
    Section("ausblick", _("Attention and outlook"), monitoring.outlook),
)

# The committee report is the monitoring report limited to the committee's action fields,
# with their cost and financing overview.
COMMITTEE_REPORT: tuple[Section, ...] = (
    *MONITORING_REPORT[:4],
    Section("kosten", _("Cost and financing overview"), money.cost_overview),
    MONITORING_REPORT[4],
)

BY_KIND = {
    "isek": ISEK_DOCUMENT,
    "monitoring": MONITORING_REPORT,
    "committee": COMMITTEE_REPORT,
}
