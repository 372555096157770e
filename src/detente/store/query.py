"""Reading the store for the server: read-only connections, and records filtered and
paged in the database, with the same filters for every record type."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterable, Optional, cast

from sqlalchemy import Select, func, inspect, select
from sqlalchemy.engine import Engine, make_url

from detente.errors import QueryError, RecordNotFound, StoreError
from detente.records import RECORD_TYPES, Document, Record
from detente.store import Store, engine_for, from_row
from detente.store.schema import TABLES
from detente.store.search import SEARCHABLE, matching

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EQUAL = ("id", "doc_id", "actor_id", "speaker_id", "quote_id", "issue", "stance", "kind")
"""Filters that pick the rows whose column of the same name equals the value."""
IDS_AT_ONCE = 500  # within any database's limit of parameters


@dataclass(frozen=True)
class Filters:
    """What a request narrows records to: a column's value (``EQUAL``), the article's
    outlet and date range (ISO dates, both ends included), and words to search for."""

    id: Optional[str] = None
    doc_id: Optional[str] = None
    actor_id: Optional[str] = None
    speaker_id: Optional[str] = None
    quote_id: Optional[str] = None
    issue: Optional[str] = None
    stance: Optional[str] = None
    kind: Optional[str] = None
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    q: Optional[str] = None

    def given(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def read_only(url: str) -> Store:
    """The store at `url`, opened so that nothing can be written through it; a database
    without Détente's tables is a StoreError that says to run `detente run` first."""
    engine = _read_only_engine(url)
    try:
        names = set(inspect(engine).get_table_names())
    except Exception as err:  # SQLAlchemy wraps driver errors in many classes
        raise StoreError(f"The database {url!r} could not be opened: {err}") from err
    missing = sorted(set(TABLES) - names)
    if missing:
        raise StoreError(f"The database {url!r} has no {', '.join(missing)} table: it is not one `detente run` "
                         "wrote (run it first, or name the right --db).")
    return Store(engine)


def _read_only_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        if not Path(parsed.database).is_file():
            raise StoreError(f"The database file {parsed.database} does not exist: run `detente run` first, "
                             "or name the right folder or --db.")
        return engine_for(f"sqlite:///file:{parsed.database}?mode=ro&uri=true", pragmas=False)
    if parsed.get_backend_name() == "postgresql":
        return engine_for(url, connect_args={"options": "-c default_transaction_read_only=on"})
    return engine_for(url)


def filtered(store: Store, name: str, filters: Filters) -> Select:
    """The SELECT of the records of type `name` that pass `filters`; a filter that does
    not apply to the type is a QueryError."""
    if name not in TABLES:
        raise QueryError(f"There are no records of type {name!r}; there are {', '.join(TABLES)}.")
    table = TABLES[name]
    query = select(table)
    for key, value in filters.given().items():
        if key in EQUAL:
            if key not in table.c:
                raise QueryError(f"The filter {key!r} does not apply to {name}.")
            query = query.where(table.c[key] == value)
        elif key in ("since", "until"):
            if not ISO_DATE.match(value):
                raise QueryError(f"The date {key}={value!r} is not an ISO date such as 2025-08-12.")
            query = query.where(_published(name) >= value if key == "since" else _published(name) <= value + "\uffff")
        elif key == "outlet":
            query = query.where(_document_column(name, "outlet") == value)
        elif key == "q":
            if name in SEARCHABLE:
                query = query.where(matching(table, store.engine.dialect.name, value))
            elif "name" in table.c:
                query = query.where(table.c.name.ilike(f"%{value}%"))
            else:
                raise QueryError(f"The records of type {name} have no text to search.")
    return query


def _document_column(name: str, column: str) -> Any:
    documents = TABLES["documents"]
    if name == "documents":
        return documents.c[column]
    if "doc_id" not in TABLES[name].c:
        raise QueryError(f"The filter {column!r} does not apply to {name}.")
    return select(documents.c[column]).where(documents.c.id == TABLES[name].c.doc_id).scalar_subquery()


def _published(name: str) -> Any:
    return _document_column(name, "published")


def page(store: Store, name: str, filters: Filters, limit: Optional[int] = None,
         offset: int = 0) -> tuple[int, list[Record]]:
    """How many records of type `name` pass `filters`, and `limit` of them from `offset`
    on, in document and text order."""
    query = filtered(store, name, filters)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = conn.execute(query.order_by(*store.order(name)).limit(limit).offset(offset))
        return total, [from_row(name, row._asdict()) for row in rows]


def record(store: Store, record_id: str) -> tuple[str, Record]:
    """The record with id `record_id`, of whichever type has it, and that type's name."""
    for name, cls in RECORD_TYPES.items():
        if "id" in cls.fields():
            _, found = page(store, name, Filters(id=record_id), limit=1)
            if found:
                return name, found[0]
    raise RecordNotFound(f"No stored record has the id {record_id!r}.")


def documents_of(store: Store, ids: Iterable[str]) -> list[Document]:
    """The stored documents with the ids `ids`, read ``IDS_AT_ONCE`` ids a query."""
    wanted, documents = sorted(ids), TABLES["documents"]
    found: list[Document] = []
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), IDS_AT_ONCE):
            rows = conn.execute(select(documents).where(documents.c.id.in_(wanted[start:start + IDS_AT_ONCE])))
            found += [cast(Document, from_row("documents", row._asdict())) for row in rows]
    return found
