"""The one place that reads the process environment.

Settings modules import from here; nothing else in the code base touches ``os.environ``
for configuration. A missing required value raises ``ImproperlyConfigured`` at start-up.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def text(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def number(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def real(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from error


def items(name: str, default: str = "", *, required: bool = False) -> list[str]:
    """A comma-separated list, e.g. ALLOWED_HOSTS=isek.example.de,www.isek.example.de."""
    raw = text(name, default, required=required) or ""
    return [part.strip() for part in raw.split(",") if part.strip()]
