"""The benchmark (scripts/bench.py) runs end to end on a small sample: its own database,
the README's production steps (migrate, collectstatic with production settings,
gunicorn), the pages with and without the page cache, wrk. It checks that every
measured page answers and that nothing failed under load; the speed itself is the
benchmark's business (docs/performance.md), never a test's."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stadtdach.core.testing.services import skip_or_fail

BASE = Path(__file__).resolve().parents[3]
PAGES = "home|idea page|measures|citizen: idea page|OParl meetings"


@pytest.mark.xdist_group("benchmark")
def test_the_benchmark_runs_on_the_production_server(tmp_path):
    if shutil.which("wrk") is None:
        skip_or_fail("wrk is missing (apt-get install wrk)")
    on_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    # The PostgreSQL run measures the production combination: PostgreSQL and Redis.
    database = ["--database", "postgresql", "--cache", "redis"] if on_postgres else []
    results = tmp_path / "results.json"
    command = [sys.executable, "scripts/bench.py", "--scale", "demo", *database]
    command += ["--seconds", "1", "--connections", "2", "--only", PAGES]
    command += ["--json", str(results), "--var-dir", str(tmp_path / "var")]
    done = subprocess.run(  # noqa: S603 - our own script
        command, cwd=BASE, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    measured = json.loads(results.read_text())
    assert set(measured["trivial"]) == {"cached", "uncached"}
    assert len(measured["pages"]) == len(PAGES.split("|"))
    for name, page in measured["pages"].items():
        assert page["status"] == 200, name
        assert page["queries"] > 0 and page["bytes"] > 1000, name
        for mode in ("cached", "uncached"):
            assert page[mode]["rps"] > 0, (name, mode)
            assert page[mode]["failed"] == 0 and page[mode]["timeouts"] == 0, (name, mode)
    assert "| home | anonymous |" in done.stdout
    # collectstatic ran with the production settings: the hashed manifest is there.
    assert (tmp_path / "var" / "static" / "staticfiles.json").exists()
