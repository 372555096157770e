"""The database schema, generated from the record registry (``records.RECORD_TYPES``).

Each record type is a table of the same name; each field a column: text, whole numbers,
decimals and flags as such, lists and mappings as JSON. A record type without an ``id``
field gets an integer key of its own. ``doc_id`` refers to the document, the actor and
quote fields of ``REFERENCES`` to their records, and the fields the analyses and the API
filter on are indexed. ``runs`` records each run that wrote to the database, ``parses``
each document's parsed Doc (``nlp.stored`` bytes), so that a stage can run again without parsing.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Integer, LargeBinary, MetaData, Table, Text

from detente.records import RECORD_TYPES, Record

INDEXED = frozenset({"issue", "kind", "stance", "date", "doc", "published", "outlet"})
REFERENCES = {"actor_id": "actors.id", "speaker_id": "actors.id", "quote_id": "quotes.id"}
"""Fields that name another record, by the column they refer to."""

metadata = MetaData()


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """The type inside Optional[...] and whether it is optional."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(get_args(hint))
    return hint, False


def column_type(hint: Any) -> Any:
    """The SQLAlchemy type of a field's type hint."""
    if get_origin(hint) is Literal or hint is str:
        return Text
    if hint is bool:
        return Boolean
    if hint is int:
        return Integer
    if hint is float:
        return Float
    return JSON  # lists, mappings, nested records


def nested_records(cls: type[Record]) -> dict[str, type[Record]]:
    """The fields of `cls` that hold a list of records (Actor.roles), with their class."""
    found = {}
    for name, hint in get_type_hints(cls).items():
        inner, _ = _unwrap(hint)
        items = get_args(inner) if get_origin(inner) is list else ()
        if items and isinstance(items[0], type) and dataclasses.is_dataclass(items[0]):
            found[name] = typing.cast(type[Record], items[0])
    return found


def _columns(cls: type[Record]) -> list[Column]:
    hints = get_type_hints(cls)
    columns: list[Column[Any]] = [] if "id" in hints else [Column("id", Integer, primary_key=True, autoincrement=True)]
    for name, hint in hints.items():
        inner, optional = _unwrap(hint)
        if name == "id":
            columns.append(Column("id", Text(), primary_key=True))
        elif name == "doc_id":
            columns.append(Column("doc_id", Text(), ForeignKey("documents.id"), nullable=False, index=True))
        elif name in REFERENCES:
            columns.append(Column(name, Text(), ForeignKey(REFERENCES[name]), nullable=optional, index=True))
        else:
            columns.append(Column(name, column_type(inner), nullable=optional, index=name in INDEXED))
    return columns


TABLES: dict[str, Table] = {name: Table(name, metadata, *_columns(cls)) for name, cls in RECORD_TYPES.items()}
"""Record-type name -> its table."""


RUNS = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", Text, nullable=False), Column("finished", Text, nullable=False),
    Column("version", Text, nullable=False), Column("model", Text, nullable=False),
    Column("taxonomy", Text, nullable=False), Column("kb", JSON, nullable=False),
    Column("options", JSON, nullable=False), Column("added", Integer, nullable=False),
    Column("already_stored", Integer, nullable=False), Column("problems", Integer, nullable=False),
    Column("counts", JSON, nullable=False),
)
"""One row per run that wrote to the database: what ran, with what, and what it stored."""

PARSES = Table(
    "parses", metadata,
    Column("doc_id", Text, ForeignKey("documents.id"), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
"""One row per document: its parsed Doc as the pipeline stored it (``detente.nlp.stored``)."""

NESTED: dict[str, dict[str, type[Record]]] = {name: nested_records(cls) for name, cls in RECORD_TYPES.items()}
"""Record-type name -> its fields that hold nested records."""
