"""Writing generated rows fast, and removing them again.

Rows are tuples in the order of the columns the generator names; every other column
gets the same value in all rows (``constants``) or the field's default. Primary keys
are handed out by the writer in blocks (``ids``), so that rows can refer to each other
before they are written and so that each table's generated rows are known exactly:
the blocks are kept in the generation's audit entry and a later run deletes them.

PostgreSQL receives the rows through binary ``COPY`` (psycopg 3's ``cursor.copy``), SQLite
through ``executemany``. Neither goes through ``Model.save()``: no signals, no
``auto_now``; the generator sets ``created`` and ``modified`` itself."""

import json
from collections.abc import Iterable, Sequence

from django.apps import apps
from django.db import connection, models

from stadtdach.demo.scale.progress import Progress

BATCH = 5_000  # rows per executemany on SQLite, and between progress updates
# PostgreSQL: a table that receives this many rows at once has its indexes built
# afterwards instead of kept up row by row (about twice as fast for the comments).
REINDEX_FROM = 50_000


class Writer:
    def __init__(self, *, now, progress: Progress):
        self.now = now
        self.progress = progress
        self.postgres = connection.vendor == "postgresql"
        # db_table -> {"pk": column, "spans": [[first, last], ...]}, in writing order.
        self.blocks: dict[str, dict] = {}
        self.counts: dict[str, int] = {}
        self._next: dict[str, int] = {}
        self._reserved: dict[str, list[range]] = {}

    # Primary keys ---------------------------------------------------------------

    def ids(self, model: type[models.Model], n: int) -> range:
        """``n`` fresh primary keys of the model's table, reserved for this run."""
        if n <= 0:
            return range(0)
        table = model._meta.db_table
        column = model._meta.pk.column
        start = self._next.get(table)
        if start is None or self.postgres:
            start = self._free_from(table, column, n)
        self._next[table] = start + n
        block = range(start, start + n)
        self._reserved.setdefault(table, []).append(block)
        return block

    def _free_from(self, table: str, column: str, n: int) -> int:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")  # noqa: S608
            highest = cursor.fetchone()[0] or 0
            if self.postgres:
                # Reserve the block in the sequence, so that rows written meanwhile by
                # the site get ids above it (and the next run's block follows ours).
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
                sequence = cursor.fetchone()[0]
                cursor.execute("SELECT nextval(%s)", [sequence])
                start = max(cursor.fetchone()[0], highest + 1, self._next.get(table, 0))
                cursor.execute("SELECT setval(%s, %s)", [sequence, start + n - 1])
                return start
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            return max(highest, found[0] if found else 0) + 1

    # Rows -----------------------------------------------------------------------

    def write(
        self,
        model: type[models.Model],
        columns: Sequence[str],
        rows: Iterable[tuple],
        *,
        total: int,
        label: str = "",
        **constants,
    ) -> int:
        """Write the rows (tuples in the order of ``columns``, attnames such as
        ``author_id``; the primary key first). Returns the number of rows."""
        meta = model._meta
        if columns[0] != meta.pk.attname:
            raise ValueError(f"{meta.label}: the primary key must be the first column")
        tail_names, tail = self._tail(model, columns, constants)
        by_attname = {f.attname: f for f in meta.concrete_fields}
        fields = [by_attname[name] for name in (*columns, *tail_names)]
        convert = self._converters(fields)
        quote = connection.ops.quote_name
        table = quote(meta.db_table)
        names = ", ".join(quote(f.column) for f in fields)
        keys: list[int] = []
        self.progress.start(label or str(meta.verbose_name_plural), total)
        batches = self._batches(rows, tail, convert, keys)
        with connection.cursor() as cursor:
            if self.postgres:
                rebuild = _drop_indexes(cursor, meta.db_table) if total >= REINDEX_FROM else []
                types = _column_types(cursor, meta.db_table, [f.column for f in fields])
                with cursor.cursor.copy(
                    f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)"
                ) as copy:
                    copy.set_types(types)  # binary: four times faster than text here
                    for batch in batches:
                        for row in batch:
                            copy.write_row(row)
                for statement in rebuild:
                    cursor.execute(statement)
            else:
                marks = ", ".join(["%s"] * len(fields))
                sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
                for batch in batches:
                    cursor.executemany(sql, batch)
        self.progress.finish()
        written = keys[2] if keys else 0
        if written:
            self._record(meta, keys[0], keys[1], written)
        return written

    def _batches(self, rows, tail, convert, keys):
        """Lists of complete rows; ``keys`` ends as [smallest key, largest key, rows]."""
        batch: list[tuple] = []
        first = last = None
        count = 0
        for row in rows:
            pk = row[0]
            if first is None or pk < first:
                first = pk
            if last is None or pk > last:
                last = pk
            full = row + tail
            if convert:
                full = tuple(c(v) if c else v for c, v in zip(convert, full, strict=True))
            batch.append(full)
            if len(batch) >= BATCH:
                count += len(batch)
                yield batch
                self.progress.advance(len(batch))
                batch = []
        if batch:
            count += len(batch)
            yield batch
            self.progress.advance(len(batch))
        if count:
            keys.extend([first, last, count])

    def _tail(self, model, columns, constants) -> tuple[list[str], tuple]:
        """The columns the rows do not carry: constants, then defaults."""
        names, values = [], []
        given = set(columns)
        for field in model._meta.concrete_fields:
            if field.attname in given:
                continue
            if field.attname in constants:
                value = constants.pop(field.attname)
            elif field.name in ("created", "modified") or getattr(field, "auto_now_add", False):
                value = self.now
            elif field.has_default() or field.null or field.empty_strings_allowed:
                value = field.get_default()
            else:
                raise ValueError(f"{model._meta.label}.{field.attname} needs a value")
            names.append(field.attname)
            values.append(value)
        if constants:
            raise ValueError(f"{model._meta.label}: unknown columns {sorted(constants)}")
        return names, tuple(values)

    def _converters(self, fields) -> list | None:
        """Per column: a function from the Python value to what the driver takes, or None."""
        ops = connection.ops
        result = []
        for field in fields:
            kind = field.get_internal_type()
            if self.postgres:
                result.append(None)  # binary COPY dumps Python values (jsonb too) itself
            elif kind == "JSONField":
                result.append(_json)
            elif kind == "DateTimeField":
                result.append(ops.adapt_datetimefield_value)
            elif kind == "DateField":
                result.append(ops.adapt_datefield_value)
            elif kind == "TimeField":
                result.append(ops.adapt_timefield_value)
            else:
                result.append(None)
        return result if any(result) else None

    def _record(self, meta, first: int, last: int, written: int) -> None:
        reserved = self._reserved.get(meta.db_table)
        if reserved and not any(first in r and last in r for r in reserved):
            # A span over two reservations could cover rows of others: a later run
            # would delete them. Each write takes its keys from one ids() call.
            raise ValueError(f"{meta.label}: keys {first}-{last} span several reservations")
        block = self.blocks.setdefault(meta.db_table, {"pk": meta.pk.column, "spans": []})
        spans = block["spans"]
        if spans and spans[-1][1] + 1 == first:
            spans[-1][1] = last
        else:
            spans.append([first, last])
        self.counts[meta.label] = self.counts.get(meta.label, 0) + written


def _drop_indexes(cursor, table: str) -> list[str]:
    """Drop the table's indexes except its primary key (unique ones included: adding
    them back checks uniqueness); returns the statements that build them again."""
    quote = connection.ops.quote_name
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = %s::regclass AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        [quote(table)],
    )
    plain = cursor.fetchall()
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'u'",
        [quote(table)],
    )
    unique = cursor.fetchall()
    for name, _definition in plain:
        cursor.execute(f"DROP INDEX {name}")
    for name, _definition in unique:
        cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    return [definition for _name, definition in plain] + [
        f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}"
        for name, definition in unique
    ]


def _column_types(cursor, table: str, columns: list[str]) -> list[int]:
    """The PostgreSQL type of each column, for psycopg's binary dumpers."""
    cursor.execute(
        "SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass "
        "AND attnum > 0 AND NOT attisdropped",
        [connection.ops.quote_name(table)],
    )
    oids = dict(cursor.fetchall())
    return [oids[column] for column in columns]


def _json(value):
    return None if value is None else json.dumps(value, ensure_ascii=False)


def remove(blocks: dict[str, dict]) -> tuple[dict[str, int], dict[str, int]]:
    """Delete the rows of earlier blocks, last written first, then the rows outside the
    blocks that refer to them (``_dependents``). Returns the rows removed per table:
    (generated ones, dependent ones)."""
    quote = connection.ops.quote_name
    removed = {}
    with connection.cursor() as cursor:
        for table, block in reversed(list(blocks.items())):
            column = quote(block["pk"])
            n = 0
            for first, last in block["spans"]:
                cursor.execute(
                    f"DELETE FROM {quote(table)} WHERE {column} BETWEEN %s AND %s",  # noqa: S608
                    [first, last],
                )
                n += cursor.rowcount
            removed[table] = n
    dependents: dict[str, int] = {}
    _dependents({t: b["spans"] for t, b in blocks.items()}, dependents)
    return removed, dependents


# Rows deleted as dependents, per query of the next level (their keys are listed).
_KEYS_PER_QUERY = 500


def _dependents(gone: dict[str, list], counts: dict[str, int], depth: int = 0) -> None:
    """Rows that the generator did not write but that refer to rows it removed: the
    rollups a rebuild derived from generated indicators, a demo user's comment on a
    generated idea. The raw DELETEs above bypass Django's ``on_delete``; this applies it
    in SQL (SET_NULL sets null, anything else deletes), down the chain of references.

    ``gone``: table -> removed keys, as [[first, last], ...] spans or a list of keys."""
    if depth > 10 or not gone:
        return
    quote = connection.ops.quote_name
    by_table = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    following: dict[str, list] = {}
    with connection.cursor() as cursor:
        for table, keys in gone.items():
            model = by_table.get(table)
            if model is None or not keys:
                continue
            for relation in model._meta.get_fields(include_hidden=True):
                field = getattr(relation, "field", None)
                if not (relation.auto_created and not relation.concrete and field is not None):
                    continue
                if not (field.many_to_one or field.one_to_one) or not field.concrete:
                    continue
                referring = field.model._meta
                if referring.proxy or not referring.managed:
                    continue
                if getattr(field.target_field, "column", None) != model._meta.pk.column:
                    continue
                own, column = quote(referring.db_table), quote(field.column)
                pk = quote(referring.pk.column)
                for condition, params in _conditions(column, keys):
                    if field.remote_field.on_delete is models.SET_NULL:
                        cursor.execute(
                            f"UPDATE {own} SET {column} = NULL WHERE {condition}",  # noqa: S608
                            params,
                        )
                        continue
                    cursor.execute(f"SELECT {pk} FROM {own} WHERE {condition}", params)  # noqa: S608
                    found = [row[0] for row in cursor.fetchall()]
                    if not found:
                        continue
                    cursor.execute(f"DELETE FROM {own} WHERE {condition}", params)  # noqa: S608
                    counts[referring.db_table] = counts.get(referring.db_table, 0) + len(found)
                    following.setdefault(referring.db_table, []).extend(found)
    _dependents(following, counts, depth + 1)


def _conditions(column: str, keys: list):
    """WHERE clauses (with parameters) that match the keys: spans or single keys."""
    if keys and isinstance(keys[0], list | tuple):
        for first, last in keys:
            yield f"{column} BETWEEN %s AND %s", [first, last]
        return
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        yield f"{column} IN ({', '.join(['%s'] * len(chunk))})", chunk


def suspend_foreign_keys() -> list[tuple[str, str, str]]:
    """PostgreSQL: drop every foreign-key constraint for the duration of the load and
    return their definitions for ``restore_foreign_keys``.

    Django's constraints are deferred: checked row by row at the commit, about two
    minutes for the berlin scale's 1.7 million rows (and as long again for removing the
    previous run's). Added back afterwards, each constraint is validated by one query
    over its whole table instead: the same guarantee in seconds. The tables are locked
    meanwhile; inside the transaction a failure brings every constraint back."""
    if connection.vendor != "postgresql":
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # More memory for building indexes and checking constraints, this transaction only.
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        # Rows written earlier in this transaction (the demo, when it was loaded first)
        # leave deferred checks pending, and PostgreSQL alters no table with pending
        # trigger events: run those checks now, then defer again.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND connamespace = current_schema()::regnamespace ORDER BY conrelid, conname"
        )
        saved = cursor.fetchall()
        for table, name, _definition in saved:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    return saved


def restore_foreign_keys(saved: list[tuple[str, str, str]]) -> None:
    """Add the constraints back; each validates every row of its table now."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, name, definition in saved:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
