# Stadtdach: `make run` starts the demo, `make test` runs every check (README.md).
# The first run builds .tools (uv) and .venv (locked dependencies); later runs reuse them.

SHELL := /bin/sh
.DEFAULT_GOAL := help
# The steps share .venv and the test databases: never run them side by side (make -j).
.NOTPARALLEL:

PORT ?= 8000
UV_VERSION := 0.13.9
POSTGRES_HOST := 127.0.0.1:5432
POSTGRES_URL := postgres://postgres@$(POSTGRES_HOST)/stadtdach
# Extra pytest arguments, e.g. make test PYTEST_ARGS="-k measures -x".
PYTEST_ARGS ?=
# Parallel test processes (pytest-xdist): one per core, at most four; 0 runs in one process.
PYTEST_WORKERS ?= auto
PYTEST = $(PY) -m pytest --numprocesses=$(PYTEST_WORKERS) --maxprocesses=4 --dist loadgroup

PY := .venv/bin/python
UV := .tools/bin/uv
UV_STAMP := .tools/uv-$(UV_VERSION).stamp
VENV_STAMP := .venv/.stadtdach-synced

.PHONY: help setup run dev test lint check-migrations test-sqlite test-postgres scaleout-check bench messages format clean

help:
	@echo "make run      start the demo at http://127.0.0.1:$(PORT)/ (PORT=8001 make run for another port)"
	@echo "make dev      the same with Django's autoreloading development server and DEBUG on"
	@echo "make test     lint, import layers, migrations, pytest on SQLite and on PostgreSQL"
	@echo "make setup    only build .tools and .venv (also done by every other target)"
	@echo "make test-sqlite / make test-postgres   one pytest run (PYTEST_ARGS=... to narrow)"
	@echo "make lint     ruff check and import-linter"
	@echo "make format   ruff format and ruff's automatic fixes"
	@echo "make scaleout-check  two app servers, two workers and HAProxy on one machine: cross-server, load and fault tests (docs/operations.md)"
	@echo "make bench    the production server under load beside a trivial view (BENCH_ARGS=\"--scale aplus\"); needs wrk"
	@echo "make messages update locale/de (the English source needs no catalogue) and compile it; needs gettext"
	@echo "make clean    remove .venv, .tools and caches (keeps var/: demo database, media)"

$(UV_STAMP):
	@python=$$(sh scripts/find-python) || exit 1; \
	echo "Installing uv $(UV_VERSION) into .tools (with $$python)"; \
	rm -rf .tools && "$$python" -m venv .tools && \
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@touch $@

$(VENV_STAMP): $(UV_STAMP) pyproject.toml uv.lock
	@python=$$(sh scripts/find-python) || exit 1; \
	UV_PYTHON_DOWNLOADS=never $(UV) sync --locked --python "$$python"
	@touch $@

setup: $(VENV_STAMP)

run: setup
	$(PY) manage.py serve_demo --port $(PORT) --settings=config.settings.demo

# Development: Django's autoreloading server with DEBUG on (config.settings.dev).
dev: setup
	$(PY) manage.py serve_demo --port $(PORT) --dev

test: lint check-migrations test-sqlite test-postgres scaleout-check

lint: setup
	.venv/bin/ruff check .
	.venv/bin/lint-imports

check-migrations: setup
	DATABASE_URL=sqlite://:memory: \
		$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test

test-sqlite: setup
	$(PYTEST) $(PYTEST_ARGS)

# CI (CI=true) must reach PostgreSQL; on a developer's machine without it the run is skipped.
test-postgres: setup
	@if $(PY) scripts/postgres_reachable.py "$(POSTGRES_URL)"; then \
		echo "DATABASE_URL=$(POSTGRES_URL) pytest"; \
		DATABASE_URL="$(POSTGRES_URL)" $(PYTEST) $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ] || [ "$$CI" = "1" ]; then \
		echo "error: PostgreSQL not reachable at $(POSTGRES_HOST), and CI=true requires it" >&2; \
		exit 1; \
	else \
		echo "skipped: PostgreSQL not reachable at $(POSTGRES_HOST)"; \
	fi

# The production set-up on one machine (docs/operations.md): own PostgreSQL cluster, Redis,
# S3 server, two app servers, two task workers, HAProxy; cross-server checks, a Locust load
# test, fault tests. Loopback only; stops everything it started. Needs haproxy,
# redis-server and PostgreSQL's binaries: skipped without them locally, a failure in CI.
SCALEOUT_ARGS ?=
scaleout-check: setup
	timeout --kill-after=30 720 $(PY) -m scripts.scaleout.run $(SCALEOUT_ARGS)

# Benchmark (docs/performance.md): e.g. make bench BENCH_ARGS="--scale aplus --write-docs".
BENCH_ARGS ?=
bench: setup
	$(PY) scripts/bench.py $(BENCH_ARGS)

messages: setup
	mkdir -p locale
	$(PY) manage.py makemessages --locale de --no-obsolete --settings=config.settings.test
	$(PY) manage.py compilemessages --ignore '.venv' --ignore '.tools' --settings=config.settings.test

format: setup
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

clean:
	rm -rf .venv .tools .ruff_cache .pytest_cache .import_linter_cache var/static
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
