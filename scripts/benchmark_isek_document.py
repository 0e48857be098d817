"""How long the ISEK document takes: for the Boizenburg demo and for a synthetic edition
with 300 measures and 50 indicators. Not a test: it prints the times.

    .venv/bin/python scripts/benchmark_isek_document.py [--measures 300] [--indicators 50]
        [--runs 3] [--no-docx]

Everything happens in a throw-away SQLite database in a temporary folder (migrated, then
deleted); the shared development database is never touched. Each document is generated
the way the task worker does it (``reports.generation.generate``, the demo first, so the
synthetic edition meets a warm process as in the worker), then its phases are timed on
their own: building the blocks from the data, the HTML, WeasyPrint's layout, and drawing
plus tagging plus writing the PDF. Each row gives the median wall time and the median CPU
time of this process: on a busy machine the wall time includes waiting for a core.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'benchmark.sqlite3'}"
    os.environ["STADTDACH_VAR_DIR"] = str(folder)
    # The test settings: files in memory, tasks run at once, mail kept in memory.
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def synthetic_edition(measures: int, indicators: int):
    """An edition with every action field, ratings, goals, ``measures`` measures with
    budget lines and financing, progress, milestones and ``indicators`` indicators with
    ten values each — created in bulk."""
    import datetime
    from decimal import Decimal

    from stadtdach.finance.models import Budget, BudgetLine, FundingProgramme, MeasureFunding
    from stadtdach.monitoring.models import (
        ImplementationMilestone,
        Indicator,
        IndicatorValue,
        MeasureImplementation,
        ProgressUpdate,
    )
    from stadtdach.strategy.models import (
        ActionField,
        ActionFieldThemeRating,
        CrossCuttingTheme,
        Edition,
        EditionActionField,
        EditionTheme,
        Goal,
        Measure,
        MeasureThemeRating,
        SwotEntry,
        Vision,
    )

    d = datetime.date
    edition = Edition.objects.create(name="ISEK Benchmark", slug="isek-benchmark", is_sample=True)
    Vision.objects.create(edition=edition, title="Leitbild", text="Ein Leitbild. " * 40)
    fields = list(ActionField.objects.all())
    themes = list(CrossCuttingTheme.objects.all())
    EditionActionField.objects.bulk_create(
        EditionActionField(edition=edition, action_field=f, selected=True, reason="Begründung")
        for f in fields
    )
    EditionTheme.objects.bulk_create(
        EditionTheme(edition=edition, theme=t, selected=True) for t in themes
    )
    ActionFieldThemeRating.objects.bulk_create(
        ActionFieldThemeRating(edition=edition, action_field=f, theme=t, score=(i + j) % 4)
        for i, f in enumerate(fields)
        for j, t in enumerate(themes)
    )
    SwotEntry.objects.bulk_create(
        SwotEntry(edition=edition, action_field=f, kind=kind, text=f"{kind} von {f.name}")
        for f in fields
        for kind in ("strength", "weakness", "opportunity", "threat")
    )
    goals = Goal.objects.bulk_create(
        Goal(edition=edition, action_field=f, title=f"Ziel {n} für {f.name}", order=n)
        for f in fields
        for n in range(3)
    )
    statuses = ["planned", "preparation", "implementation", "completed", "idea"]
    created = Measure.objects.bulk_create(
        Measure(
            edition=edition,
            action_field=fields[i % len(fields)],
            code=f"B-{i:03d}",
            title=f"Maßnahme {i} mit einem aussagekräftigen Titel",
            description="Beschreibung der Maßnahme. " * 8,
            status=statuses[i % len(statuses)],
            priority="ABC"[i % 3],
            start=d(2023 + i % 3, 1, 1),
            end=d(2027 + i % 3, 12, 31),
            estimated_cost=Decimal(50_000 + 1_000 * i),
            is_sample=True,
        )
        for i in range(measures)
    )
    Measure.goals.through.objects.bulk_create(
        Measure.goals.through(measure_id=m.pk, goal_id=goals[i % len(goals)].pk)
        for i, m in enumerate(created)
    )
    MeasureThemeRating.objects.bulk_create(
        MeasureThemeRating(measure=m, theme=t, score=(i + j) % 4)
        for i, m in enumerate(created)
        for j, t in enumerate(themes)
    )
    budgets = {b.year: b for b in Budget.objects.all()}
    programmes = list(FundingProgramme.objects.all())
    MeasureFunding.objects.bulk_create(
        MeasureFunding(measure=m, programme=programmes[i % len(programmes)])
        for i, m in enumerate(created)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(measure=m, budget=budgets[year], planned=Decimal(10_000 + i))
        for i, m in enumerate(created)
        for year in range(m.start.year, m.end.year + 1)
        if year in budgets
    )
    MeasureImplementation.objects.bulk_create(
        MeasureImplementation(measure=m, progress=(i * 7) % 100, last_update_on=d(2026, 6, 30))
        for i, m in enumerate(created)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            measure=m,
            date=d(2026, 6, 30),
            progress=(i * 7) % 100,
            status=m.status,
            note="Umsetzung läuft.",
        )
        for i, m in enumerate(created)
    )
    ImplementationMilestone.objects.bulk_create(
        ImplementationMilestone(measure=m, title="Fertigstellung", due_on=m.end, order=1)
        for m in created
    )
    context = min(indicators, len(fields) * 2)
    made = Indicator.objects.bulk_create(
        [
            Indicator(
                edition=edition,
                code=f"K-{n}",
                kind="context",
                action_field=fields[n % len(fields)],
                name=f"Kontextindikator {n}",
                unit="Personen",
                baseline_value=Decimal(1000),
                baseline_year=2021,
                target_value=Decimal(1200),
                target_year=2030,
            )
            for n in range(context)
        ]
        + [
            Indicator(
                edition=edition,
                code=f"E-{n}",
                kind="result",
                measure=created[n],
                action_field=created[n].action_field,
                name=f"Ergebnisindikator {n}",
                unit="m²",
                baseline_value=Decimal(0),
                baseline_year=2023,
                target_value=Decimal(100),
                target_year=2028,
            )
            for n in range(indicators - context)
        ]
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=i, date=d(year, 12, 31), value=Decimal(980 + 15 * (year - 2015)))
        for i in made
        for year in range(2016, 2026)
    )
    return edition


def pages(content: bytes) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    # pdfinfo (poppler-utils) found on the PATH, reading our own file.
    info = subprocess.run(  # noqa: S603 - a fixed local tool reading our own file
        [shutil.which("pdfinfo"), "-"],
        input=content,
        capture_output=True,
        check=False,
    ).stdout.decode()
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


class Clock:
    """Wall and CPU time of one step. The CPU time (this process only) is what the
    step costs on an idle core; on a shared machine the wall time also holds waiting."""

    def __init__(self):
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def measure(edition, runs: int, docx: bool) -> list[tuple[str, list, str]]:
    """Rows (step, [(wall, cpu) per run], note): the whole task, then its phases."""
    from stadtdach.reports.documents.docx import render_docx
    from stadtdach.reports.documents.pdf import html_of, layout_pdf, write_pdf
    from stadtdach.reports.generation import build_document, context_for, generate
    from stadtdach.reports.models import Report

    steps: dict[str, list] = {}
    notes: dict[str, str] = {}

    def add(name, value):
        steps.setdefault(name, []).append(value)

    for _run in range(runs):
        report = Report.objects.create(
            kind="isek", format="pdf", edition=edition, title=edition.name
        )
        clock = Clock()
        report = generate(report.pk)
        add("generate() PDF", clock.stop())
        assert report.status == Report.Status.DONE, report.error
        report.file.open("rb")
        content = report.file.read()
        report.file.close()
        notes["generate() PDF"] = f"{len(content) / 1024:.0f} KiB, {pages(content)} pages"
        clock = Clock()
        document = build_document(report, context_for(report))
        add("  build blocks from the data", clock.stop())
        clock = Clock()
        html = html_of(document)
        add("  HTML from the blocks", clock.stop())
        notes["  HTML from the blocks"] = f"{len(html) / 1024:.0f} KiB"
        clock = Clock()
        laid_out = layout_pdf(document)
        wall, cpu = clock.stop()
        add(
            "  layout (WeasyPrint render)",
            (
                wall - steps["  HTML from the blocks"][-1][0],
                cpu - steps["  HTML from the blocks"][-1][1],
            ),
        )
        clock = Clock()
        write_pdf(laid_out)
        add("  drawing, tags, PDF file", clock.stop())
    if docx:
        report = Report.objects.create(
            kind="isek", format="docx", edition=edition, title=edition.name
        )
        clock = Clock()
        report = generate(report.pk)
        add("generate() DOCX", clock.stop())
        clock = Clock()
        render_docx(document)
        add("  write DOCX (python-docx)", clock.stop())
    return [(name, values, notes.get(name, "")) for name, values in steps.items()]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=300)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3, help="PDF runs per edition (median)")
    parser.add_argument("--no-docx", action="store_true", help="time the PDF only")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="stadtdach-benchmark-"))
    try:
        setup(folder)
        from django.core.management import call_command

        from stadtdach.strategy.models import Edition

        started = time.perf_counter()
        call_command("load_boizenburg_demo", verbosity=0)
        print(f"Demo loaded in {time.perf_counter() - started:.1f} s")
        demo = Edition.objects.get(slug="isek-2022")
        results = [("Demo: ISEK 2022", measure(demo, args.runs, not args.no_docx))]
        started = time.perf_counter()
        edition = synthetic_edition(args.measures, args.indicators)
        print(f"Synthetic edition created in {time.perf_counter() - started:.1f} s")
        label = f"Synthetic: {args.measures} measures, {args.indicators} indicators"
        results.append((label, measure(edition, args.runs, not args.no_docx)))
        print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for title, rows in results:
            print(f"\n{title} (median of {args.runs} runs)")
            print(f"  {'step':<32} {'wall':>7} {'CPU':>7}  (wall min–max)")
            for name, values, note in rows:
                walls, cpus = [v[0] for v in values], [v[1] for v in values]
                spread = f"{min(walls):.1f}–{max(walls):.1f}" if len(values) > 1 else ""
                print(
                    f"  {name:<32} {median(walls):6.2f}s {median(cpus):6.2f}s  {spread:<10} {note}"
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
