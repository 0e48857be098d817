"""The scale-out check's driver: ``python -m scripts.scaleout.run`` (make scaleout-check)."""

import argparse
import json
import os
import shutil
import signal
import sys
import time
import warnings
from pathlib import Path

import urllib3

from scripts.scaleout.stack import CheckError, Stack, say

warnings.filterwarnings("ignore", category=urllib3.exceptions.InsecureRequestWarning)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def bring_up(stack: Stack, args) -> dict:
    """The README's production steps, in order (docs/operations.md)."""
    started = time.monotonic()
    database = stack.start_postgres()
    redis = stack.start_redis()
    s3 = stack.start_s3()
    stack.environment(
        database,
        redis,
        s3,
        {
            # The check logs staff in with a password: two-factor log-in is off for it
            # (its own browser tests cover it); rate limits do not apply to the load
            # client's address (docs/operations.md, "Load test").
            "STADTDACH_STAFF_MFA_REQUIRED": "false",
            "RATE_LIMIT_EXEMPT": "127.0.0.1",
            "SECURE_HSTS_SECONDS": "0",
            "TASK_HEARTBEAT_SECONDS": "1",
            "TASK_LEASE_SECONDS": "6",
            "READY_TASK_MAX_AGE": "120",
            "GUNICORN_PRELOAD": "true",  # one import per server instead of one per worker
        },
    )
    say(f"  PostgreSQL {stack.postgres.url}, Redis {redis}, S3 {s3}")
    step = time.monotonic()

    def done(what):
        nonlocal step
        say(f"  {what}: {time.monotonic() - step:.1f} s")
        step = time.monotonic()

    stack.manage("ensure_bucket")
    stack.manage("migrate", "--noinput", "-v0")
    done("migrate")
    stack.manage("collectstatic", "--noinput", "-v0")
    done("collectstatic")
    stack.manage("load_boizenburg_demo", "--if-empty", timeout=600)
    done("demo loaded")
    accounts = json.loads(
        stack.manage("shell", "-c", Path(__file__).with_name("setup_data.py").read_text())
        .strip()
        .splitlines()[-1]
    )
    done(f"{len(accounts['citizens'])} citizens and their sessions")
    stack.start_web("app-a", args.workers, wait=False)
    stack.start_web("app-b", args.workers, wait=False)
    stack.wait_web("app-a")
    stack.wait_web("app-b")
    done("two app servers")
    stack.start_worker("worker-1")
    stack.start_worker("worker-2")
    stack.start_haproxy(args.workers)
    done("workers and HAProxy")
    say(f"  up in {time.monotonic() - started:.0f} s: {stack.servers} behind {stack.site}")
    return accounts


def missing_tools() -> list[str]:
    from scripts.scaleout.stack import PG_BIN

    needed = {
        "haproxy": shutil.which("haproxy"),
        "redis-server": shutil.which("redis-server"),
        "openssl": shutil.which("openssl"),
        "initdb": (PG_BIN / "initdb").exists(),
    }
    return [name for name, found in needed.items() if not found]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers per server")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--p95-ms",
        type=int,
        default=1000,
        help="the load test's p95 limit (issue 11: 1000); a different one is named in the result",
    )
    parser.add_argument(
        "--think",
        default="5,15",
        help="seconds between a user's clicks, MIN,MAX (5,15: reading; 1,3: a stress test)",
    )
    parser.add_argument("--hold", action="store_true", help="start, then wait (exploring)")
    parser.add_argument("--skip", default="", help="comma-separated: cross,load,faults")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)
    if missing := missing_tools():
        reason = f"scale-out check: {', '.join(missing)} missing"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            say(f"error: {reason} (required when CI=true)")
            return 1
        say(f"skipped: {reason}")
        return 0
    stack = Stack()
    results = []
    try:
        say("== starting the production set-up")
        accounts = bring_up(stack, args)
        if args.hold:
            say(json.dumps({"site": stack.site, "servers": stack.servers, "root": str(stack.root)}))
            while True:
                time.sleep(5)
        skip = set(args.skip.split(","))
        if "cross" not in skip:
            from scripts.scaleout import cross

            results += cross.run(stack, accounts)
        if "load" not in skip:
            from scripts.scaleout import load

            results += load.run(
                stack,
                accounts,
                users=args.users,
                seconds=args.seconds,
                p95_ms=args.p95_ms,
                think=args.think,
            )
        if "faults" not in skip:
            from scripts.scaleout import faults

            results += faults.run(stack, accounts, workers=args.workers)
    except CheckError as error:
        say(f"error: {error}")
        results.append(("set-up", False, str(error)))
    except KeyboardInterrupt:
        say("interrupted")
        results.append(("interrupted", False, "Ctrl+C or SIGTERM"))
    finally:
        say("== stopping everything")
        stack.close()
    width = max(len(name) for name, _, _ in results) if results else 10
    say("\n== scale-out check")
    for name, ok, detail in results:
        say(f"{'PASS' if ok else 'FAIL'}  {name:<{width}}  {detail}")
    return 0 if results and all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
