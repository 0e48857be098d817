"""`make bench`: the production server under load, every key page beside a trivial view.

Prepares a database of its own (migrate, the demo town, `generate_scale_data --scale S`),
collects the static files, then starts gunicorn with the production settings twice, with
the page cache on and off, and loads each page with wrk (loopback only, a few seconds per
page). Prints per page requests/s, p50/p99 and the share of the trivial view's requests/s
that the same server answered in the same run, with the SQL queries and HTML size of
building the page; `--write-docs` puts the table into docs/performance.md.

    .venv/bin/python scripts/bench.py --scale aplus --database sqlite
    .venv/bin/python scripts/bench.py --scale berlin --database postgresql --cache redis

A benchmark, not a test: the numbers are ratios on a shared machine, not limits.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
DOCS = BASE / "docs" / "performance.md"
SCALES = ("demo", "aplus", "berlin")


class BenchError(Exception):
    """A reason to stop, printed without a traceback."""


def run(command: list[str], env: dict[str, str], *, quiet: bool = True) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py and tools
        command, env=env, cwd=BASE, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command[1:3])} failed:\n{result.stderr[-3000:]}")
    if not quiet:
        sys.stderr.write(result.stderr)
    return result.stdout


def database_url(scale: str, database: str, var: Path) -> str:
    if database == "sqlite":
        return f"sqlite:///{var / 'bench.sqlite3'}"
    name = f"stadtdach_bench_{scale}"
    try:
        import psycopg
    except ImportError as error:
        raise BenchError("psycopg is missing: run make setup") from error
    try:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3) as pg:
            exists = pg.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                pg.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        raise BenchError(f"PostgreSQL not reachable at {POSTGRES}: {error}".strip()) from error
    return f"{POSTGRES}/{name}"


def environment(args, var: Path, url: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PAGE_CACHE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=url,
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STADTDACH_VAR_DIR=str(var),
        LOG_LEVEL="WARNING",
        DATABASE_CONN_MAX_AGE="60",
    )
    if args.cache == "redis":
        env["REDIS_URL"] = REDIS
    else:
        env["SINGLE_SERVER"] = "true"  # production settings want REDIS_URL otherwise
    return env


def prepare(args, env: dict[str, str], var: Path) -> None:
    """Migrate, load the demo and the scale data once per database, collect static files."""
    manage = [PYTHON, "manage.py"]
    stamp = var / f"generated-{args.scale}-{args.database}"
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "load_boizenburg_demo", "--if-empty"], env)
    if args.scale != "demo" and not stamp.exists():
        say(f"generating scale data ({args.scale}, {args.database}) ...")
        started = time.monotonic()
        run([*manage, "generate_scale_data", "--scale", args.scale], env, quiet=False)
        say(f"  done in {time.monotonic() - started:.0f} s")
        stamp.write_text(time.strftime("%Y-%m-%d %H:%M"))
    run([*manage, "collectstatic", "--noinput", "-v0"], env)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def server(env: dict[str, str], *, workers: int, page_cache: bool):
    port = free_port()
    command = [
        GUNICORN,
        "config.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--no-control-socket",
        "--log-level=warning",
    ]
    process = subprocess.Popen(  # noqa: S603
        command,
        env={**env, "PAGE_CACHE": "true" if page_cache else "false"},
        cwd=BASE,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                if fetch(base + "/healthz")[0] == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise BenchError("gunicorn did not start (see its output above)")
            time.sleep(0.2)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def fetch(url: str, cookie: str = "") -> tuple[int, int]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _millis(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def load(url: str, *, seconds: float, connections: int, cookie: str = "") -> dict:
    """wrk against one address: requests/s, p50 and p99 in ms, failed responses."""
    for _ in range(3):  # warm-up: the first request builds, the second stores
        fetch(url, cookie)
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds:g}s"]
    command += ["--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _millis(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _millis(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*timeout (\d+)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "failed": int(bad.group(1)) if bad else 0,
        "timeouts": int(errors.group(1)) if errors else 0,
    }


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(args, env, described) -> dict:
    pages = [p for p in described["pages"] if re.search(args.only, p["name"])]
    results: dict = {"trivial": {}, "pages": {p["name"]: dict(p) for p in pages}}
    for page_cache in (True, False):
        mode = "cached" if page_cache else "uncached"
        say(f"server with the page cache {'on' if page_cache else 'off'}:")
        with server(env, workers=args.workers, page_cache=page_cache) as base:
            trivials = []
            for page in pages:
                cookie = described["cookies"].get(page["user"] or "", "")
                status, _size = fetch(base + page["url"], cookie)
                if status != 200:
                    raise BenchError(f"{page['name']} ({page['url']}) answered {status}")
                # The trivial view right before each page: on a shared machine the load
                # of other work changes from minute to minute, so each page is compared
                # with what the same server answered just before.
                trivial = load(
                    base + "/__benchmark__/trivial",
                    seconds=args.seconds,
                    connections=args.connections,
                )
                trivials.append(trivial["rps"])
                got = load(
                    base + page["url"],
                    seconds=args.seconds,
                    connections=args.connections,
                    cookie=cookie,
                )
                got["trivial"] = trivial["rps"]
                got["share"] = got["rps"] / trivial["rps"]
                results["pages"][page["name"]][mode] = got
                say(f"  {page['name']}: {got['rps']:.0f}/s ({got['share']:.1%})")
            trivials.sort()
            middle = trivials[len(trivials) // 2] if trivials else 0.0
            results["trivial"][mode] = {"rps": middle, "min": trivials[0], "max": trivials[-1]}
    return results


def table(args, results: dict) -> str:
    trivial = results["trivial"]
    lines = [
        f"Scale `{args.scale}`, {args.database}, cache back-end `{args.cache}`, "
        f"gunicorn with {args.workers} sync workers, wrk with {args.connections} connections, "
        f"{args.seconds:g} s per page, {time.strftime('%Y-%m-%d')}. The trivial view, "
        "loaded right before each page, answered "
        f"{trivial['cached']['min']:.0f}-{trivial['cached']['max']:.0f} requests/s "
        f"(median {trivial['cached']['rps']:.0f}) in the run with the page cache and "
        f"{trivial['uncached']['min']:.0f}-{trivial['uncached']['max']:.0f} "
        f"(median {trivial['uncached']['rps']:.0f}) without; each page's % is of the "
        "load just before it.",
        "",
        "| Page | user | with cache: req/s | % trivial | p50 ms | p99 ms "
        "| without: req/s | % trivial | p50 ms | p99 ms | SQL | HTML KB |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, page in results["pages"].items():
        cells = [name, page["user"] or "anonymous"]
        for mode in ("cached", "uncached"):
            got = page[mode]
            cells += [
                f"{got['rps']:.0f}",
                f"{got['share']:.1%}",
                f"{got['p50']:.1f}",
                f"{got['p99']:.1f}",
            ]
        cells += [str(page["queries"]), f"{page['bytes'] / 1024:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_docs(args, text: str) -> None:
    start = f"<!-- bench {args.scale} {args.database} {args.cache} -->"
    end = f"<!-- /bench {args.scale} {args.database} {args.cache} -->"
    block = f"{start}\n{text}\n{end}"
    current = DOCS.read_text() if DOCS.exists() else "# Performance\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + block + rest.split(end, 1)[1]
    else:
        if "## Benchmark results" not in current:
            current = current.rstrip() + "\n\n## Benchmark results\n"
        # A new table goes at the end of the benchmark section, before the next one.
        head, rest = current.split("## Benchmark results", 1)
        section, _, after = rest.partition("\n## ")
        section = section.rstrip() + f"\n\n### {args.scale}, {args.database}\n\n{block}\n"
        current = head + "## Benchmark results" + section + ("\n## " + after if after else "")
    DOCS.write_text(current)


def parse(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=SCALES, default="demo")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--cache", choices=("files", "redis"), default="files")
    parser.add_argument("--seconds", type=float, default=5.0, help="load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default="", help="measure only pages whose name matches")
    parser.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument(
        "--var-dir", type=Path, help="where the SQLite database and files go (var/bench/...)"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse(argv)
    if shutil.which("wrk") is None:
        say("error: wrk is missing (Debian/Ubuntu: apt-get install wrk)")
        return 2
    var = args.var_dir or BASE / "var" / "bench" / f"{args.scale}-{args.database}"
    var.mkdir(parents=True, exist_ok=True)
    try:
        env = environment(args, var, database_url(args.scale, args.database, var))
        if args.cache == "redis":
            run([PYTHON, "-c", f"import redis; redis.Redis.from_url({REDIS!r}).ping()"], env)
        prepare(args, env, var)
        described = json.loads(run([PYTHON, "manage.py", "describe_benchmark"], env))
        results = measure(args, env, described)
    except BenchError as error:
        say(f"error: {error}")
        return 1
    text = table(args, results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    if args.write_docs:
        write_docs(args, text)
        say(f"written to {DOCS.relative_to(BASE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
