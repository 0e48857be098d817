"""The volumes of each scale. Totals scale with a factor (tests run "aplus × 0.01");
quantities per record (values per indicator, revisions) and the one idea with exactly
50 comments do not."""

import dataclasses
from dataclasses import dataclass

# The idea the benchmark measures with all its comments (docs/performance.md).
FIFTY_COMMENTS = 50
FIFTY_COMMENTS_TITLE = "Skalierungsdaten: Idee mit 50 Kommentaren"
# The one audit entry of a generation; it lists what was written (generation.py).
AUDIT_LABEL = "Skalierungsdaten erzeugt"


@dataclass(frozen=True)
class Volumes:
    users: int = 0
    idea_processes: int = 0
    ideas: int = 0
    comments: int = 0  # on ideas; a twentieth of them on measures when there are measures
    supports: int = 0
    goals: int = 0
    measures: int = 0
    indicators: int = 0
    meetings: int = 0
    papers: int = 0
    work_packages: int = 0
    drafts: int = 0
    draft_comments: int = 0
    surveys: int = 0
    survey_responses: int = 0
    prioritisations: int = 0
    dot_ballots: int = 0
    consensus_findings: int = 0
    resistance_ballots: int = 0
    offline_events: int = 0
    event_results: int = 0
    # Per record: not scaled.
    values_per_indicator: int = 100
    revisions: int = 0

    PER_RECORD = ("values_per_indicator", "revisions")

    def scaled(self, factor: float) -> "Volumes":
        """Every total times ``factor`` (at least 1 where the scale has any), keeping what
        the data needs: an idea process for the ideas, users for every ballot."""
        if factor == 1:
            return self
        values = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name in self.PER_RECORD or not value:
                values[item.name] = value
            else:
                values[item.name] = max(1, round(value * factor))
        if values["ideas"]:
            values["comments"] = max(values["comments"], FIFTY_COMMENTS + values["ideas"])
            values["users"] = max(values["users"], 10)
        return Volumes(**values)


SCALES: dict[str, Volumes] = {
    # The demo as it is: CI's quick benchmark run.
    "demo": Volumes(),
    # The volume of the peer platform adhocracy+: participation only.
    "aplus": Volumes(
        users=3_000,
        idea_processes=8,
        ideas=2_000,
        comments=20_000,
        supports=20_000,
    ),
    # A city of Berlin's size using every capability for years.
    "berlin": Volumes(
        users=100_000,
        idea_processes=60,
        ideas=20_000,
        comments=500_000,
        supports=200_000,
        goals=600,
        measures=5_000,
        indicators=2_000,
        meetings=2_000,
        papers=3_000,
        work_packages=400,
        drafts=40,
        draft_comments=20_000,
        surveys=20,
        survey_responses=20_000,
        prioritisations=20,
        dot_ballots=20_000,
        consensus_findings=20,
        resistance_ballots=2_000,
        offline_events=300,
        event_results=3_000,
        revisions=5,
    ),
}


def volumes(scale: str, factor: float = 1.0) -> Volumes:
    return SCALES[scale].scaled(factor)
