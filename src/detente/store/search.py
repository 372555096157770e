"""Full-text search over article text, quotes and statement evidence: FTS5 tables kept
in step by triggers on SQLite, expression GIN indexes over ``to_tsvector`` on PostgreSQL.

``SEARCHABLE`` names the column searched in each table; ``matching(table, words)`` is
the WHERE clause for a search, whichever the database.
"""
from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, Table, and_, func, text, true

SEARCHABLE = {"documents": "text", "quotes": "text", "statements": "evidence"}
"""Table name -> the column its searches look in."""

TS_CONFIG = "english"


def create(conn: Connection) -> None:
    """Create the search tables or indexes that are missing (and fill new FTS5 tables)."""
    for table, column in SEARCHABLE.items():
        if conn.dialect.name == "sqlite":
            _create_fts5(conn, table, column)
        elif conn.dialect.name == "postgresql":
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {table}_{column}_search ON {table} "
                              f"USING gin (to_tsvector('{TS_CONFIG}', {column}))"))


def _create_fts5(conn: Connection, table: str, column: str) -> None:
    fts = f"{table}_fts"
    if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": fts}).first():
        return
    conn.execute(text(f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', content_rowid='rowid')"))
    conn.execute(text(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
                      f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END"))
    conn.execute(text(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
                      f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END"))
    conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))


def words(query: str) -> list[str]:
    """The words of a search, without the operators of either search syntax."""
    return re.findall(r"\w+", query)


def matching(table: Table, dialect: str, query: str) -> ColumnElement[bool]:
    """Rows of `table` whose searchable column holds every word of `query` (a query
    with no words matches every row)."""
    found = words(query)
    if not found:
        return true()
    if dialect == "sqlite":
        return text(f"{table.name}.rowid IN (SELECT rowid FROM {table.name}_fts WHERE {table.name}_fts MATCH :phrase)"
                    ).bindparams(phrase=" ".join(f'"{w}"' for w in found))  # type: ignore[return-value]
    column = table.c[SEARCHABLE[table.name]]
    if dialect == "postgresql":
        return func.to_tsvector(TS_CONFIG, column).bool_op("@@")(func.plainto_tsquery(TS_CONFIG, " ".join(found)))
    return and_(*(column.contains(w) for w in found))
