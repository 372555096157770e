"""The database: documents and what was extracted from them (SQLite by default, any
SQLAlchemy URL otherwise), with the schema generated from the record registry.

Each document is stored with all its records in one transaction, so a run killed at
any point loses nothing already committed, and the next run resumes after it. Runs that
write to one database at once (PostgreSQL) neither lose nor duplicate a record: tables
are created under a lock, and a document or actor another run stored first is skipped.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Mapping, Optional

from sqlalchemy import Connection, Table, create_engine, delete, event, func, insert, inspect, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from detente.config import Config
from detente.errors import DatabaseURLError, StoreError
from detente.records import RECORD_TYPES, Actor, Document, Record, Statement
from detente.store import search, views
from detente.store.schema import NESTED, PARSES, RUNS, TABLES, metadata
from detente.version import __version__

SHARED = "actors"
"""The record type shared by documents: stored once, by id, whichever document found it first."""
SCHEMA_LOCK = 7_464_101  # the PostgreSQL advisory lock under which tables are created
READ_BATCH = 500
"""Rows fetched from the database at a time when records are streamed (a server-side
cursor on PostgreSQL), so that reading a store costs memory for one batch, not all of it."""
SQLITE_BUSY_MS = 60_000
"""How long a SQLite connection waits for another run's write (or its switch to WAL) to end
before it fails with "database is locked"."""
NUL, REPLACEMENT = "\x00", "\ufffd"


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def engine_for(url: str, pragmas: bool = True, connect_args: Optional[dict] = None) -> Engine:
    """An engine for `url`, without connecting (``postgresql://`` drives psycopg; SQLite
    files get WAL and foreign keys unless `pragmas` is False); a malformed URL, an unknown
    database or a missing driver is a DatabaseURLError that says what to do."""
    try:
        parsed = make_url(url)
        if parsed.drivername == "postgresql":  # the driver `detente[postgres]` installs
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, connect_args=connect_args or {})
    except (ArgumentError, ValueError) as err:
        raise DatabaseURLError(f"The database URL {url!r} is not valid: {err}.") from err
    except NoSuchModuleError as err:
        raise DatabaseURLError(f"The database URL {url!r} names a database SQLAlchemy does not know.") from err
    except ModuleNotFoundError as err:
        package = "'detente[postgres]'" if parsed.get_backend_name() == "postgresql" else err.name
        raise DatabaseURLError(
            f"The driver for {url!r} ({err.name}) is not installed: pip install {package}.") from err
    if engine.dialect.name == "sqlite" and pragmas:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_store(url: str) -> "Store":
    """Open (and create if needed) the database at a SQLAlchemy URL."""
    engine = engine_for(url)
    try:
        _check_schema(engine)
        _create(engine)
    except StoreError:
        raise
    except Exception as err:  # SQLAlchemy wraps driver errors in many classes
        raise StoreError(f"The database {url!r} could not be opened: {err}") from err
    return Store(engine)


def _create(engine: Engine) -> None:
    """Create what is missing of the schema; on PostgreSQL under a lock, on SQLite again
    when another run created a table first (each try finds at least one more table made)."""
    tries = len(metadata.tables) + 1
    for attempt in range(tries):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
                metadata.create_all(conn)
                search.create(conn)
                views.create(conn)
            return
        except OperationalError as err:
            if "already exists" not in str(err) or attempt == tries - 1:
                raise


def _check_schema(engine: Engine) -> None:
    """Refuse a database whose tables another version of Détente made."""
    found = inspect(engine)
    for name, table in {**TABLES, RUNS.name: RUNS, PARSES.name: PARSES}.items():
        if found.has_table(name):
            columns = {c["name"] for c in found.get_columns(name)}
            if columns != set(table.c.keys()):
                raise StoreError(
                    f"The database {engine.url!r} was made by another version of Détente (its table {name!r} "
                    f"has other columns); write to a new output folder or database.")


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")  # another run writing: wait, don't fail
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def clean(value: Any) -> Any:
    """`value` with each NUL character, which PostgreSQL cannot store in text, replaced by
    U+FFFD (one character for one, so that offsets still hold), in every database alike."""
    if isinstance(value, str):
        return value.replace(NUL, REPLACEMENT) if NUL in value else value
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def _insert_new(conn: Connection, table: Table, rows: list[dict]) -> int:
    """Insert the rows whose key is not stored yet (by another run too); how many were new."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite if conn.dialect.name == "sqlite" else None
    if dialect is None:
        known = set(conn.scalars(select(table.c.id).where(table.c.id.in_([r["id"] for r in rows]))))
        rows = [r for r in rows if r["id"] not in known]
        return conn.execute(insert(table), rows).rowcount if rows else 0
    statement = dialect.insert(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)
    return sum(len(conn.execute(statement, row).all()) for row in rows)


def from_row(name: str, row: dict) -> Record:
    """The record of type `name` a table row holds."""
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

    def add(self, document: Document, records: dict[str, list[Record]], parsed: bytes = b"") -> bool:
        """Store a document, its records (by record-type name) and its `parsed` Doc's bytes
        in one transaction; False if it was already stored."""
        with self.engine.begin() as conn:
            if not _insert_new(conn, TABLES["documents"], [clean(document.to_dict())]):
                return False
            shared = {r.id: r for r in records.get(SHARED, [])}  # type: ignore[attr-defined]
            if shared:  # in id order, so that two runs storing the same actors cannot deadlock
                _insert_new(conn, TABLES[SHARED], [clean(shared[key].to_dict()) for key in sorted(shared)])
            for name in RECORD_TYPES:
                rows = [clean(r.to_dict()) for r in records.get(name, [])] if name not in ("documents", SHARED) else []
                if rows:
                    conn.execute(insert(TABLES[name]), rows)
            if parsed:
                conn.execute(insert(PARSES), [{"doc_id": document.id, "data": parsed}])
        return True

    def parses(self) -> Iterator[tuple[str, bytes]]:
        """Each document stored with its parse: its id and the parsed Doc's bytes, in id order."""
        with self.engine.connect() as conn:
            for row in conn.execute(select(PARSES.c.doc_id, PARSES.c.data).order_by(PARSES.c.doc_id)):
                yield row.doc_id, row.data

    def replace_statements(self, taxonomy: str, doc_ids: list[str], statements: list[Statement],
                           actors: list[Actor]) -> None:
        """In one transaction: drop the statements of `taxonomy` (its name) in the documents
        `doc_ids`, store `statements` in their place, and the `actors` not stored yet."""
        table = TABLES["statements"]
        with self.engine.begin() as conn:
            for start in range(0, len(doc_ids), 500):  # within any database's limit of parameters
                conn.execute(delete(table).where(table.c.taxonomy == taxonomy,
                                                 table.c.doc_id.in_(doc_ids[start:start + 500])))
            shared = {a.id: a for a in actors}
            if shared:
                _insert_new(conn, TABLES[SHARED], [clean(shared[key].to_dict()) for key in sorted(shared)])
            if statements:
                conn.execute(insert(table), [clean(s.to_dict()) for s in statements])

    def add_run(self, config: Config, started: datetime, added: int, already_stored: int, problems: int) -> None:
        """Record a run of `config` that began at `started`, with what it did and what the
        store holds after it."""
        row = dict(started=started.isoformat(timespec="seconds"),
                   finished=datetime.now(timezone.utc).isoformat(timespec="seconds"), version=__version__,
                   model=config.pipeline.model, taxonomy=config.stances.issues, kb=list(config.actors.kb),
                   options=dataclasses.asdict(config), added=added, already_stored=already_stored,
                   problems=problems, counts=self.counts())
        with self.engine.begin() as conn:
            conn.execute(insert(RUNS), [clean(row)])

    def runs(self) -> list[dict]:
        """Every recorded run, oldest first."""
        with self.engine.connect() as conn:
            return [row._asdict() for row in conn.execute(select(RUNS).order_by(RUNS.c.id))]

    def read(self, name: str) -> list[Record]:
        """Every stored record of type `name`, in document and text order."""
        return list(self.stream(name))

    @staticmethod
    def order(name: str) -> list:
        """The columns records of type `name` are read in order of: document, then text."""
        table = TABLES[name]
        if name == "documents":
            return [table.c.doc, table.c.id]
        if "start" in table.c:
            return [table.c.doc, table.c.start, table.c.end, table.c.id]
        return [table.c.doc] if "doc" in table.c else [table.c.id]

    def stream(self, name: str) -> Iterator[Record]:
        """Every stored record of type `name`, in document and text order, fetched
        ``READ_BATCH`` rows at a time: only the batch being read is held."""
        table = TABLES[name]
        with self.engine.connect() as conn:
            rows = conn.execution_options(yield_per=READ_BATCH).execute(select(table).order_by(*self.order(name)))
            for row in rows:
                yield from_row(name, row._asdict())

    def records(self) -> "Stored":
        """Every record type the store holds, by record-type name, each read from the
        database whenever it is iterated (see `Stored`)."""
        return Stored(self)

    def read_all(self) -> dict[str, list[Record]]:
        """Every record type the store holds, read once into memory, by record-type name."""
        return {name: self.read(name) for name in RECORD_TYPES}

    def count_missing(self, name: str, column: str) -> int:
        """How many records of type `name` have no value (None or "") in `column`."""
        table = TABLES[name]
        where = or_(table.c[column].is_(None), table.c[column] == "")
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table).where(where)).scalar_one()

    def distinct(self, name: str, column: str) -> list[Any]:
        """The distinct values of a column of the records of type `name`, sorted, without None."""
        table = TABLES[name]
        with self.engine.connect() as conn:
            values = conn.execute(select(table.c[column]).distinct().where(table.c[column].is_not(None)))
            return sorted(values.scalars())

    def counts(self) -> dict[str, int]:
        """How many records of each type the store holds."""
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in TABLES.items()}


class Stored(Mapping[str, "StoredRecords"]):
    """The records of a store by record-type name, none of them held: each value streams
    its records from the database whenever it is iterated (`Store.stream`), so that
    exports written from it cost memory for one batch of rows."""

    def __init__(self, store: Store):
        self.store = store

    def __getitem__(self, name: str) -> "StoredRecords":
        if name not in RECORD_TYPES:
            raise KeyError(name)
        return StoredRecords(self.store, name)

    def __iter__(self) -> Iterator[str]:
        return iter(RECORD_TYPES)

    def __len__(self) -> int:
        return len(RECORD_TYPES)


class StoredRecords:
    """The stored records of one type, read again from the database on each iteration."""

    def __init__(self, store: Store, name: str):
        self.store, self.name = store, name

    def __iter__(self) -> Iterator[Record]:
        return self.store.stream(self.name)
