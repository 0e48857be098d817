"""Generated data on top of the Boizenburg demo, at the scale of a small town (demo),
of the peer platform adhocracy+ (aplus) or of a city like Berlin (berlin), for the
benchmark (docs/performance.md, section "Scale data").

- ``scales``: the volumes per scale (``SCALES``) and the test-only factor
- ``checks``: when the generator refuses to run
- ``generation``: the one transaction, the parts in order, ``_after_load``
- ``bulk``: COPY / executemany with key blocks that a later run removes
- ``users``, ``strategy``, ``participation``, ``comments``, ``formats_drafts``,
  ``formats_votes``, ``process``, ``governance``, ``finance``, ``monitoring``,
  ``reports``: one part each
- ``targets``: ``benchmark_targets()``, what the benchmark measures
"""

import datetime

from stadtdach.demo.scale.checks import Refusal
from stadtdach.demo.scale.generation import DEFAULT_SEED, Result, generate
from stadtdach.demo.scale.progress import Progress
from stadtdach.demo.scale.scales import FIFTY_COMMENTS_TITLE, SCALES
from stadtdach.demo.scale.targets import benchmark_targets


def run(
    scale: str,
    *,
    seed: int = DEFAULT_SEED,
    force: bool = False,
    factor: float = 1.0,
    progress: Progress | None = None,
    now: datetime.datetime | None = None,
) -> Result:
    """Check, then generate (``checks`` explains the refusals; ``force`` overrides the
    production and foreign-data refusals, never an unusable database; ``factor``
    multiplies the totals, for tests; ``now`` fixes the date the data is built around)."""
    from stadtdach.demo.scale import checks

    if scale not in SCALES:
        raise Refusal(f"Unknown scale {scale!r}: choose one of {', '.join(SCALES)}.")
    if not force:
        checks.refuse_production()
    checks.refuse_unusable_database()
    if not force:
        checks.refuse_foreign_data()
    return generate(scale, seed=seed, factor=factor, progress=progress, now=now)


__all__ = [
    "DEFAULT_SEED",
    "FIFTY_COMMENTS_TITLE",
    "SCALES",
    "Progress",
    "Refusal",
    "Result",
    "benchmark_targets",
    "generate",
    "run",
]
