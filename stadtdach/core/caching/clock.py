"""Time boundaries: the moments after which a cached value may show something else
although no row changed (a meeting has begun, a participation process has closed).

Dates change at local midnight, so nothing is kept past it. Date-times that pages compare
with the present are listed in ``settings.STADTDACH_CLOCK_FIELDS`` ("app.Model.field");
a value that read a table of such a field is kept at most until the next such moment of
that table. A test fails when a model gains a date-time field that is in neither that
list nor the list of fields that are not compared with the present."""

import datetime
import math
import time

from django.apps import apps
from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from stadtdach.core.caching import entries


def next_midnight(now: float | None = None) -> float:
    moment = timezone.localtime(
        datetime.datetime.fromtimestamp(now if now is not None else time.time(), tz=datetime.UTC)
    )
    tomorrow = moment.date() + datetime.timedelta(days=1)
    # zoneinfo gives the wall time its offset, across changes of daylight saving time too.
    return datetime.datetime.combine(tomorrow, datetime.time(), moment.tzinfo).timestamp()


def fields() -> list[tuple[type, str]]:
    result = []
    for dotted in settings.STADTDACH_CLOCK_FIELDS:
        app_label, model_name, field_name = dotted.split(".")
        result.append((apps.get_model(app_label, model_name), field_name))
    return result


def _boundaries() -> dict[str, float]:
    """The next moment per table at which one of its clock fields is reached."""
    now = timezone.now()
    result: dict[str, float] = {}
    for model, field_name in fields():
        manager = getattr(model, "all_objects", model._default_manager)
        upcoming = manager.filter(**{f"{field_name}__gt": now}).aggregate(first=Min(field_name))[
            "first"
        ]
        if upcoming is not None:
            table = model._meta.db_table
            result[table] = min(result.get(table, math.inf), upcoming.timestamp())
    entries.limit(min(result.values(), default=math.inf))
    return result


def expiry(read_tables) -> float:
    """Until when a value that read these tables holds, by the clock alone."""
    ends = next_midnight()
    clock_tables = {model._meta.db_table for model, _ in fields()}
    if clock_tables & set(read_tables):
        boundaries = entries.get_or_compute("clock", _boundaries, clock=False, detached=True)
        for table in clock_tables & set(read_tables):
            ends = min(ends, boundaries.get(table, math.inf))
    return ends
