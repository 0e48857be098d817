"""The fuzz suite's runner: build a valid submission for a discovered form, then send it
again and again with one field replaced by a hostile value, and check every answer.

What must hold for every submit (``Fuzzer.check``):

- no server error (5xx, or an exception the test client re-raises);
- no unescaped echo of the input (the catalogue's probes never appear raw in HTML), also
  on the page an accepted submit leads to;
- a rejected submit (4xx, or a page showing new errors) writes nothing: no INSERT, UPDATE
  or DELETE, and the same row counts in every table;
- a rejected submit of a visible field shows an error (at the field, or at the field a
  rule across fields is about, or above the form), in German;
- a redirect never leaves the site.

A form gets the full treatment (every field, one at a time, the others valid) the first
time its set of fields is seen; a sibling with the same fields (the create form of an edit
form) and the forms a role shares with another (``share``) get the light one: the valid
submission, all fields hostile at once, the empty submission and a double click. In the
full run (FUZZ_EXHAUSTIVE=1) every form gets the full treatment.

Failures are collected, not raised one by one: ``Fuzzer.report()`` lists them with the
seed and the depth, so one run shows everything and the same values come again with
``FUZZ_SEED=<seed> FUZZ_DEPTH=<depth>``.
"""

import copy
import re
import zlib
from dataclasses import dataclass

from django.db import transaction

from stadtdach.core.testing import fuzz_checks as checks
from stadtdach.core.testing.fuzz_crawl import Field, Form, parse_page
from stadtdach.core.testing.fuzz_values import Hostile, Sampler, exhaustive, seed

# Honeypot fields stay empty (a bot fills them; the form then pretends success).
HONEYPOTS = {"website"}
NOT_FUZZED = {"csrfmiddlewaretoken"}
# The forms' bookkeeping: not part of what makes two forms the same.
BOOKKEEPING = {"csrfmiddlewaretoken", "form_token", "loaded_version", "next"}
REQUIRED_MARK = ("(Pflichtfeld)", "(required)")
_TEXT_KINDS = {"text", "textarea", "search", "tel", "password"}
_KIND = {
    "email": "email",
    "url": "url",
    "number": "number",
    "range": "number",
    "date": "date",
    "datetime-local": "datetime",
    "time": "time",
    "select": "choice",
    "radio": "choice",
    "checkbox": "choice",
    "hidden": "hidden",
}


def category(field: Field) -> str | None:
    """Which catalogue a field gets, or None for fields that are not fuzzed."""
    if field.name in NOT_FUZZED or field.kind == "file":
        return None
    if field.kind == "hidden" and field.name == "next":
        return "redirect"
    if field.kind in _TEXT_KINDS:
        return "text"
    return _KIND.get(field.kind, "text")


def field_id(field: Field) -> str:
    """The id the form template gives the field (its error is at ``<id>_error``)."""
    if not field.element_id:
        return f"id_{field.name}"
    if field.kind in ("radio", "checkbox"):
        return re.sub(r"_\d+$", "", field.element_id)
    return field.element_id


def stable_hash(value) -> int:
    return zlib.crc32(repr(value).encode())


@dataclass
class Failure:
    who: str
    what: str
    case: str
    reason: str

    def __str__(self) -> str:
        return f"[{self.who}] {self.what} | {self.case}: {self.reason}"


class Fuzzer:
    """Fuzzes the forms one visitor found. ``passwords`` fills password fields by name
    ("*" for new passwords); ``share=(i, n)`` gives this visitor the full treatment only
    for the forms whose hash modulo n is i (two roles that see the same forms split it)."""

    def __init__(self, who: str, *, passwords=None, share: tuple[int, int] | None = None):
        self.who = who
        self.sampler = Sampler(salt=who)
        self.failures: list[Failure] = []
        self.passwords = passwords or {}
        self.share = None if exhaustive() else share
        self.requests = 0
        self._counter = 0
        self._fully_fuzzed: set[tuple] = set()

    # -- reporting ------------------------------------------------------------------

    def fail(self, what: str, case: str, reason: str) -> None:
        self.failures.append(Failure(self.who, what, case, reason))

    def report(self) -> str:
        if not self.failures:
            return ""
        shown = self.failures[:60]
        lines = [
            f"{len(self.failures)} problem(s) found as {self.who}; the same values come "
            f"again with FUZZ_SEED={seed()} FUZZ_DEPTH={self.sampler.per_field or 'all'}:",
            *map(str, shown),
        ]
        if len(self.failures) > len(shown):
            lines.append(f"... and {len(self.failures) - len(shown)} more")
        return "\n".join(lines)

    # -- planning ---------------------------------------------------------------------

    def field_set(self, form: Form) -> tuple:
        return tuple(sorted({f.name for f in form.fields} - BOOKKEEPING))

    def is_mine(self, form: Form) -> bool:
        """Whether this visitor's share includes ``form`` (always without ``share``)."""
        return not self.share or stable_hash(form.signature) % self.share[1] == self.share[0]

    def is_full(self, form: Form) -> bool:
        """Whether ``form`` gets every field fuzzed (see the module's docstring)."""
        if not self.is_mine(form):
            return False
        return exhaustive() or self.field_set(form) not in self._fully_fuzzed

    def plan(self, forms, *, budget: int) -> None:
        """Spread about ``budget`` hostile submits over the fields of the forms that get
        the full treatment (at least one value per field), unless FUZZ_DEPTH is set."""
        if self.sampler.fixed:
            return
        planned: set[tuple] = set()
        count = 0
        for form in forms:
            if not self.is_mine(form):
                continue
            if self.field_set(form) in planned:
                continue
            planned.add(self.field_set(form))
            count += len({f.name for f in form.fields if category(f) is not None})
        self.sampler.per_field = max(1, budget // max(count, 1))

    # -- sending ----------------------------------------------------------------------

    def send(self, client, method, url, data=None, **extra) -> checks.Outcome:
        """One request with the client's cookies restored afterwards (a case that logs out
        or changes the password must not end the session of the next)."""
        cookies = copy.deepcopy(client.cookies)
        try:
            self.requests += 1
            return checks.request(client, method, url, data, **extra)
        finally:
            client.cookies = cookies

    # -- the valid submission ---------------------------------------------------------

    def _plausible(self, field: Field) -> str:
        self._counter += 1
        n = self._counter
        if field.kind == "password":
            return self.passwords.get(field.name, self.passwords.get("*", "Fz-Passwort-2024!x"))
        return {
            "email": f"fz{n}@example.org",
            "url": "https://example.org/",
            "number": "1",
            "range": "1",
            "date": "2024-05-06",
            "datetime-local": "2024-05-06T10:00",
            "time": "10:00",
            "textarea": f"Fuzz-Text {n}",
        }.get(field.kind, f"fz-{n}")

    def baseline(self, client, form: Form) -> tuple[dict, checks.Outcome]:
        """The form as the page rendered it, required fields filled in; one repair round
        for the fields that the first try got wrong."""
        data: dict[str, list[str]] = {}
        for field in form.fields:
            if field.kind == "file":
                continue
            if field.kind == "checkbox":
                if field.checked:
                    data.setdefault(field.name, []).append(field.value)
            elif field.kind == "radio":
                if field.checked or field.name not in data:
                    data[field.name] = [field.value]
            elif field.kind == "select":
                chosen = field.selected or [o for o in field.options if o][:1]
                if chosen:
                    data[field.name] = chosen if field.multiple else chosen[:1]
            elif field.value or field.name in HONEYPOTS or field.kind == "hidden":
                data[field.name] = [field.value]
            elif field.kind == "password" or form.label_of(field.name).endswith(REQUIRED_MARK):
                data[field.name] = [self._plausible(field)]
            else:
                data[field.name] = [""]
        for name, value in form.buttons[:1]:
            data.setdefault(name, [value])
        outcome = self.send(client, "POST", form.action, data)
        if outcome.errors:
            repaired = self._repair(form, data, outcome)
            if repaired != data:
                data = repaired
                outcome = self.send(client, "POST", form.action, data)
        return data, outcome

    def _repair(self, form: Form, data: dict, outcome: checks.Outcome) -> dict:
        data = {name: list(values) for name, values in data.items()}
        for field in form.fields:
            if field_id(field) not in outcome.errors or field.name in HONEYPOTS:
                continue
            if field.kind == "checkbox":
                data.setdefault(field.name, [field.value])
            elif field.kind == "select":
                options = [o for o in field.options if o and o not in data.get(field.name, [])]
                if options:
                    data[field.name] = options[:1]
            elif field.kind not in ("radio", "hidden", "file"):
                if data.get(field.name, [""]) != [""] and not field.value:
                    data[field.name] = [""]
                else:
                    data[field.name] = [self._plausible(field)]
        return data

    # -- the checks -------------------------------------------------------------------

    def check(self, outcome, what: str, case: str, *, field=None, baseline=None) -> None:
        """Everything that must hold for one answer (see the module's docstring)."""
        if outcome.status >= 500:
            self.fail(what, case, f"answered {outcome.status} {outcome.exception}".strip())
            return
        probe = checks.unescaped_echo(outcome) or (
            outcome.followed is not None and checks.unescaped_echo(outcome.followed)
        )
        if probe:
            self.fail(what, case, f"echoed the input unescaped ({probe!r})")
        if outcome.location and not checks.is_internal(outcome.location):
            self.fail(what, case, f"redirected off the site to {outcome.location[:80]!r}")
        if outcome.followed is not None and outcome.followed.status >= 500:
            followed = outcome.followed
            self.fail(
                what, case, f"the page after the submit answered {followed.status} "
                f"{followed.exception}",
            )  # fmt: skip
        new_errors = outcome.shows_errors and not (
            baseline is not None
            and set(outcome.errors) <= set(baseline.errors)
            and set(outcome.general) <= set(baseline.general)
        )
        rejected = outcome.status >= 400 or new_errors
        if rejected and outcome.wrote:
            tables = sorted(set(outcome.writes + outcome.counts_changed))
            self.fail(what, case, f"rejected ({outcome.status}) but wrote to {tables}")
        if field is not None and rejected and outcome.status in (200, 400):
            self._check_named(outcome, what, case, field, baseline)

    def _check_named(self, outcome, what, case, field: Field, baseline) -> None:
        """A refused visible field shows an error at itself (or at the field that a rule
        across fields is about, or above the form); the message is German."""
        if field.kind == "hidden" or field.name in HONEYPOTS:
            return
        before_fields = set(baseline.errors) if baseline else set()
        before_general = set(baseline.general) if baseline else set()
        own = outcome.errors.get(field_id(field), [])
        others = sorted(set(outcome.errors) - before_fields - {field_id(field)})
        new_general = [text for text in outcome.general if text not in before_general]
        messages = own or [t for o in others for t in outcome.errors[o]] or new_general
        if not messages:
            if not outcome.shows_errors:
                self.fail(what, case, f"refused ({outcome.status}) without naming the field")
            return  # otherwise: the same errors as the valid submission had
        english = [text for text in messages if checks.looks_english(text)]
        if english:
            self.fail(what, case, f"the error is not German: {english[0][:120]!r}")

    # -- one form ---------------------------------------------------------------------

    def fuzz_form(self, client, form: Form) -> dict:
        """Fuzz one form (fully or lightly, see ``is_full``); returns its valid data."""
        data, base = self.baseline(client, form)
        what = form.describe()
        self.check(base, what, "valid submission")
        fuzzable = _fuzzable(form)
        if self.is_full(form):
            self._fully_fuzzed.add(self.field_set(form))
            for field in fuzzable:
                values: list[Hostile] = self.sampler.values_for(category(field))
                if category(field) == "choice":
                    values += self.foreign_choices(field)
                for hostile in values:
                    case = f"{field.name} = {hostile.label} ({_short(hostile.value)})"
                    changed = {**data, field.name: [hostile.value]}
                    outcome = self.send(client, "POST", form.action, changed)
                    self.check(outcome, what, case, field=field, baseline=base)
        elif fuzzable:
            hostile = {f.name: self.sampler.values_for(category(f))[0] for f in fuzzable}
            case = "all fields at once: " + ", ".join(
                f"{name} = {value.label}" for name, value in hostile.items()
            )
            changed = {**data, **{name: [value.value] for name, value in hostile.items()}}
            self.check(self.send(client, "POST", form.action, changed), what, case[:300])
        self.check(self.send(client, "POST", form.action, {}), what, "empty submission")
        if base.wrote and base.status < 400:
            self.double_submit(client, form, data)
        return data

    def foreign_choices(self, field: Field) -> list[Hostile]:
        """Keys between the offered ones that are not offered: objects of another scope
        (or deleted ones); choosing them must be refused."""
        numbers = sorted(int(o) for o in field.options if o.isdigit())
        if not numbers:
            return []
        offered = set(numbers)
        gaps = [n for n in range(numbers[0], numbers[-1] + 3) if n not in offered]
        picked = gaps[:: max(1, len(gaps) // 2)][:2]
        return [Hostile(f"id not offered to {self.who}", str(n)) for n in picked]

    def double_submit(self, client, form: Form, data: dict) -> None:
        """The same valid submission twice (a double click): the second must not add rows
        where the form carries a one-time token."""
        what = form.describe()
        cookies = copy.deepcopy(client.cookies)
        self.requests += 2
        with transaction.atomic():
            try:
                checks.request(client, "POST", form.action, data, isolated=False)
                middle = checks.row_counts()
                second = checks.request(client, "POST", form.action, data, isolated=False)
                after = checks.row_counts()
            finally:
                transaction.set_rollback(True)
                client.cookies = cookies
        self.check(second, what, "repeated submission (double click)")
        if "form_token" in data and second.status < 500:
            grown = [t for t in after if after[t] > middle[t]]
            if grown:
                self.fail(what, "repeated submission (double click)", f"added rows to {grown}")

    # -- across roles -----------------------------------------------------------------

    def csrf(self, csrf_client, form: Form, data: dict, *, wrong: bool) -> None:
        """Without the CSRF token, or with a wrong one: refused (403), nothing written."""
        sent = {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}
        if wrong:
            sent["csrfmiddlewaretoken"] = ["x" * 64]
        case = "wrong CSRF token" if wrong else "no CSRF token"
        outcome = self.send(csrf_client, "POST", form.action, sent)
        self.check(outcome, form.describe(), case)
        if outcome.status != 403 or outcome.wrote:
            self.fail(form.describe(), case, f"answered {outcome.status}, expected 403")

    def intruder(self, other_client, other: str, form: Form, data: dict) -> None:
        """Somebody whose pages do not offer this form posts it anyway (with the data that
        was valid for its owner): refused, nothing written."""
        page = self.send(other_client, "GET", form.page)
        if page.status == 200 and "text/html" in page.content_type:
            _, offered = parse_page(form.page, page.body)
            if any(candidate.action == form.action for candidate in offered):
                return  # the form is theirs as well (perhaps with fewer fields)
        sent = {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}
        outcome = self.send(other_client, "POST", form.action, sent)
        case = f"posted by {other}, whose page does not offer it (page: {page.status})"
        self.check(outcome, form.describe(), case)
        if outcome.wrote:
            tables = sorted(set(outcome.writes + outcome.counts_changed))
            self.fail(form.describe(), case, f"accepted ({outcome.status}), wrote to {tables}")


def _fuzzable(form: Form) -> list[Field]:
    seen: set[str] = set()
    fields = []
    for field in form.fields:
        if category(field) is not None and field.name not in seen:
            seen.add(field.name)
            fields.append(field)
    return fields


def _short(value: str) -> str:
    text = value if len(value) <= 40 else f"{value[:20]}…[{len(value)} chars]"
    return text.encode("unicode_escape").decode("ascii")
