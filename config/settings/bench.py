"""The benchmark (scripts/bench.py, docs/performance.md): exactly the production settings,
plus the trivial view that every page is measured against."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
