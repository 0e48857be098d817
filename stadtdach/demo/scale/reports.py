"""Generated revisions (Fortschreibungen) of the current edition, numbered after the
demo's. Each freezes a snapshot like a published revision does (reports.snapshots);
the generated measures, goals and indicators enter them step by step, so that the
comparison of two revisions has work to do. The last one is the current state."""

import datetime

from django.db.models import Max

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import CODE_PREFIX, Context
from stadtdach.reports.models import Revision
from stadtdach.reports.snapshots import snapshot


def generate(ctx: Context) -> None:
    n = ctx.volumes.revisions
    if not n:
        return
    existing = Revision.objects.filter(edition=ctx.edition).aggregate(
        number=Max("number"), day=Max("published_on")
    )
    number = existing["number"] or 0
    first = (existing["day"] or ctx.today - datetime.timedelta(days=5 * 365)) + datetime.timedelta(
        days=30
    )
    last = max(first, ctx.today - datetime.timedelta(days=7))
    current = snapshot(ctx.edition)
    generated_goals = {f"ziel-{pk}" for goals in ctx.goals_by_field.values() for pk in goals}

    def generated(item) -> bool:
        return item["key"].startswith(CODE_PREFIX) or item["key"] in generated_goals

    ids = ctx.writer.ids(Revision, n)
    rows = []
    for k, pk in enumerate(ids, start=1):
        share = k / n
        data = dict(current)
        for part in ("goals", "measures", "indicators"):
            mine = [item for item in current[part] if generated(item)]
            keep = {item["key"] for item in mine[: round(len(mine) * share)]}
            data[part] = [
                item for item in current[part] if not generated(item) or item["key"] in keep
            ]
        day = first + datetime.timedelta(days=round((last - first).days * (k - 1) / max(1, n - 1)))
        note = (
            f"{number + k}. Stand: {len(data['measures'])} Maßnahmen, {len(data['indicators'])} "
            f"Kennzahlen. {texts.NOTE}"
        )
        rows.append(
            (pk, number + k, f"Fortschreibung {number + k} (Skalierungsdaten)", day, note, data)
        )
    ctx.writer.write(
        Revision,
        ("id", "number", "title", "published_on", "change_note", "snapshot"),
        rows,
        total=n,
        label="revisions",
        edition_id=ctx.edition.pk,
        published_by_id=None,
        is_sample=True,
        sample_note=texts.NOTE,
    )
    ctx.targets["revision"] = ids[-1]
