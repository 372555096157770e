"""The database: documents and what was extracted from them (SQLite by default, any
SQLAlchemy URL otherwise).

Each document is stored with all its records in one transaction, so a run killed at
any point loses nothing already committed, and the next run resumes after it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Type, TypeVar

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    event,
    insert,
    select,
)
from sqlalchemy.engine import Engine

from .records import Actor, Document, Mention, Quote, Record, Role, Statement

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(10)),
    Column("date_method", String(32)),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("gender", String(8)),
    Column("country", String(200)),
    Column("description", Text),
    Column("local", Integer, nullable=False),
    Column("details", JSON, nullable=False),  # aliases, roles, memberships, metonyms, ...
)


def _span_columns() -> list[Column]:
    return [
        Column("doc_id", String(32), ForeignKey("documents.id"), nullable=False, index=True),
        Column("doc", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_span_columns(),
    Column("actor", Text),
    Column("actor_id", String(200)),
    Column("kind", String(16), nullable=False),
    Column("method", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(32), primary_key=True),
    *_span_columns(),
    Column("kind", String(16), nullable=False),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker", Text),
    Column("speaker_id", String(200)),
    Column("confidence", Float, nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id"), nullable=False, index=True),
    Column("doc", Text, nullable=False),
    Column("date", String(10)),
    Column("actor", Text, nullable=False),
    Column("actor_id", String(200)),
    Column("issue", String(100), nullable=False, index=True),
    Column("stance", String(16), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote_id", String(32)),
    Column("confidence", Float, nullable=False),
)

_ACTOR_COLUMNS = {"id", "name", "kind", "gender", "country", "description", "local"}
R = TypeVar("R", bound=Record)


class StoreError(Exception):
    """The database cannot be opened or written; the message says why."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def open_store(url: str) -> "Store":
    """Open (and create if needed) the database at a SQLAlchemy URL."""
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
    except Exception as err:  # SQLAlchemy wraps driver errors in many classes
        raise StoreError(f"The database {url!r} could not be opened: {err}") from err
    return Store(engine)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _actor_row(actor: Actor) -> dict:
    data = actor.to_dict()
    row = {key: data.pop(key) for key in _ACTOR_COLUMNS}
    row["local"] = int(row["local"])
    row["details"] = data
    return row


def _actor_from_row(row) -> Actor:
    details = dict(row.details)
    details["roles"] = [Role(**role) for role in details.get("roles", [])]
    return Actor(
        id=row.id, name=row.name, kind=row.kind, gender=row.gender, country=row.country,
        description=row.description, local=bool(row.local), **details,
    )


class Store:
    """Read and write Détente's records."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def add(
        self,
        document: Document,
        actor_records: Iterable[Actor],
        mention_records: Iterable[Mention],
        quote_records: Iterable[Quote],
        statement_records: Iterable[Statement],
    ) -> bool:
        """Store a document and its records in one transaction; False if it was already stored."""
        with self.engine.begin() as conn:
            if conn.execute(select(documents.c.id).where(documents.c.id == document.id)).first():
                return False
            conn.execute(insert(documents), [document.to_dict()])
            new_actors = {a.id: a for a in actor_records}
            if new_actors:
                known = set(conn.scalars(select(actors.c.id).where(actors.c.id.in_(list(new_actors)))))
                rows = [_actor_row(a) for a_id, a in new_actors.items() if a_id not in known]
                if rows:
                    conn.execute(insert(actors), rows)
            for table, records in ((mentions, mention_records), (quotes, quote_records), (statements, statement_records)):
                rows = [r.to_dict() for r in records]
                if rows:
                    conn.execute(insert(table), rows)
        return True

    def _rows(self, table: Table, order: list) -> Iterator:
        with self.engine.connect() as conn:
            yield from conn.execute(select(table).order_by(*order))

    def documents(self) -> list[Document]:
        return [Document(**row._asdict()) for row in self._rows(documents, [documents.c.doc, documents.c.id])]

    def actors(self) -> list[Actor]:
        return [_actor_from_row(row) for row in self._rows(actors, [actors.c.id])]

    def _records(self, table: Table, cls: Type[R]) -> list[R]:
        names = cls.fields()
        order = [table.c.doc, table.c.start, table.c.end] if "start" in table.c else [table.c.doc]
        return [cls(**{k: v for k, v in row._asdict().items() if k in names}) for row in self._rows(table, order)]

    def mentions(self) -> list[Mention]:
        return self._records(mentions, Mention)

    def quotes(self) -> list[Quote]:
        return self._records(quotes, Quote)

    def statements(self) -> list[Statement]:
        return self._records(statements, Statement)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (documents, actors, mentions, quotes, statements)
            }
