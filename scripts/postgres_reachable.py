"""Exit 0 when the PostgreSQL server of a database URL accepts a connection, 1 otherwise.

Used by `make test` to decide whether the PostgreSQL run can happen. It connects to the
server's maintenance database `postgres`, because pytest-django creates its own test
database there and the URL's database need not exist.
"""

import sys
from urllib.parse import unquote, urlsplit

import psycopg


def main(url: str) -> int:
    parts = urlsplit(url)
    try:
        psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or "postgres"),
            password=unquote(parts.password or "") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        print(f"PostgreSQL: {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
