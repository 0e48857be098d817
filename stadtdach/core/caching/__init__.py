"""The page and fragment cache that is never stale (docs/adr/0005-page-cache.md).

Every cached value records the database tables that were read to build it; every write
to a table gives that table a new version token; a value is served only while the tokens
of all its tables are unchanged and its time boundary (the next midnight, the next
meeting start, ...) has not passed. Writes are seen at the SQL level, so services, the
admin, imports, background tasks and bulk updates all invalidate without being told to.

- ``tables``: which tables an SQL statement reads and writes
- ``tracking``: the connection hook that records reads and bumps versions on commit
- ``versions``: the version tokens in the cache
- ``entries``: looking up and storing a versioned value (pages and fragments)
- ``clock``: time boundaries after which a value is recomputed
- ``middleware``: the anonymous page cache
"""
