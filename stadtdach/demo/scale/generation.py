"""The whole generation in one transaction: the demo first (if it is missing), then the
previous generation removed, then every part in order, then ``_after_load``, then ONE
audit entry that records what was written (rows per table and the key blocks a later
run removes). A failure anywhere leaves the database as it was."""

import datetime
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from stadtdach.core import audit
from stadtdach.core.caching import versions
from stadtdach.core.models import AuditEntry
from stadtdach.demo.loader import is_loaded, load_demo
from stadtdach.demo.scale import (
    comments,
    finance,
    formats_drafts,
    formats_votes,
    governance,
    monitoring,
    participation,
    process,
    reports,
    strategy,
    users,
)
from stadtdach.demo.scale.bulk import (
    Writer,
    remove,
    restore_foreign_keys,
    suspend_foreign_keys,
)
from stadtdach.demo.scale.checks import Refusal
from stadtdach.demo.scale.context import USER_PREFIX, Context
from stadtdach.demo.scale.progress import Progress
from stadtdach.demo.scale.scales import AUDIT_LABEL, volumes

DEFAULT_SEED = 1

# The parts in the order they run: later ones refer to what earlier ones wrote.
PARTS = (
    users.generate,
    strategy.generate,
    participation.generate,
    comments.generate,
    formats_drafts.generate,
    formats_votes.generate,
    process.generate,
    governance.generate,
    finance.generate,
    monitoring.generate,
    reports.generate,  # last: the revisions' snapshots take in everything above
)


# Rebuilds of aggregated data after the bulk load, in this order (_after_load).
REBUILDS = ("stadtdach.monitoring.rollups.rollups_rebuild",)


@dataclass
class Result:
    scale: str
    seed: int
    rows: dict[str, int]
    removed: int
    demo_loaded: bool
    seconds: float


def generate(
    scale: str,
    *,
    seed: int = DEFAULT_SEED,
    factor: float = 1.0,
    progress: Progress | None = None,
    now: datetime.datetime | None = None,
) -> Result:
    """Add the scale's data on top of the demo, replacing an earlier generation. The
    data is dated relative to ``now`` (default: the present); the same seed and the
    same ``now`` give the same rows."""
    progress = progress or Progress()
    started = time.monotonic()
    with transaction.atomic():
        demo_loaded = not is_loaded()
        if demo_loaded:
            progress.note("Loading the Boizenburg demo first ...")
            load_demo()
        constraints = suspend_foreign_keys()
        removed = _remove_previous(progress)
        writer = Writer(now=(now or timezone.now()).replace(microsecond=0), progress=progress)
        ctx = Context.build(seed=seed, volumes=volumes(scale, factor), writer=writer)
        for part in PARTS:
            part(ctx)
        _after_load(ctx)
        if constraints:
            progress.note(f"Checking the references ({len(constraints)} foreign keys) ...")
            restore_foreign_keys(constraints)
        audit.record(
            actor=None,
            action=AuditEntry.Action.IMPORT,
            label=AUDIT_LABEL,
            changes={
                "scale": [None, scale],
                "seed": [None, seed],
                "factor": [None, factor],
                "rows": [None, writer.counts],
                "removed_rows": [None, removed],
                "targets": [None, ctx.targets],
                # [table, key column, [[first, last], ...]] in writing order (a list:
                # PostgreSQL's jsonb does not keep the order of an object's keys).
                "blocks": [None, [[t, b["pk"], b["spans"]] for t, b in writer.blocks.items()]],
            },
        )
    _analyze(progress)
    return Result(scale, seed, writer.counts, removed, demo_loaded, time.monotonic() - started)


def _remove_previous(progress: Progress) -> int:
    """Delete the rows of the last generation (its audit entry names their key blocks)."""
    entry = AuditEntry.objects.filter(
        action=AuditEntry.Action.IMPORT, object_repr=AUDIT_LABEL
    ).first()
    blocks = entry.changes.get("blocks", [None, []])[1] if entry else []
    removed = 0
    if blocks:
        progress.note("Removing the previously generated data ...")
        rows, dependents = remove({t: {"pk": pk, "spans": spans} for t, pk, spans in blocks})
        removed = sum(rows.values())
        if dependents:
            progress.note(
                "  and the rows that referred to it: "
                + ", ".join(f"{n:,} in {table}" for table, n in sorted(dependents.items()))
            )
    if get_user_model()._base_manager.filter(username__startswith=USER_PREFIX).exists():
        raise Refusal(
            f"Generated accounts ({USER_PREFIX}...) are in the database, but the audit entry "
            f"“{AUDIT_LABEL}” that lists the generated rows is missing, so they cannot be "
            "removed safely. Start from a fresh database."
        )
    return removed


def _after_load(ctx: Context) -> None:
    """Rebuild what the site derives from the rows written above. Every rebuild of
    aggregated or denormalised data belongs here, in this one place.

    Today the parts write their derived fields consistently themselves (a measure's
    implementation carries the progress and date of its latest update, its status that
    of the update; a draft's paragraphs are its text split as drafts.services does).
    The rollups of the apps are rebuilt from the rows (``REBUILDS``), and the page
    cache is made stale: COPY bypasses the SQL hook that versions its tables."""
    for path in REBUILDS:
        try:
            rebuild = import_string(path)
        except ImportError:
            # Until the app ships its rebuild (then this is a plain call).
            ctx.writer.progress.note(f"  ({path} is not available: skipped)")
            continue
        ctx.writer.progress.note(f"Rebuilding {path.rsplit('.', 2)[-2]} ...")
        rebuild()
    transaction.on_commit(versions.invalidate_all)


def _analyze(progress: Progress) -> None:
    """Fresh planner statistics after a bulk load (PostgreSQL): the benchmark should
    see the query plans of a database that grew to this size, not of an empty one."""
    if connection.vendor == "postgresql":
        progress.note("Updating the planner statistics (ANALYZE) ...")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
