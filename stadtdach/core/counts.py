"""Several counts in one query: ``SELECT (SELECT COUNT(*) FROM ...), (...)``, for a panel
that shows the sizes of a few unrelated sets (a query each otherwise)."""

from django.db import connections
from django.db.models import QuerySet


def counts(**querysets: QuerySet) -> dict[str, int]:
    """The number of rows of each queryset (of its distinct keys, so a ``distinct()``
    over joins counts each row once), in one query on their common database."""
    if not querysets:
        return {}
    using = next(iter(querysets.values())).db
    parts, params = [], []
    for number, queryset in enumerate(querysets.values()):
        compiler = queryset.order_by().values("pk").query.get_compiler(using=using)
        sql, part_params = compiler.as_sql()
        # The SQL is Django's own compilation of the querysets, with its parameters apart.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted_{number})")  # noqa: S608
        params.extend(part_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(querysets, (int(value) for value in row), strict=True))
