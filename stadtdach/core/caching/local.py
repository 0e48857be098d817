"""A small copy of recently used entries in the memory of this process, in front of the
shared cache. An entry carries the version tokens it was built under, and a copy is used
only while those tokens are still the current ones (read from the shared cache, once
per request): it is exactly as fresh as the shared entry, and saves the round trip and
the unpickling of a value that has not changed.

Strings and pages are kept as they are (they are never changed after they are built);
other values are kept pickled and unpickled on each use, so that a request that sets
attributes on a cached object never changes another request's copy."""

import pickle
import threading
from collections import OrderedDict

from django.conf import settings

_SHARED = (str, bytes)


class LocalEntries:
    def __init__(self):
        self._items: OrderedDict[str, tuple[object, bool, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        """The entry, or None."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
        value, pickled, _size = item
        return pickle.loads(value) if pickled else value  # noqa: S301 - our own bytes

    def put(self, key: str, entry) -> None:
        limit = settings.STADTDACH_PAGE_CACHE.get("local_bytes", 0)
        if not limit:
            return
        value, pickled, size = _storable(entry)
        if size > limit // 8:
            self.discard(key)
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[2]
            self._items[key] = (value, pickled, size)
            self._bytes += size
            while self._bytes > limit and self._items:
                _name, (_v, _p, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped

    def discard(self, key: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[2]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


def _storable(entry) -> tuple[object, bool, int]:
    value = entry.value
    if isinstance(value, _SHARED):
        return entry, False, len(value) + 512
    if _is_page(value):
        return entry, False, len(value[1]) + 1024
    data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    return data, True, len(data)


def _is_page(value) -> bool:
    """(headers, content, etag), as the page cache stores a response."""
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], list)
        and all(isinstance(h, tuple) and all(isinstance(x, str) for x in h) for h in value[0])
        and isinstance(value[1], bytes)
        and isinstance(value[2], str)
    )


entries = LocalEntries()
