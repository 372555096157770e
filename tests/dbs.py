"""Databases for the tests: the PostgreSQL server DETENTE_TEST_PG_URL names, emptied
before use, and the seed records as the store receives them."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import Optional

from sqlalchemy import create_engine, text

import seed_records
from detente.records import Document, Mention, Record

PG_ENV = "DETENTE_TEST_PG_URL"


def postgres_url() -> Optional[str]:
    """The test server's URL, or None when there is none."""
    return os.environ.get(PG_ENV) or None


def fresh_postgres() -> str:
    """The test server's URL after dropping everything in its public schema."""
    url = postgres_url()
    assert url, f"{PG_ENV} is not set"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def seed_bundles() -> list[tuple[Document, dict[str, list[Record]]]]:
    """The seed articles with their coded statements, a quote for each, a mention for
    each place an actor's name occurs, and the actors they name, as `Store.add` takes them."""
    docs = seed_records.documents()
    found = seed_records.statements(docs)
    quoted = seed_records.quotes(found)
    statements_ = [replace(s, quote_id=q.id) for s, q in zip(found, quoted)]
    bundles = []
    for doc in docs:
        mentions = [Mention(doc=doc.doc, doc_id=doc.id, start=m.start(), end=m.end(), text=m.group(), actor=a.name,
                            actor_id=a.id, kind=a.kind, method="exact", confidence=1.0)
                    for a in seed_records.ACTORS for m in re.finditer(rf"\b{re.escape(a.name)}\b", doc.text)]
        named = {m.actor_id for m in mentions} | {s.actor_id for s in statements_ if s.doc_id == doc.id}
        bundles.append((doc, {
            "actors": [a for a in seed_records.ACTORS if a.id in named],
            "mentions": sorted(mentions, key=lambda m: m.start),
            "quotes": [q for q in quoted if q.doc_id == doc.id],
            "statements": [s for s in statements_ if s.doc_id == doc.id],
        }))
    return bundles
