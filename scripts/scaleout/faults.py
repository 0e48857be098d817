"""Faults under load (issue 11, part 6): each runs while Locust keeps writing, a prober
reads a page through HAProxy every 0.1 s; recovery times, what users saw and the
acknowledged writes afterwards are reported."""

import threading
import time

import psycopg
import requests

from scripts.scaleout import load
from scripts.scaleout.client import Client, id_from
from scripts.scaleout.stack import say, wait_for

FRIENDLY = "Die Seite ist gleich wieder da"


class Prober(threading.Thread):
    """GET a page through HAProxy every 0.1 s, recording (time, status, friendly?)."""

    def __init__(self, site: str, path: str = "/massnahmen/"):
        super().__init__(daemon=True)
        self.url = site + path
        self.samples: list[tuple[float, int, bool]] = []
        self.stopped = threading.Event()

    def run(self):
        session = requests.Session()
        session.verify = False
        while not self.stopped.is_set():
            now = time.monotonic()
            try:
                response = session.get(self.url, timeout=10, verify=False)
                self.samples.append((now, response.status_code, FRIENDLY in response.text))
            except requests.RequestException:
                self.samples.append((now, 0, False))
            time.sleep(0.1)

    def stop(self):
        self.stopped.set()
        self.join(timeout=10)

    def after(self, moment: float):
        return [s for s in self.samples if s[0] >= moment]

    def recovered_at(self, moment: float) -> float | None:
        """The first moment after which every sample was a 200."""
        samples = self.after(moment)
        last_bad = max((t for t, status, _ in samples if status != 200), default=None)
        if last_bad is None:
            return moment
        good = [t for t, status, _ in samples if t > last_bad and status == 200]
        return good[0] if good else None

    def unfriendly(self, moment: float) -> int:
        """Answers that were neither a page nor the friendly 503 page."""
        return sum(
            1
            for _, status, friendly in self.after(moment)
            if status != 200 and not (status == 503 and friendly)
        )


def _psql(stack, sql, *params):
    with psycopg.connect(stack.env["DATABASE_URL"], connect_timeout=3, autocommit=True) as db:
        return db.execute(sql, params).fetchall()


def postgres_restart(stack, prober) -> tuple[bool, str]:
    started = time.monotonic()
    stack.postgres.stop("fast")
    time.sleep(3)  # a restart that takes a while: users meet the outage
    stack.postgres.start()
    back = time.monotonic()
    time.sleep(8)
    recovered = prober.recovered_at(started)
    during = [s for s in prober.after(started) if s[0] <= (recovered or time.monotonic())]
    codes = sorted({status for _, status, _ in during})
    bad = prober.unfriendly(started)
    took = max(recovered - back, 0.0) if recovered else None
    ok = took is not None and took <= 5 and bad == 0
    return ok, (
        f"PostgreSQL down {back - started:.1f} s; site answered 200 again "
        f"{took:.1f} s after it was back"
        if took is not None
        else "site did not recover"
    ) + f"; answers meanwhile {codes}, {bad} not the friendly page"


def app_server_killed(stack, prober, workers: int) -> tuple[bool, str]:
    started = time.monotonic()
    stack.processes["app-a"].kill()
    time.sleep(6)
    bad = [s for s in prober.after(started) if s[1] != 200]
    stack.restart_web("app-a", workers)
    rejoin = time.monotonic()
    wait_for("app-a back in HAProxy", lambda: _served_by_both(stack), 20)
    ok = len(bad) <= 2
    return ok, (
        f"app-a killed: the prober saw {len(bad)} non-200 answers "
        f"({sorted({s[1] for s in bad})}); app-a restarted and back in rotation after "
        f"{time.monotonic() - rejoin:.1f} s"
    )


def _served_by_both(stack) -> bool:
    # HAProxy's stats would tell; cheaper: app-a answers its readiness check again and
    # HAProxy has had a check interval to notice.
    ok = requests.get(stack.servers["app-a"] + "/readyz?checks=database", timeout=2).ok
    time.sleep(1.5)
    return ok


def worker_killed(stack) -> tuple[bool, str]:
    staff = Client(stack.servers["app-b"], address="198.51.100.40")
    staff.login("koordination", "stadtdach-demo")
    response = staff.form("/berichte/neu/isek-dokument/", "isek-dokument", formats=["pdf"])
    report = id_from(response.headers.get("Location", ""), r"/berichte/(\d+)/")
    if not report:
        return False, f"ISEK document not requested: {response.status_code}"
    # One request makes the PDF and the DOCX; the PDF is the one to interrupt.
    pdf = _psql(
        stack,
        "SELECT id FROM reports_report WHERE format = 'pdf' AND request_id = "
        "(SELECT request_id FROM reports_report WHERE id = %s)",
        report,
    )
    report = pdf[0][0] if pdf else report
    rows = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        rows = _psql(
            stack,
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE %s AND args_kwargs::text LIKE %s",
            "%generate_report",
            f"%[{report}]%",
        )
        progress = _psql(stack, "SELECT progress FROM reports_report WHERE id = %s", report)
        if rows and rows[0][0] == "RUNNING" and progress and progress[0][0] > 0:
            break
        time.sleep(0.2)
    else:
        return False, f"the PDF never started: {rows}"
    victim = rows[0][1][-1].removeprefix("scaleout-")
    killed_at_progress = progress[0][0]
    killed = time.monotonic()
    stack.processes[victim].kill()
    while time.monotonic() - killed < 180:
        page = staff.get(f"/berichte/{report}/")
        done = f"/berichte/{report}/datei/" in page.text
        if done or "could not be generated" in page.text:
            break
        time.sleep(0.5)
    took = time.monotonic() - killed
    final = _psql(
        stack,
        "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
        "WHERE args_kwargs::text LIKE %s AND task_path LIKE %s",
        f"%[{report}]%",
        "%generate_report",
    )
    running = _psql(
        stack, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
    )
    file = staff.get(f"/berichte/{report}/datei/") if done else None
    stack.start_worker(victim)
    kind = _psql(stack, "SELECT format FROM reports_report WHERE id = %s", report)[0][0]
    magic = {"pdf": b"%PDF", "docx": b"PK"}.get(kind, b"%PDF")
    ok = (
        done
        and file is not None
        and file.content.startswith(magic)
        and final[0][0] == "SUCCESSFUL"
        and running[0][0] == 0
    )
    return ok, (
        f"{victim} killed at {killed_at_progress} % of the {kind.upper()}; finished by "
        f"{final[0][1][-1] if final else '?'} {took:.1f} s later "
        f"(lease {stack.env['TASK_LEASE_SECONDS']} s), task {final[0][0] if final else '?'}, "
        f"{running[0][0]} still running, download {file.status_code if file else '-'}"
    )


def redis_stopped(stack, prober, accounts) -> tuple[bool, str]:
    started = time.monotonic()
    stack.processes["redis"].stop()
    time.sleep(2)
    visitor = Client(stack.site, direct=False)
    page = visitor.get("/massnahmen/")
    uncached = page.status_code == 200 and "X-Stadtdach-Cache" not in page.headers
    citizen = Client(stack.site, direct=False)
    try:
        citizen.login(accounts["citizens"][-1], accounts["password"])
        login = "log-in works"
    except AssertionError as error:
        login = f"log-in refused ({error})"
    title = f"Idee ohne Redis {int(time.time())}"
    response = citizen.form(
        "/beteiligung/verfahren/ideen-innenstadt-und-elbufer/ideen/neu/",
        "ideen/neu",
        title=title,
        confirm_new="on",
        text="Geschrieben, während der Cache-Server stand.",
    )
    idea = id_from(response.headers.get("Location", ""), r"/beitraege/(\d+)/")
    time.sleep(3)
    bad = [s for s in prober.after(started) if s[1] != 200]
    stack.start_redis(stack.redis_port)
    for _ in range(3):
        again = Client(stack.site, direct=False).get("/massnahmen/")
    stored = bool(idea) and bool(
        _psql(
            stack,
            "SELECT 1 FROM participation_contribution WHERE id = %s AND title = %s",
            idea,
            title,
        )
    )
    ok = uncached and login == "log-in works" and stored and not bad
    return ok, (
        f"Redis stopped: pages {'served uncached' if uncached else page.status_code}, "
        f"{login}, idea {idea} {'stored' if stored else 'LOST'}, prober saw {len(bad)} "
        f"non-200; Redis back: cache {again.headers.get('X-Stadtdach-Cache')}"
    )


def run(stack, accounts, *, workers: int = 3, users: int = 10) -> list:
    say(f"== faults under load ({users} Locust users in the background)")
    ack_file = stack.root / "acks-faults.jsonl"
    # Few users clicking fast: writes keep coming while each fault happens.
    _, prefix = load.locust(
        stack,
        accounts,
        users=users,
        seconds=170,
        name="faults",
        ack_file=ack_file,
        background=True,
        think="1,3",
    )
    prober = Prober(stack.site)
    prober.start()
    time.sleep(5)
    results = []
    for name, fault in (
        ("fault: PostgreSQL restarted", lambda: postgres_restart(stack, prober)),
        ("fault: app server killed", lambda: app_server_killed(stack, prober, workers)),
        ("fault: task worker killed during a PDF", lambda: worker_killed(stack)),
        ("fault: Redis stopped", lambda: redis_stopped(stack, prober, accounts)),
    ):
        try:
            results.append((name, *fault()))
        except Exception as error:  # noqa: BLE001 - a failed fault test, not a crash
            results.append((name, False, f"{type(error).__name__}: {error}"))
        say(f"  {results[-1][0]}: {results[-1][1]} {results[-1][2]}")
    prober.stop()
    stack.processes["locust-faults"].stop(timeout=15)
    writes = load.verify(stack, ack_file)
    acked = sum(writes.get("acked", {}).values())
    stored = sum(writes.get("stored", {}).values())
    stack.fault_writes = writes
    results.append(
        (
            "faults: every acknowledged write stored",
            acked > 0 and acked == stored,
            f"{acked} acknowledged during the faults, {stored} found",
        )
    )
    try:  # what Locust's users saw during all four faults
        seen = load.stats(prefix)
        results.append(
            (
                "faults: Locust's users saw no 5xx but the friendly 503",
                seen["5xx"] == seen["friendly_503"],
                f"{seen['requests']} requests, {seen['friendly_503']} friendly 503, "
                f"{seen['5xx'] - seen['friendly_503']} other 5xx, "
                f"errors {seen['errors'][:3]}",
            )
        )
    except (OSError, StopIteration, KeyError) as error:
        results.append(("faults: Locust's statistics", False, f"unreadable: {error}"))
    return results
