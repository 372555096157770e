"""The database: documents and what was extracted from them (SQLite by default, any
SQLAlchemy URL otherwise), with the schema generated from the record registry.

Each document is stored with all its records in one transaction, so a run killed at
any point loses nothing already committed, and the next run resumes after it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, func, insert, inspect, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from detente.errors import DatabaseURLError, StoreError
from detente.records import RECORD_TYPES, Document, Record
from detente.store.schema import NESTED, TABLES, metadata

SHARED = "actors"
"""The record type shared by documents: stored once, by id, whichever document found it first."""


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def engine_for(url: str) -> Engine:
    """An engine for `url`, without connecting; a malformed URL, an unknown database or a
    missing driver is a DatabaseURLError that says what to do."""
    try:
        parsed = make_url(url)
        engine = create_engine(parsed)
    except (ArgumentError, ValueError) as err:
        raise DatabaseURLError(f"The database URL {url!r} is not valid: {err}.") from err
    except NoSuchModuleError as err:
        raise DatabaseURLError(f"The database URL {url!r} names a database SQLAlchemy does not know.") from err
    except ModuleNotFoundError as err:
        extra = " (pip install 'detente[postgres]')" if parsed.get_backend_name() == "postgresql" else ""
        raise DatabaseURLError(
            f"The driver for {url!r} is not installed{extra}: {err}.") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_store(url: str) -> "Store":
    """Open (and create if needed) the database at a SQLAlchemy URL."""
    engine = engine_for(url)
    try:
        _check_schema(engine)
        metadata.create_all(engine)
    except StoreError:
        raise
    except Exception as err:  # SQLAlchemy wraps driver errors in many classes
        raise StoreError(f"The database {url!r} could not be opened: {err}") from err
    return Store(engine)


def _check_schema(engine: Engine) -> None:
    """Refuse a database whose tables another version of Détente made."""
    found = inspect(engine)
    for name, table in TABLES.items():
        if found.has_table(name):
            columns = {c["name"] for c in found.get_columns(name)}
            if columns != set(table.c.keys()):
                raise StoreError(
                    f"The database {engine.url!r} was made by another version of Détente (its table {name!r} "
                    f"has other columns); write to a new output folder or database.")


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _from_row(name: str, row: dict) -> Record:
    cls = RECORD_TYPES[name]
    values = {key: row[key] for key in cls.fields()}
    for key, nested in NESTED[name].items():
        if values[key] is not None:
            values[key] = [nested(**item) for item in values[key]]
    return cls(**values)


class Store:
    """Read and write Détente's records."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def has_document(self, doc_id: str) -> bool:
        documents = TABLES["documents"]
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def add(self, document: Document, records: dict[str, list[Record]]) -> bool:
        """Store a document and its records (by record-type name) in one transaction;
        False if it was already stored."""
        documents, shared = TABLES["documents"], TABLES[SHARED]
        with self.engine.begin() as conn:
            if conn.execute(select(documents.c.id).where(documents.c.id == document.id)).first():
                return False
            conn.execute(insert(documents), [document.to_dict()])
            new = {r.id: r for r in records.get(SHARED, [])}  # type: ignore[attr-defined]
            if new:
                known = set(conn.scalars(select(shared.c.id).where(shared.c.id.in_(list(new)))))
                rows = [r.to_dict() for key, r in new.items() if key not in known]
                if rows:
                    conn.execute(insert(shared), rows)
            for name in RECORD_TYPES:
                rows = [r.to_dict() for r in records.get(name, [])] if name not in ("documents", SHARED) else []
                if rows:
                    conn.execute(insert(TABLES[name]), rows)
        return True

    def read(self, name: str) -> list[Record]:
        """Every stored record of type `name`, in document and text order."""
        return list(self._iter(name))

    def _iter(self, name: str) -> Iterator[Record]:
        table = TABLES[name]
        if name == "documents":
            order = [table.c.doc, table.c.id]
        elif "start" in table.c:
            order = [table.c.doc, table.c.start, table.c.end]
        elif "doc" in table.c:
            order = [table.c.doc]
        else:
            order = [table.c.id]
        with self.engine.connect() as conn:
            for row in conn.execute(select(table).order_by(*order)):
                yield _from_row(name, row._asdict())

    def read_all(self) -> dict[str, list[Record]]:
        """Every record type the store holds, read once, by record-type name."""
        return {name: self.read(name) for name in RECORD_TYPES}

    def counts(self) -> dict[str, int]:
        """How many records of each type the store holds."""
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in TABLES.items()}
