"""The site search: one explicit list of sources, each asked with the query and the
visitor (who may see non-public items of their bodies). Every source costs a fixed number
of queries; results keep the order of the sources."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.governance import selectors as governance_selectors
from stadtdach.participation import search as participation_search
from stadtdach.process import selectors as process_selectors
from stadtdach.strategy import selectors as strategy_selectors


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    text: str = ""
    is_sample: bool = False


def _strategy(query, user, edition):
    return [
        Hit(h.kind, h.title, h.url, h.text, h.is_sample)
        for h in strategy_selectors.search(query, edition)
    ]


def _process(query, user, edition):
    labels = {"phase": _("Phase"), "milestone": _("Milestone"), "task": _("Next step")}
    overview = reverse("process:overview")
    return [
        Hit(
            labels[kind],
            str(obj),
            f"{overview}#{kind}-{obj.pk}",
            getattr(obj, "description", ""),
            obj.is_sample,
        )
        for kind, obj in process_selectors.search(query, edition)
    ]


def _governance(query, user, edition):
    labels = {
        "body": _("Body"),
        "meeting": _("Meeting"),
        "agenda_item": _("Agenda item"),
        "paper": _("Paper"),
        "file": _("Document"),
    }
    return [
        Hit(labels.get(h.kind, h.kind), h.title, h.url, h.text, h.is_sample)
        for h in governance_selectors.search(query, user)
    ]


def _participation(query, user, edition):
    labels = {
        "process": _("Participation process"),
        "contribution": _("Contribution"),
        "fund_call": _("Innovation fund"),
    }
    return [
        Hit(labels.get(h.kind, h.kind), h.title, h.url, h.text, h.is_sample)
        for h in participation_search.search(query, user)
    ]


SOURCES = (_strategy, _process, _governance, _participation)


def search(query: str, user) -> list[Hit]:
    edition = strategy_selectors.current_edition()
    return [hit for source in SOURCES for hit in source(query, user, edition)]
