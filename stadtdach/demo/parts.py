"""The parts of the demo beyond the strategy and process core (loader.py), one per
capability, run in this order after the core. Each part is a function without arguments
that loads or refreshes its data idempotently (natural keys, update_or_create) and returns
counts for the log. Add a part here when a capability adds demo data."""

from collections.abc import Callable

PARTS: tuple[Callable[[], dict[str, int]], ...] = ()
