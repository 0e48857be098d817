"""Cross-server checks (issue 11, part 4): state lives in PostgreSQL, Redis and S3, never
in one app server."""

import re
import time
import uuid

import boto3

from scripts.scaleout.client import Client, id_from
from scripts.scaleout.stack import say

IDEAS = "/beteiligung/verfahren/ideen-innenstadt-und-elbufer/"


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


def session_shared(a: str, b: str, accounts) -> tuple[bool, str]:
    citizen = Client(a)
    citizen.login(accounts["citizens"][0], accounts["password"])
    citizen.base = b
    page = citizen.get("/konto/")
    ok = page.status_code == 200 and accounts["citizens"][0] in page.text
    return ok, f"log-in through A, /konto/ through B: {page.status_code}"


def contribution_and_file(stack, a: str, b: str, accounts) -> list[tuple[str, bool, str]]:
    visitor = Client(b, address="198.51.100.20")
    for _ in range(3):  # the first request stores a hint, the next the page
        primed = visitor.get(IDEAS)
    cached = primed.headers.get("X-Stadtdach-Cache")
    citizen = Client(a, address="198.51.100.21")
    citizen.login(accounts["citizens"][1], accounts["password"])
    title = f"Bank am Elbufer {uuid.uuid4().hex[:6]}"
    image = _png()
    response = citizen.form(
        IDEAS + "ideen/neu/",
        "ideen/neu",
        title=title,
        text="Eine Sitzbank mit Blick auf die Elbe, bitte mit Schatten.",
        image_1_description="Skizze der Bank",
        confirm_new="on",
        __files={"image_1": ("bank.png", image, "image/png")},
    )
    idea = id_from(response.headers.get("Location", ""), r"/beitraege/(\d+)/")
    seen = visitor.get(IDEAS)
    shown = seen.status_code == 200 and title in seen.text
    results = [
        (
            "contribution via A on B's cached page",
            bool(idea) and cached == "hit" and shown,
            f"B's page was a cache {cached}; idea {idea} ({response.status_code}) "
            f"{'shown at once' if shown else 'NOT shown'} "
            f"({seen.headers.get('X-Stadtdach-Cache')})",
        )
    ]
    page = visitor.get(f"/beteiligung/beitraege/{idea}/")
    links = re.findall(r'/beteiligung/bilder/[^"\']+/', page.text)
    if not links:
        return [*results, ("file uploaded via A, downloaded via B", False, "no image link")]
    via_b = visitor.get(links[0])
    via_a = Client(a).get(links[0])
    s3 = boto3.client(
        "s3",
        endpoint_url=stack.env["S3_ENDPOINT_URL"],
        aws_access_key_id="scaleout",
        aws_secret_access_key=stack.env["S3_SECRET_ACCESS_KEY"],
        region_name="eu-central-1",
    )
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=stack.env["S3_BUCKET"]).get("Contents", [])]
    media = stack.root / "var" / "media"
    local = [f for f in media.rglob("*") if f.is_file()] if media.exists() else []
    ok = (
        via_b.status_code == 200
        and via_b.headers.get("Content-Type", "").startswith("image/")
        and via_b.content == via_a.content
        and len(keys) > 0
        and not local
    )
    return [
        *results,
        (
            "file uploaded via A, downloaded via B",
            ok,
            f"B: {via_b.status_code} {via_b.headers.get('Content-Type')} "
            f"{len(via_b.content)} bytes, "
            f"same as A: {via_b.content == via_a.content}; {len(keys)} objects in S3, "
            f"{len(local)} on local disk",
        ),
    ]


def rate_limit_shared(a: str, b: str) -> tuple[bool, str]:
    """Five feedback posts (the default limit) from one address, spread over A and B; the
    sixth is refused wherever it goes."""
    address = f"203.0.113.{int(time.time()) % 200 + 1}"
    codes = []
    for n in range(6):
        client = Client(a if n % 2 == 0 else b, address=address)
        codes.append(client.form("/barrierefreiheit/", "").status_code)
    ok = all(code != 429 for code in codes[:5]) and codes[5] == 429
    return ok, f"answers A,B,A,B,A,B: {codes} (limit 5)"


def report_by_worker(a: str, b: str) -> tuple[bool, str]:
    staff = Client(a, address="198.51.100.30")
    staff.login("koordination", "stadtdach-demo")
    started = time.monotonic()
    response = staff.form("/berichte/neu/monitoringbericht/", "monitoringbericht")
    report = id_from(response.headers.get("Location", ""), r"/berichte/(\d+)/")
    if not report:
        return False, f"request refused: {response.status_code}"
    staff.base = b
    while time.monotonic() - started < 120:
        page = staff.get(f"/berichte/{report}/")
        if f"/berichte/{report}/datei/" in page.text:
            break
        if "could not be generated" in page.text or "nicht erstellt" in page.text:
            return False, "generation failed"
        time.sleep(0.5)
    else:
        return False, "not generated within 120 s"
    file = staff.get(f"/berichte/{report}/datei/")
    took = time.monotonic() - started
    ok = file.status_code == 200 and (file.content[:4] == b"%PDF" or file.content[:2] == b"PK")
    return (
        ok,
        f"report {report} generated in {took:.1f} s, B: {file.status_code}, "
        f"{len(file.content)} bytes",
    )


def metrics(stack, a: str) -> tuple[bool, str]:
    """/metrics on a server (all its gunicorn workers added up), never through the proxy."""
    import requests

    text = requests.get(a + "/metrics", timeout=10).text
    public = requests.get(stack.site + "/metrics", timeout=10, verify=False).status_code  # noqa: S501 - self-signed
    wanted = (
        "django_http_requests_latency_seconds_by_view_method_bucket",
        'stadtdach_task_queue_depth{status="ready"}',
        "stadtdach_task_oldest_ready_seconds",
        "stadtdach_page_cache_hit_ratio",
        'stadtdach_page_cache_requests_total{result="hit"}',
    )
    missing = [name for name in wanted if name not in text]
    ratio = re.search(r"^stadtdach_page_cache_hit_ratio ([\d.]+)", text, re.M)
    return not missing and public == 404, (
        f"A's /metrics: {len(text.splitlines())} lines, page cache hit ratio "
        f"{float(ratio.group(1)) if ratio else '?'}; missing {missing}; through HAProxy {public}"
    )


def run(stack, accounts) -> list[tuple[str, bool, str]]:
    say("== cross-server checks")
    a, b = stack.servers["app-a"], stack.servers["app-b"]
    results = []
    for name, check in (
        ("logged in via A, still via B", lambda: session_shared(a, b, accounts)),
        ("rate limit counts across A and B", lambda: rate_limit_shared(a, b)),
        (
            "report requested via A, made by a worker, downloaded via B",
            lambda: report_by_worker(a, b),
        ),
    ):
        try:
            results.append((name, *check()))
        except Exception as error:  # noqa: BLE001 - a failed check, not a crash
            results.append((name, False, f"{type(error).__name__}: {error}"))
        say(f"  {name}: {results[-1][1]}")
    try:
        results += contribution_and_file(stack, a, b, accounts)
    except Exception as error:  # noqa: BLE001
        results.append(
            ("contribution and file across servers", False, f"{type(error).__name__}: {error}")
        )
    try:
        results.append(("metrics of a server, not public", *metrics(stack, a)))
    except Exception as error:  # noqa: BLE001
        results.append(
            ("metrics of a server, not public", False, f"{type(error).__name__}: {error}")
        )
    return results
