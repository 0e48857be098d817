"""How long the ISEK document takes: for the Boizenburg demo and for a synthetic edition
with 300 measures and 50 indicators. Not a test: it prints the times.

    .venv/bin/python scripts/benchmark_isek_document.py [--measures 300] [--indicators 50]

Everything happens in a throw-away SQLite database in a temporary folder (migrated, then
deleted); the shared development database is never touched. Each document is generated
the way the task worker does it (``reports.generation.generate``), and the two steps are
timed on their own as well: building the blocks from the data, and laying them out.
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


def measure(edition) -> list[tuple[str, float, str]]:
    from stadtdach.reports.documents.docx import render_docx
    from stadtdach.reports.documents.pdf import render_pdf
    from stadtdach.reports.generation import build_document, context_for, generate
    from stadtdach.reports.models import Report

    rows = []
    for fmt in ("pdf", "docx"):
        report = Report.objects.create(kind="isek", format=fmt, edition=edition, title=edition.name)
        started = time.perf_counter()
        report = generate(report.pk)
        total = time.perf_counter() - started
        assert report.status == Report.Status.DONE, report.error
        report.file.open("rb")
        content = report.file.read()
        rows.append(
            (
                f"generate() {fmt.upper()}",
                total,
                f"{len(content) / 1024:.0f} KiB"
                + (f", {pages(content)} pages" if fmt == "pdf" else ""),
            )
        )
    report = Report.objects.create(kind="isek", format="pdf", edition=edition, title=edition.name)
    started = time.perf_counter()
    document = build_document(report, context_for(report))
    rows.append(("  build blocks from the data", time.perf_counter() - started, ""))
    started = time.perf_counter()
    render_pdf(document)
    rows.append(("  lay out PDF (WeasyPrint)", time.perf_counter() - started, ""))
    started = time.perf_counter()
    render_docx(document)
    rows.append(("  write DOCX (python-docx)", time.perf_counter() - started, ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=300)
    parser.add_argument("--indicators", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="stadtdach-benchmark-"))
    try:
        setup(folder)
        from django.core.management import call_command

        from stadtdach.strategy.models import Edition

        started = time.perf_counter()
        call_command("load_boizenburg_demo", verbosity=0)
        print(f"Demo loaded in {time.perf_counter() - started:.1f} s")
        results = [("Demo: ISEK 2022", measure(Edition.objects.get(slug="isek-2022")))]
        started = time.perf_counter()
        edition = synthetic_edition(args.measures, args.indicators)
        print(f"Synthetic edition created in {time.perf_counter() - started:.1f} s")
        label = f"Synthetic: {args.measures} measures, {args.indicators} indicators"
        results.append((label, measure(edition)))
        for title, rows in results:
            print(f"\n{title}")
            for name, seconds, note in rows:
                print(f"  {name:<32} {seconds:6.1f} s  {note}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
