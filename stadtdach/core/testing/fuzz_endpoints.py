"""The fuzz catalogue against the JSON and OParl interfaces: hostile query parameters
(page numbers, filters, search words) and hostile ids in the address; and against the
query parameters of the site's pages (their filters, searches and page numbers).

Every answer goes through the form suite's checks (no 5xx, no unescaped echo, no redirect
off the site); besides, a GET never writes, and an answer that says it is JSON parses.
"""

import json
import re
from urllib.parse import parse_qsl, quote, urlsplit

from stadtdach.core.testing.fuzz import Fuzzer
from stadtdach.core.testing.fuzz_values import QUERY_PARAMETERS

_LAST_ID = re.compile(r"/(\d+)(?=/?$|/[^/]*$|\.\w+$)")


def parameter_kind(name: str, example: str = "") -> str:
    for kind, names in QUERY_PARAMETERS.items():
        if name in names:
            return kind
    return "number" if example.isdigit() else "text"


class EndpointFuzzer(Fuzzer):
    def plan_endpoints(self, urls, *, budget: int) -> None:
        if self.sampler.fixed:
            return
        cases = sum(len(self._parameters(url)) + 1 for url in urls)
        self.sampler.per_field = max(1, budget // max(cases, 1))

    def _parameters(self, url: str) -> dict[str, str]:
        linked = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        every = {name: "" for names in QUERY_PARAMETERS.values() for name in names}
        return {**every, **linked}

    def fuzz_endpoint(self, client, url: str) -> None:
        parts = urlsplit(url)
        linked = dict(parse_qsl(parts.query, keep_blank_values=True))
        self.check_get(self.send(client, "GET", url), url, "as linked")
        for name, example in self._parameters(url).items():
            for hostile in self.sampler.values_for(parameter_kind(name, example)):
                query = {**linked, name: hostile.value}
                outcome = self.send(client, "GET", parts.path, query)
                self.check_get(outcome, url, f"?{name}= {hostile.label}")
        if _LAST_ID.search(parts.path):
            for hostile in self.sampler.values_for("choice"):
                path = _LAST_ID.sub(lambda m, h=hostile: f"/{quote(h.value)}", parts.path, 1)
                self.check_get(self.send(client, "GET", path), url, f"id = {hostile.label}")

    def fuzz_query(self, client, address: str, names: set[str]) -> None:
        """A page's own query parameters (from its links and filter forms), one at a time."""
        parts = urlsplit(address)
        linked = dict(parse_qsl(parts.query, keep_blank_values=True))
        for name in sorted(names):
            kind = parameter_kind(name, linked.get(name, ""))
            for hostile in self.sampler.values_for(kind):
                outcome = self.send(client, "GET", parts.path, {**linked, name: hostile.value})
                self.check_get(outcome, address, f"?{name}= {hostile.label}")

    def check_get(self, outcome, what: str, case: str) -> None:
        self.check(outcome, what, case)
        if outcome.wrote:
            tables = sorted(set(outcome.writes + outcome.counts_changed))
            self.fail(what, case, f"a GET wrote to {tables}")
        if "json" in outcome.content_type and outcome.status < 500:
            try:
                json.loads(outcome.body)
            except ValueError:
                self.fail(what, case, f"answered {outcome.status} with broken JSON")
