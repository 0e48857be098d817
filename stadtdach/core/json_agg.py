"""JSON aggregation on SQLite and PostgreSQL: the rows of a related set as one JSON list
in the query that lists their parent, instead of one more query per set.

``json_rows`` builds the subquery; ``row_fields`` names a model's columns for it and
``instances`` turns the decoded rows back into (unsaved) model instances. Decimals
travel as text, so no float rounding creeps in."""

import json
from datetime import UTC

from django.db import models
from django.db.models import Aggregate, F, JSONField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, JSONObject
from django.utils import timezone


class JSONList(Aggregate):
    """``jsonb_agg`` on PostgreSQL, ``json_group_array`` on SQLite (no ORDER BY on
    SQLite before 3.44: order the decoded list in Python)."""

    function = "JSONB_AGG"
    name = "JSONList"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def json_rows(
    queryset: QuerySet, outer: str | None, limit: int | None = None, **fields
) -> Subquery:
    """A subquery giving the rows of ``queryset`` whose ``outer`` field is the outer
    row's key (all its rows when ``outer`` is None), as a JSON list of objects with
    ``fields`` (name: field path or expression); ``None`` when PostgreSQL finds no row.
    With ``limit``: at most that many rows, the first in the queryset's order."""
    if outer is None:
        rows = queryset
    elif limit is None:
        rows = queryset.filter(**{outer: OuterRef("pk")})
    else:  # the aggregate needs the limit inside: the first rows' keys, one level down
        first = queryset.filter(**{outer: OuterRef(OuterRef("pk"))}).values("pk")[:limit]
        rows = queryset.model.objects.filter(pk__in=first)
    return Subquery(
        rows.order_by()
        .annotate(_group=Value(1))
        .values("_group")
        .annotate(_json=JSONList(JSONObject(**fields)))
        .values("_json"),
        output_field=JSONField(),
    )


def row_fields(model, prefix: str = "", only: tuple[str, ...] = ()) -> dict:
    """The concrete columns of ``model`` (``only`` those attribute names, if given) for
    ``json_rows``, keyed by attribute name with ``prefix`` (the path from the aggregated
    model, e.g. ``"rollup__"``). Name only what the page reads: every column is an
    expression Django compiles."""
    fields = {}
    for field in model._meta.concrete_fields:
        if only and field.attname not in only and field.name not in only:
            continue
        path = f"{prefix}{field.attname}"
        if isinstance(field, models.DecimalField):
            fields[path] = Cast(path, models.CharField())
        else:
            fields[path] = F(path)
    return fields


def instance(model, row: dict, prefix: str = ""):
    """An unsaved ``model`` instance from a decoded row of ``row_fields(model, prefix)``;
    the columns the row lacks keep their defaults."""
    values = {}
    for field in model._meta.concrete_fields:
        key = f"{prefix}{field.attname}"
        if key not in row:
            continue
        value = row[key]
        if value is not None:
            if isinstance(field, models.JSONField):
                # SQLite stores JSON as text, which json_object() nests as a string.
                value = json.loads(value) if isinstance(value, str) else value
            else:
                value = field.to_python(value)
            if isinstance(field, models.DateTimeField) and timezone.is_naive(value):
                value = timezone.make_aware(value, UTC)  # SQLite keeps UTC without offset
        values[field.attname] = value
    return model(**values)
