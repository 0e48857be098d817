"""The catalogue of hostile values for the fuzz suite, by the kind of field they aim at.

Every entry has a label (printed with a failure), the value, and optionally a probe: a
string that must never appear unescaped in a response (it only appears when the value was
echoed without escaping or evaluated as a template). ``values_for`` picks a few entries per
field; which ones depends on the seed and on a counter that walks the whole catalogue, so
that every entry is tried in a run and a failure reproduces with the same seed
(``FUZZ_SEED``). How many per field the runner plans from a budget of submits per role;
``FUZZ_DEPTH=<n>`` fixes the number, ``FUZZ_DEPTH=all`` tries every entry on every field.
``FUZZ_EXHAUSTIVE=1`` is the full local run: every entry on every field, every form of
every role field by field, and a deeper crawl (docs/testing-hostile-input.md).
"""

import os
import random
from dataclasses import dataclass

DEFAULT_SEED = 16


@dataclass(frozen=True)
class Hostile:
    label: str
    value: str
    probe: str = ""


# Probes: markup or template output that can only appear if the input was not escaped.
PROBE_TAG = "<fz-probe"
PROBE_TEMPLATE = "1337fz"

TEXT = (
    Hostile("NUL", "Markt\x00platz"),
    Hostile("only NUL", "\x00"),
    Hostile("control characters", "a\x01\x07\x08\x1b[31mrot\x7f\x9f"),
    Hostile("100,000 characters", "x" * 100_000),
    Hostile("100,000 characters with spaces", "Wort " * 20_000),
    Hostile("emoji and combining marks", "🏘️👩‍👩‍👧 Z̴̡̛͉a̶͎̽l̷g̵o ŝ̷̛͍̏ ﬁ İ"),
    Hostile("right-to-left override", "Rechnung\u202efdp.exe \u200f\u2066x\u2069"),
    Hostile("zero-width and BOM", "\ufeff\u200b\u200d\u2060"),
    Hostile("header injection", "Betreff\r\nBcc: opfer@example.org\r\n\r\nText"),
    Hostile("line breaks only", "\r\n\r\n\n\r"),
    Hostile("whitespace only", " \t\u00a0\u3000 "),
    Hostile("script tag", "<script>fz()</script><fz-probe>", PROBE_TAG),
    Hostile("attribute breakout", "\"'><fz-probe onmouseover=alert(1)>", PROBE_TAG),
    Hostile("template syntax", "{{ 7|add:1330 }}fz {% debug %} {{ request.user.password }}"),
    Hostile("SQL quote", "' OR '1'='1' --"),
    Hostile("SQL statement", "1; DROP TABLE accounts_user; --"),
    Hostile("LIKE wildcards", "%_%\\%[a-z]*"),
    Hostile("path traversal", "../../../../etc/passwd"),
    Hostile("JSON", '{"type": "Point", "coordinates": [1e999, "x"]}'),
    Hostile("null words", "None"),
)

NUMBER = (
    Hostile("huge number", "9" * 40),
    Hostile("float overflow", "1e309"),
    Hostile("NaN", "NaN"),
    Hostile("infinity", "-Infinity"),
    Hostile("negative", "-1"),
    Hostile("large negative", "-9223372036854775809"),
    Hostile("int32 overflow", "2147483648"),
    Hostile("int64 overflow", "9223372036854775808"),
    Hostile("not a number", "abc"),
    Hostile("German decimal", "1,5"),
    Hostile("Arabic-Indic digits", "١٢٣"),
    Hostile("superscript digit", "²"),
    Hostile("full-width digits", "\uff11\uff12"),
    Hostile("hex", "0x10"),
    Hostile("tiny exponent", "1e-400"),
    Hostile("many decimals", "0." + "1" * 60),
    Hostile("NUL in number", "1\x00"),
)

DATE = (
    Hostile("30 February", "2021-02-30"),
    Hostile("month 13", "2021-13-01"),
    Hostile("zero date", "0000-00-00"),
    Hostile("year 9999", "9999-12-31"),
    Hostile("year 10000", "10000-01-01"),
    Hostile("year 1", "0001-01-01"),
    Hostile("German date 31.02.", "31.02.2021"),
    Hostile("word", "gestern"),
    Hostile("NUL in date", "2021-01-01\x00"),
)

DATETIME = (
    Hostile("30 February, 25:61", "2021-02-30T25:61"),
    Hostile("end of time", "9999-12-31T23:59"),
    Hostile("start of time", "0001-01-01T00:00"),
    Hostile("summer-time gap", "2021-03-28T02:30"),
    Hostile("summer-time fold", "2021-10-31T02:30"),
    Hostile("hour 24", "2021-01-01T24:00"),
    Hostile("date only", "2021-01-01"),
    Hostile("word", "morgen früh"),
    Hostile("end of time with offset", "9999-12-31T23:59:59-12:00"),
    Hostile("start of time with offset", "0001-01-01T00:00:00+14:00"),
)

TIME = (
    Hostile("25:61", "25:61"),
    Hostile("24:00", "24:00"),
    Hostile("negative time", "-1:00"),
    Hostile("too many digits", "12:00:00.99999999999"),
)

EMAIL = (
    Hostile("header injection in address", "fz@example.org\r\nBcc: opfer@example.org"),
    Hostile("markup address", '"<fz-probe>"@example.org', PROBE_TAG),
    Hostile("300-character address", "a" * 300 + "@example.org"),
    Hostile("two addresses", "a@example.org, b@example.org"),
    Hostile("umlaut domain", "jörg@bürger.example"),
    Hostile("no domain", "fz@"),
)

URL = (
    Hostile("javascript URL", "javascript:alert(1)"),
    Hostile("5,000-character URL", "https://" + "a" * 5_000 + ".example.org/"),
    Hostile("broken IPv6", "http://[::1"),
    Hostile("file URL", "file:///etc/passwd"),
)

# Values for choices (select, radio, checkbox) and for hidden fields that carry keys.
CHOICE = (
    Hostile("id 0", "0"),
    Hostile("negative id", "-1"),
    Hostile("id that does not exist", "987654321"),
    Hostile("id beyond BIGINT", "9" * 30),
    Hostile("id with SQL", "1 OR 1=1"),
    Hostile("superscript id", "²"),
    Hostile("non-numeric choice", "nicht-da"),
    Hostile("empty choice", ""),
    Hostile("NUL choice", "1\x00"),
)

# Where a redirect goes after the form (``next``).
REDIRECT = (
    Hostile("external redirect", "https://evil.example.org/"),
    Hostile("scheme-relative redirect", "//evil.example.org/"),
    Hostile("javascript redirect", "javascript:alert(1)"),
)

# The query parameters of the JSON and OParl interfaces, by what they take. OParl 1.1
# defines the list parameters; the site's lists use German names.
QUERY_PARAMETERS = {
    "number": ("page", "seite", "elementsPerPage", "id", "limit", "massnahme"),
    "datetime": ("created_since", "created_until", "modified_since", "modified_until"),
    "text": ("q", "format", "callback", "status"),
}

CATALOGUES = {
    "text": TEXT,
    "number": NUMBER + TEXT[:4],
    "date": DATE + TEXT[:1],
    "datetime": DATETIME + TEXT[:1],
    "time": TIME + TEXT[:1],
    "email": EMAIL + TEXT[:4] + TEXT[8:9],
    "url": URL + TEXT[:4],
    "choice": CHOICE,
    "hidden": CHOICE + TEXT[:4],
    "redirect": REDIRECT,
}
ALL = tuple({h.label + h.value: h for values in CATALOGUES.values() for h in values}.values())


def seed() -> int:
    return int(os.environ.get("FUZZ_SEED", DEFAULT_SEED))


def exhaustive() -> bool:
    """Whether this is the full run (FUZZ_EXHAUSTIVE=1): far too slow for CI."""
    return os.environ.get("FUZZ_EXHAUSTIVE", "") not in ("", "0")


def depth() -> int | str:
    """How many values per field: a number, "all", or "" (the runner plans it)."""
    value = os.environ.get("FUZZ_DEPTH", "") or ("all" if exhaustive() else "")
    return value if value in ("", "all") else int(value)


class Sampler:
    """Hands out hostile values per field: a few at a time, walking each catalogue from an
    offset chosen by the seed, so that a run tries every entry across its fields."""

    def __init__(self, *, salt: str = "", per_field: int | None = None):
        self.random = random.Random(f"{seed()}:{salt}")  # noqa: S311 - reproducible, not secret
        fixed = depth() if per_field is None else per_field
        self.fixed = fixed != ""
        self.per_field = 2 if fixed == "" else (None if fixed == "all" else fixed)
        self.position = {kind: self.random.randrange(len(v)) for kind, v in CATALOGUES.items()}
        self.used: set[str] = set()

    def values_for(self, kind: str) -> list[Hostile]:
        catalogue = CATALOGUES[kind]
        count = len(catalogue) if self.per_field is None else min(self.per_field, len(catalogue))
        start = self.position[kind]
        self.position[kind] = (start + count) % len(catalogue)
        chosen = [catalogue[(start + i) % len(catalogue)] for i in range(count)]
        self.used.update(h.label for h in chosen)
        return chosen
