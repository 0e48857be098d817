"""Panels let a page of a lower layer show what apps above it know about its object:
the measure page shows the contributions behind it, its decisions, budget and progress,
though strategy may not import those apps.

``settings.STADTDACH_PANELS`` names, per slot, the panel functions in display order (one
explicit list, no registration by import). A panel function takes ``(request, obj)``
and returns a ``Panel`` or None (nothing to show). Each panel must fetch its data in a
fixed number of queries: the page's query budget includes it.

A panel that looks the same for everyone with the same ``cache_key`` is kept as a
fragment (core/caching): its ``context`` may then be a function, called only when the
panel is built. The key must hold everything the panel depends on besides the data:
the object when it shows one, which processes or bodies the user may see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass
class Panel:
    template: str
    context: dict | Callable[[], dict] = field(default_factory=dict)
    cache_key: tuple | None = None

    def data(self) -> dict:
        """The template context, built now when ``context`` is a function."""
        return self.context() if callable(self.context) else self.context


def _functions(slot: str) -> tuple:
    return tuple(import_string(path) for path in settings.STADTDACH_PANELS.get(slot, ()))


def panels_for(slot: str, request, obj) -> list[Panel]:
    """The panels to show for ``obj`` in ``slot`` ("measure", "action_field", "home")."""
    panels = []
    for function in _functions(slot):
        panel = function(request, obj)
        if panel is not None:
            panels.append(panel)
    return panels
