"""Reads of prioritisation, each in a fixed number of queries whatever the number of
ballots."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from stadtdach.participation.charts import Bar, BarChart, percent
from stadtdach.participation.models import ProcessState
from stadtdach.participation.prioritisation.models import (
    DotBallot,
    DotVote,
    Prioritisation,
    PriorityOption,
)
from stadtdach.participation.selectors import count_of


def options_queryset():
    return PriorityOption.objects.select_related("action_field", "measure", "contribution")


def prioritisations_of(process) -> list[Prioritisation]:
    """With their numbers of options and ballots (1 query)."""
    return list(
        Prioritisation.objects.filter(process=process).annotate(
            option_count=count_of(PriorityOption, "prioritisation"),
            ballot_count=count_of(DotBallot, "prioritisation"),
        )
    )


def voted_ids(user, prioritisations) -> set[int]:
    if not user.is_authenticated or not prioritisations:
        return set()
    return set(
        DotBallot.objects.filter(
            user=user, prioritisation__in=[p.pk for p in prioritisations]
        ).values_list("prioritisation_id", flat=True)
    )


def prioritisation_detail(pk: int, user) -> Prioritisation:
    """With its process and options (2 queries); 404 when the process is not visible."""
    prioritisation = (
        Prioritisation.objects.select_related("process__phase")
        .prefetch_related(Prefetch("options", queryset=options_queryset()))
        .filter(pk=pk)
        .first()
    )
    if prioritisation is None or not user.has_perm(
        "participation.view_process", prioritisation.process
    ):
        raise Http404
    return prioritisation


def own_points(user, prioritisation) -> dict[int, int] | None:
    """The user's points per option, or None when they have not voted (1 query)."""
    if not user.is_authenticated:
        return None
    ballot = (
        DotBallot.objects.filter(prioritisation=prioritisation, user=user)
        .prefetch_related("votes")
        .first()
    )
    if ballot is None:
        return None
    return {vote.option_id: vote.points for vote in ballot.votes.all()}


def results_visible(user, prioritisation, *, has_voted: bool) -> bool:
    """Results after one's own vote, for the staff, and for everybody once closed: seeing
    them earlier would steer the vote."""
    return (
        has_voted
        or user.has_perm("participation.manage_formats")
        or prioritisation.process.state() == ProcessState.CLOSED
    )


@dataclass
class Ranked:
    option: PriorityOption
    points: int
    voters: int
    rank: int


def results(prioritisation: Prioritisation) -> tuple[int, list[Ranked], BarChart]:
    """(ballots, options by points, chart): 2 queries."""
    ballots = prioritisation.ballots.count()
    sums = {
        option_id: (points, voters)
        for option_id, points, voters in DotVote.objects.filter(
            option__prioritisation=prioritisation
        )
        .order_by()
        .values_list("option")
        .annotate(points=Sum("points"), voters=Count("ballot", distinct=True))
    }
    rows = sorted(
        ((option, *sums.get(option.pk, (0, 0))) for option in prioritisation.options.all()),
        key=lambda row: (-row[1], row[0].order, row[0].pk),
    )
    ranked = []
    for index, (option, points, voters) in enumerate(rows):
        rank = ranked[-1].rank if ranked and ranked[-1].points == points else index + 1
        ranked.append(Ranked(option, points, voters, rank))
    total = sum(r.points for r in ranked)
    chart = BarChart(
        id=f"priorisierung-{prioritisation.pk}-diagramm",
        title=prioritisation.title,
        bars=[Bar(r.option.display_label, r.points) for r in ranked],
        label_head=_("Option"),
        value_head=_("Points"),
        extra_head=[_("Share of the points"), _("Participants who gave points")],
        extra_rows=[[percent(r.points, total), str(r.voters)] for r in ranked],
    )
    return ballots, ranked, chart
