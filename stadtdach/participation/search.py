"""Participation in the site search (communication/search.py lists its sources): the
processes the visitor may see and their published contributions whose text contains the
query (2 queries, at most 20 hits of each kind)."""

from dataclasses import dataclass

from django.db.models import Q

from stadtdach.participation.models import Contribution, FundCall, Visibility
from stadtdach.participation.selectors import visible_processes

LIMIT = 20


@dataclass
class SearchHit:
    kind: str  # "process", "contribution", "fund_call"
    title: str
    url: str
    text: str = ""
    is_sample: bool = False


def search(query: str, user) -> list[SearchHit]:
    query = (query or "").strip()[:200].replace("\x00", "")
    if not query:
        return []
    processes = visible_processes(user)
    hits = [
        SearchHit("process", p.title, p.get_absolute_url(), p.purpose, p.is_sample)
        for p in processes.filter(Q(title__icontains=query) | Q(purpose__icontains=query))[:LIMIT]
    ]
    hits += [
        SearchHit("contribution", str(c), c.get_absolute_url(), c.text, c.is_sample)
        for c in Contribution.objects.filter(visibility=Visibility.PUBLISHED, process__in=processes)
        .filter(Q(title__icontains=query) | Q(text__icontains=query))
        .order_by("-created", "-pk")[:LIMIT]
    ]
    hits += [
        SearchHit("fund_call", c.title, c.get_absolute_url(), c.description, c.is_sample)
        for c in FundCall.objects.filter(is_published=True).filter(
            Q(title__icontains=query) | Q(description__icontains=query)
        )[:LIMIT]
    ]
    return hits
