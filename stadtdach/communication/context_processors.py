"""The site's navigation: a short main navigation of sections and, for the current
section, its pages as a second row. One explicit structure, read by base.html."""

from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    url_name: str
    label: str
    # (URL name, label) of the section's pages, shown as the second row.
    pages: tuple[tuple[str, str], ...] = ()
    # URL names of detail routes (taking one slug) that belong to the section too.
    detail_routes: tuple[str, ...] = ()


MAIN_NAVIGATION = (
    Section(
        "strategy:vision",
        _("The ISEK"),
        pages=(
            ("strategy:vision", _("Vision")),
            ("strategy:action_field_list", _("Action fields")),
            ("strategy:theme_matrix", _("Cross-cutting themes")),
            ("strategy:concept_list", _("Concepts")),
            ("strategy:review", _("Evaluation and expectations")),
            ("strategy:edition_list", _("Editions")),
            ("strategy:examples", _("Examples from other towns")),
        ),
        detail_routes=("strategy:foundation_detail",),
    ),
    Section("strategy:measure_list", _("Measures")),
    Section(
        "participation:overview",
        _("Take part"),
        pages=(
            ("participation:overview", _("Participation processes")),
            ("participation:fund", _("Innovation fund")),
            ("participation:target_groups", _("Target groups")),
        ),
    ),
    Section(
        "monitoring:dashboard",
        _("Implementation"),
        pages=(
            ("monitoring:dashboard", _("Monitoring")),
            ("finance:overview", _("Costs and financing")),
            ("reports:list", _("Reports")),
        ),
    ),
    Section(
        "process:overview",
        _("Process"),
        pages=(
            ("process:overview", _("Overview")),
            ("process:timeline", _("Timeline")),
            ("process:task_list", _("Tasks and next steps")),
        ),
    ),
    Section("governance:index", _("Bodies")),
    Section("communication:search", _("Search")),
)


def _detail_prefix(route: str) -> str:
    """The address of a detail route up to its slug: /sockel/x/ → /sockel/."""
    return reverse(route, args=["x"]).rsplit("x/", 1)[0]


@lru_cache(maxsize=16)
def _addresses(language: str, urlconf, prefix: str) -> tuple:
    """Per section: its address, every address that belongs to it, its pages' addresses.
    Addresses depend only on the language and the URL configuration: reversed once."""
    result = []
    for section in MAIN_NAVIGATION:
        pages = tuple((reverse(name), label) for name, label in section.pages)
        own = (reverse(section.url_name), *(u for u, _ in pages))
        own += tuple(_detail_prefix(route) for route in section.detail_routes)
        result.append((reverse(section.url_name), own, pages))
    return tuple(result)


def navigation(request):
    """The sections with the current one marked (the longest matching address wins), and
    the current section's pages with the current page marked."""
    path = request.path
    addresses = _addresses(get_language(), get_urlconf(), get_script_prefix())
    matches = []
    for index, (_url, own, _pages) in enumerate(addresses):
        longest = max((len(u) for u in own if path.startswith(u)), default=0)
        matches.append((longest, index))
    best_length, best = max(matches)
    current = best if best_length else None
    sections = [
        {"url": url, "label": s.label, "current": i == current}
        for i, (s, (url, _own, _pages)) in enumerate(zip(MAIN_NAVIGATION, addresses, strict=True))
    ]
    pages = []
    if current is not None and MAIN_NAVIGATION[current].pages:
        page_urls = addresses[current][2]
        lengths = [len(u) if path.startswith(u) else 0 for u, _ in page_urls]
        here = lengths.index(max(lengths)) if max(lengths) else None
        pages = [
            {"url": u, "label": label, "current": i == here}
            for i, (u, label) in enumerate(page_urls)
        ]
    return {"main_navigation": sections, "section_navigation": pages}
