"""The parts of the demo beyond the strategy and process core (loader.py), one per
capability, run in this order after the core. Each part is a function without arguments
that loads or refreshes its data idempotently (natural keys, update_or_create) and returns
counts for the log. Add a part here when a capability adds demo data."""

from collections.abc import Callable

from stadtdach.demo.finance import load as load_finance
from stadtdach.demo.governance import load as load_governance
from stadtdach.demo.monitoring import load as load_monitoring
from stadtdach.demo.participation import load_participation
from stadtdach.demo.participation_evaluation import load as load_participation_evaluation
from stadtdach.demo.participation_formats import load as load_participation_formats
from stadtdach.demo.revisions import load as load_revisions

PARTS: tuple[Callable[[], dict[str, int]], ...] = (
    load_participation,
    load_participation_formats,  # after the idea collection: reuses its citizens
    load_governance,
    load_finance,
    load_monitoring,
    load_revisions,  # after monitoring: the snapshots take in the indicators
    load_participation_evaluation,
)
