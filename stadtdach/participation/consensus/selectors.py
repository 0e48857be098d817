"""Reads of consensus finding, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from stadtdach.participation.charts import Bar, BarChart
from stadtdach.participation.consensus.models import (
    MAX_RESISTANCE,
    ConsensusFinding,
    ConsensusOption,
    Resistance,
    ResistanceBallot,
)
from stadtdach.participation.models import ProcessState
from stadtdach.participation.selectors import count_of


def findings_of(process) -> list[ConsensusFinding]:
    """With their numbers of options and ballots (1 query)."""
    return list(
        ConsensusFinding.objects.filter(process=process).annotate(
            option_count=count_of(ConsensusOption, "finding"),
            ballot_count=count_of(ResistanceBallot, "finding"),
        )
    )


def rated_ids(user, findings) -> set[int]:
    if not user.is_authenticated or not findings:
        return set()
    return set(
        ResistanceBallot.objects.filter(
            user=user, finding__in=[f.pk for f in findings]
        ).values_list("finding_id", flat=True)
    )


def finding_detail(pk: int, user) -> ConsensusFinding:
    """With its process and options (2 queries); 404 when the process is not visible."""
    finding = (
        ConsensusFinding.objects.select_related("process__phase")
        .prefetch_related("options")
        .filter(pk=pk)
        .first()
    )
    if finding is None or not user.has_perm("participation.view_process", finding.process):
        raise Http404
    return finding


def own_values(user, finding) -> dict[int, int] | None:
    if not user.is_authenticated:
        return None
    ballot = (
        ResistanceBallot.objects.filter(finding=finding, user=user)
        .prefetch_related("resistances")
        .first()
    )
    if ballot is None:
        return None
    return {r.option_id: r.value for r in ballot.resistances.all()}


def results_visible(user, finding, *, has_rated: bool) -> bool:
    """Like dot voting: after one's own ballot, for the staff, for everybody once closed."""
    return (
        has_rated
        or user.has_perm("participation.manage_formats")
        or finding.process.state() == ProcessState.CLOSED
    )


@dataclass
class Ranked:
    option: ConsensusOption
    total: int
    ratings: int
    rank: int
    # Acceptance in percent: how far the option is from the greatest possible resistance.
    acceptance: int
    average: str
    worse_than_passive: bool = False


def rank(options, sums: dict[int, tuple[int, int]]) -> list[Ranked]:
    """Options by total resistance, least first. Acceptance = 1 − total / (10 × ratings).
    An option with at least the passive solution's resistance is not better than doing
    nothing, and is marked so."""
    rows = []
    for option in options:
        total, ratings = sums.get(option.pk, (0, 0))
        acceptance = round(100 * (1 - total / (MAX_RESISTANCE * ratings))) if ratings else 0
        average = f"{total / ratings:.1f}".replace(".", ",") if ratings else "–"
        rows.append(Ranked(option, total, ratings, 0, acceptance, average))
    rows.sort(key=lambda r: (r.total, r.option.is_passive, r.option.order, r.option.pk))
    passive = next((r for r in rows if r.option.is_passive), None)
    for index, row in enumerate(rows):
        row.rank = (
            rows[index - 1].rank if index and rows[index - 1].total == row.total else index + 1
        )
        if passive is not None and row is not passive and row.ratings:
            row.worse_than_passive = row.total >= passive.total
    return rows


def results(finding: ConsensusFinding) -> tuple[int, list[Ranked], BarChart]:
    """(ballots, options ranked, chart): 2 queries, any number of ballots."""
    ballots = finding.ballots.count()
    sums = {
        option_id: (total, ratings)
        for option_id, total, ratings in Resistance.objects.filter(option__finding=finding)
        .order_by()
        .values_list("option")
        .annotate(total=Sum("value"), ratings=Count("pk"))
    }
    ranked = rank(finding.options.all(), sums)
    return ballots, ranked, chart_of(finding, ranked)


def chart_of(finding, ranked: list[Ranked]) -> BarChart:
    return BarChart(
        id=f"konsensierung-{finding.pk}-diagramm",
        title=_("Total resistance: %(title)s") % {"title": finding.title},
        bars=[Bar(r.option.display_label, r.total, marked=r.option.is_passive) for r in ranked],
        label_head=_("Option"),
        value_head=_("Total resistance"),
        extra_head=[_("Average"), _("Acceptance")],
        extra_rows=[[r.average, f"{r.acceptance}\u202f%"] for r in ranked],
    )
