"""Databases for the tests: the PostgreSQL server DETENTE_TEST_PG_URL names, emptied
before use, and the seed records as the store receives them."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import Optional

from sqlalchemy import create_engine, text

import seed_records
from detente.records import Document, Mention, Quote, Record, Statement, record_id, text_id
from detente.store import open_store

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


HOSTILE = ("The envoy said <script>window.hacked = true</script> appeared in the draft, "
           "and <img src=x onerror=\"window.hacked = true\"> was found beside it. Talks resume on Monday.")


def hostile_bundle() -> tuple[Document, dict[str, list[Record]]]:
    """An article whose text, title and outlet hold markup, with a quote and a statement."""
    doc = Document(id=text_id(HOSTILE), doc="hostile.txt", source="hostile.txt", text=HOSTILE,
                   title="<b>Draft</b> found", outlet="<i>Wire</i>", published="2025-09-01")
    end = HOSTILE.index("Talks")
    quote = Quote(id=record_id("hostile-quote"), doc=doc.doc, doc_id=doc.id, start=0, end=end - 1,
                  text=HOSTILE[:end - 1], kind="indirect", speaker="Kaja Kallas", speaker_id="kaja-kallas")
    statement = Statement(id=record_id("hostile-statement"), doc=doc.doc, doc_id=doc.id, date=doc.published,
                          actor="Kaja Kallas", actor_id="kaja-kallas", issue="ceasefire", stance="neutral",
                          evidence=quote.text, start=0, end=quote.end, quote_id=quote.id, confidence=0.5)
    return doc, {"quotes": [quote], "statements": [statement]}


def build_store(url: str) -> str:
    """`url` after storing the seed articles and the hostile one in it."""
    store = open_store(url)
    for document, records in [*seed_bundles(), hostile_bundle()]:
        store.add(document, records)
    store.engine.dispose()
    return url
