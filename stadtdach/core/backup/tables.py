"""Row counts and checksums of every table, computed the same way on backup and restore.

A table's checksum does not depend on the order of its rows: every row is hashed on its
own and the hashes are added up (PostgreSQL: md5 of the row's text form, summed in SQL
in two 64-bit halves; SQLite: sha256 of the row's Python ``repr``, summed modulo 2**128).
Both vendors therefore name their method in the manifest; a checksum is only compared
with one of the same method."""

import hashlib

METHODS = {"postgresql": "pg-md5-row-sum-v1", "sqlite": "py-sha256-row-sum-v1"}

# Tables that ``migrate`` fills by itself (content types, permissions, the roles' groups,
# the target groups): a database whose other tables are all empty holds no user data.
# test_backup_refusals proves that a freshly migrated database counts as empty.
MIGRATION_FILLED = frozenset(
    {
        "django_migrations",
        "django_content_type",
        "auth_permission",
        "auth_group",
        "auth_group_permissions",
        "accounts_role",
        "participation_targetgroup",
    }
)

_PG_SUM = """
SELECT count(*),
       coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text,
       coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text
FROM (SELECT md5(t::text) AS h FROM {table} AS t) AS rows
"""


def table_names(connection) -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def table_states(connection, progress=None) -> dict[str, dict]:
    """``{table: {"rows": n, "checksum": "..."}}`` for every table of the database."""
    names = table_names(connection)
    states = {}
    for number, name in enumerate(names, 1):
        states[name] = _state(connection, name)
        if progress is not None:
            progress.count(number, len(names), "tables")
    return states


def _state(connection, name: str) -> dict:
    table = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_SUM.format(table=table))
            rows, high, low = cursor.fetchone()
            return {"rows": rows, "checksum": f"{high}:{low}"}
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - quoted name from introspection
        rows, total = 0, 0
        while batch := cursor.fetchmany(2000):
            for row in batch:
                digest = hashlib.sha256(repr(tuple(row)).encode()).digest()
                total = (total + int.from_bytes(digest[:16], "big")) % 2**128
            rows += len(batch)
        return {"rows": rows, "checksum": f"{total:032x}"}


def tables_with_data(connection) -> list[str]:
    """Tables outside ``MIGRATION_FILLED`` that hold at least one row."""
    found = []
    for name in table_names(connection):
        if name in MIGRATION_FILLED:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(name)} LIMIT 1")  # noqa: S608
            if cursor.fetchone() is not None:
                found.append(name)
    return found


def differences(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """Tables whose count or checksum differ, or that exist on one side only."""
    names = sorted(set(expected) | set(actual))
    return [name for name in names if expected.get(name) != actual.get(name)]
