"""What the fuzz suite observes of one request: the answer, the SQL it wrote, the database's
row counts before and after, the errors the page shows; and the checks on them.

A submit runs inside a savepoint that is rolled back afterwards, so every case starts from
the same data. Writes are read from the SQL the request sent (INSERT, UPDATE, DELETE), row
counts from one query over every table; both must stay unchanged for a rejected submit.
The counts are only read when the request sent a write (without one they cannot change):
after the request inside the savepoint, and after the rollback, which restores the counts
of before the request.
"""

import re
import traceback
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from stadtdach.core.testing.fuzz_values import PROBE_TAG, PROBE_TEMPLATE

# Written on any request and not part of what a form changes.
IGNORED_TABLES = {"django_session", "stadtdach_cache"}
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.I
)
# Words of Django's and our English messages; a German message has none of them.
_ENGLISH = {
    "the", "this", "field", "enter", "ensure", "select", "valid", "value", "please",
    "must", "characters", "is", "not", "required", "number", "date", "choice", "file",
    "submitted", "has", "at", "most", "least", "a", "an", "of", "or", "invalid",
}  # fmt: skip
_GERMAN = {
    "der", "die", "das", "ist", "bitte", "nicht", "ein", "eine", "sie", "zeichen", "wert",
    "gültig", "gültige", "gültigen", "datei", "feld", "dieses", "diese", "höchstens", "mindestens",
    "und", "oder", "zu", "mit", "kein", "keine", "wählen", "geben", "darf", "enthalten",
}  # fmt: skip


@dataclass
class Outcome:
    """One request and what it did."""

    method: str
    url: str
    status: int
    body: str = ""
    content_type: str = ""
    location: str = ""
    writes: list[str] = field(default_factory=list)
    counts_changed: list[str] = field(default_factory=list)
    counts_after: dict[str, int] | None = None  # read when the request wrote
    exception: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict)  # field id -> messages
    general: list[str] = field(default_factory=list)  # form-wide errors, error messages
    followed: "Outcome | None" = None

    @property
    def wrote(self) -> bool:
        return bool(self.writes or self.counts_changed)

    @property
    def shows_errors(self) -> bool:
        return bool(self.errors or self.general)


_counts_sql: tuple[str, str] | None = None
_count_tables: list[str] = []


def _tables() -> list[str]:
    global _counts_sql, _count_tables
    if _counts_sql is None or _counts_sql[0] != connection.vendor:
        names = sorted(
            name
            for name in connection.introspection.table_names()
            if name not in IGNORED_TABLES and not name.startswith("sqlite_")
        )
        quote = connection.ops.quote_name
        # Table names from the database itself, quoted: nothing from outside.
        counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(n)})" for n in names)  # noqa: S608
        sql = f"SELECT {counts}"
        _counts_sql, _count_tables = (connection.vendor, sql), names
    return _count_tables


def row_counts() -> dict[str, int]:
    """The number of rows of every table, in one query."""
    tables = _tables()
    with connection.cursor() as cursor:
        cursor.execute(_counts_sql[1])
        return dict(zip(tables, cursor.fetchone(), strict=True))


def written_tables(queries) -> list[str]:
    tables = []
    for query in queries:
        match = _WRITE.match(query["sql"])
        if match and match.group(1) not in IGNORED_TABLES:
            tables.append(match.group(1))
    return tables


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/stadtdach/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{frame.filename.split('/work/main/')[-1]}:{frame.lineno}"


def request(
    client, method: str, url: str, data=None, *, follow_accepted=True, isolated=True, **extra
):
    """Send one request and return its Outcome; ``isolated`` (the default) runs it inside a
    savepoint that is rolled back afterwards."""
    if not isolated:
        return _observe(client, method, url, data, follow_accepted, extra, before=row_counts())
    with transaction.atomic():
        try:
            outcome = _observe(client, method, url, data, follow_accepted, extra)
        finally:
            transaction.set_rollback(True)
    if outcome.counts_after is not None:
        _compare(outcome, row_counts())  # the rollback restored the counts of before
    return outcome


def _compare(outcome: "Outcome", before: dict[str, int]) -> None:
    after = outcome.counts_after or {}
    outcome.counts_changed = [t for t in before if before[t] != after.get(t)]


def _observe(client, method, url, data, follow_accepted, extra, *, before=None) -> "Outcome":
    """One request; ``before``: the row counts before it, or None when the caller reads
    them after rolling back."""
    with CaptureQueriesContext(connection) as queries:
        try:
            if method == "POST":
                response = client.post(url, data or {}, **extra)
            else:
                response = client.get(url, data or {}, **extra)
        except Exception as exc:  # noqa: BLE001 - a server error is what we look for
            outcome = Outcome(method, url, 500)
            outcome.exception = f"{type(exc).__name__}: {exc}"[:300] + f" at {_where(exc)}"
            return outcome
    outcome = read_response(method, url, response)
    outcome.writes = written_tables(queries.captured_queries)
    try:
        if outcome.writes:
            outcome.counts_after = row_counts()
        else:
            # A database error the view swallowed leaves the transaction unusable.
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
    except DatabaseError as exc:
        outcome.status = 500
        outcome.exception = f"the request left the transaction broken: {exc}"[:300]
        outcome.counts_after = None
        return outcome
    if before is not None and outcome.counts_after is not None:
        _compare(outcome, before)
    if follow_accepted and outcome.writes and is_internal(outcome.location):
        outcome.followed = _observe(client, "GET", outcome.location, None, False, {})
        outcome.followed.counts_after = None  # part of the submit's savepoint
    return outcome


def read_response(method: str, url: str, response) -> Outcome:
    outcome = Outcome(
        method,
        url,
        response.status_code,
        content_type=response.get("Content-Type", ""),
        location=response.get("Location", ""),
    )
    if not response.streaming and "text/html" in outcome.content_type:
        outcome.body = response.content.decode("utf-8", "replace")
        errors = _ErrorParser()
        errors.feed(outcome.body)
        outcome.errors, outcome.general = errors.errors, errors.general
    elif not response.streaming:
        outcome.body = response.content.decode("utf-8", "replace")
    return outcome


def is_internal(location: str) -> bool:
    if location.startswith("http://testserver/"):
        return True
    return location.startswith("/") and not location.startswith(("//", "/\\"))


class _ErrorParser(HTMLParser):
    """Collects the errors a page shows: per field (``<… id="id_x_error">``), form-wide
    (``.form-errors``, ``.error-summary``) and error messages (``.message--error``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.errors: dict[str, list[str]] = {}
        self.general: list[str] = []
        self._stack: list[tuple[str, str | None, bool]] = []  # tag, field id, general
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "input", "img", "meta", "link", "hr"):
            return
        a = dict(attrs)
        element_id = a.get("id") or ""
        classes = (a.get("class") or "").split()
        field_id = element_id[: -len("_error")] if element_id.endswith("_error") else None
        general = bool({"form-errors", "message--error", "error-summary"} & set(classes))
        if field_id or general:
            self._text = []
        self._stack.append((tag, field_id, general))

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, field_id, general = self._stack.pop()
            if field_id or general:
                text = " ".join("".join(self._text).split())
                if field_id:
                    self.errors.setdefault(field_id, []).append(text)
                else:
                    self.general.append(text)
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any(entry[1] or entry[2] for entry in self._stack):
            self._text.append(data)


def looks_english(text: str) -> bool:
    words = re.findall(r"[a-zäöüß]+", text.lower())
    english = sum(word in _ENGLISH for word in words)
    german = sum(word in _GERMAN for word in words)
    return english >= 2 and german == 0


def unescaped_echo(outcome: Outcome) -> str:
    """The probe found raw in an HTML answer, or ''."""
    if "text/html" not in outcome.content_type:
        return ""
    for probe in (PROBE_TAG, PROBE_TEMPLATE):
        if probe in outcome.body:
            return probe
    return ""
