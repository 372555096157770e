"""Exports written from a store (SQLite and PostgreSQL alike) stream its records: the
files are the same as those written from every record read into memory, and no more
than a record or two of a type is alive at once while they are written."""
from __future__ import annotations

import gc

from dbs import seed_bundles
from detente.exports import write_events_csv, write_records
from detente.records import Document, Event, Mention
from detente.store import open_store


def filled(url: str):
    store = open_store(url)
    for document, records in seed_bundles():
        store.add(document, records)
    return store


def test_exports_streamed_from_the_store_equal_those_of_records_held_in_memory(db_url, tmp_path):
    store = filled(db_url)
    streamed, held = tmp_path / "streamed", tmp_path / "held"
    streamed.mkdir(), held.mkdir()
    from_store = write_records(store.records(), streamed, csv=True)
    from_memory = write_records(store.read_all(), held, csv=True)
    assert [p.name for p in from_store] == [p.name for p in from_memory]
    for a, b in zip(from_store, from_memory):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert (streamed / "mentions.jsonl").read_text(encoding="utf-8").count("\n") == store.counts()["mentions"] > 10


def test_a_streamed_record_type_holds_one_record_at_a_time(db_url):
    store = filled(db_url)
    total = store.counts()["mentions"]
    before = sum(isinstance(o, Mention) for o in gc.get_objects())  # other tests' mentions still alive
    alive = []
    for _ in store.records()["mentions"]:
        alive.append(sum(isinstance(o, Mention) for o in gc.get_objects()) - before)
    assert len(alive) == total > 10
    assert max(alive) <= 2
    held = store.read("mentions")
    assert sum(isinstance(o, Mention) for o in gc.get_objects()) - before >= len(held) == total


def test_the_events_csv_takes_events_and_articles_as_streams(tmp_path):
    body = "The ministers met in Ankara on Tuesday and agreed to resume the talks."
    doc = Document(id="d1", doc="ankara.txt", source="ankara.txt", text=body, url="https://example.org/ankara")
    event = Event(id="e1", doc="ankara.txt", doc_id="d1", type="AGREE", source=["the ministers"], source_id=[None],
                  place="Ankara", trigger="agreed", evidence=body, end=len(body), confidence=0.8)
    path = write_events_csv(tmp_path / "events_polecat.csv", iter([event]), iter([]), iter([doc]))
    header, row = path.read_text(encoding="utf-8").splitlines()
    assert "https://example.org/ankara" in row and row.startswith("e1,")
