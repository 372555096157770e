"""The store on SQLite and on PostgreSQL alike: records come back as they went in, text
with NUL characters and long ids are kept, the schema has its keys, indexes, search and
views, runs are recorded, and runs writing at once lose and duplicate nothing."""
from __future__ import annotations

import sys
import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, select, text

from dbs import seed_bundles
from detente import __version__
from detente.config import Config
from detente.errors import DatabaseURLError
from detente.records import Actor, Document, Mention, text_id
from detente.store import open_store, search
from detente.store.schema import TABLES
from detente.store.views import VIEWS


def fill(url: str):
    store = open_store(url)
    for document, records in seed_bundles():
        assert store.add(document, records)
    return store


def expected() -> dict[str, list]:
    found: dict[str, list] = {"documents": [], "actors": {}, "mentions": [], "quotes": [], "statements": []}
    for document, records in seed_bundles():
        found["documents"].append(document)
        found["actors"].update({a.id: a for a in records["actors"]})
        for name in ("mentions", "quotes", "statements"):
            found[name].extend(records[name])
    found["actors"] = sorted(found["actors"].values(), key=lambda a: a.id)
    return found


def test_records_come_back_as_stored_and_a_second_add_is_refused(db_url):
    store = fill(db_url)
    stored = store.read_all()
    for name, records in expected().items():
        key = (lambda r: r.id) if name != "mentions" else (lambda r: (r.doc_id, r.start, r.actor_id))
        assert sorted(stored[name], key=key) == sorted(records, key=key), name
    document, records = seed_bundles()[0]
    assert store.add(document, records) is False
    assert store.counts()["documents"] == len(expected()["documents"])


def test_nul_characters_become_replacement_characters_and_offsets_hold(db_url):
    body = "The envoy said\x00 the talks would resume in Geneva on Monday."
    doc = Document(id=text_id(body), doc="nul.txt", source="nul.txt", text=body)
    geneva = body.index("Geneva")
    mention = Mention(doc=doc.doc, doc_id=doc.id, start=geneva, end=geneva + 6, text="Geneva", actor="Geneva",
                      actor_id="geneva", kind="place", method="exact", confidence=1.0)
    place = Actor(id="geneva", name="Geneva", kind="place", aliases=["Gen\x00eva"])
    store = open_store(db_url)
    assert store.add(doc, {"actors": [place], "mentions": [mention]})
    (stored,) = store.read("documents")
    assert stored.text == body.replace("\x00", "\ufffd")
    (found,) = store.read("mentions")
    assert stored.text[found.start:found.end] == "Geneva"
    assert store.read("actors")[0].aliases == ["Gen\ufffdeva"]


def test_ids_and_names_of_several_hundred_characters_are_kept(db_url):
    name = "minutes-of-the-joint-commission-" * 12
    body = "The joint commission met again and said nothing new about the reactor."
    doc = Document(id=text_id(body) + "-" + name, doc=name + ".txt", source=name, text=body, outlet="o" * 300)
    body_actor = Actor(id=name.rstrip("-"), name="The joint commission", kind="organisation")
    store = open_store(db_url)
    assert store.add(doc, {"actors": [body_actor]})
    assert store.has_document(doc.id)
    assert store.read("documents")[0].doc == name + ".txt"
    assert store.read("actors")[0].id == name.rstrip("-")


def test_schema_has_foreign_keys_indexes_views_and_search(db_url):
    store = fill(db_url)
    found = inspect(store.engine)
    keys = {(k["constrained_columns"][0], k["referred_table"]) for k in found.get_foreign_keys("statements")}
    assert keys == {("doc_id", "documents"), ("actor_id", "actors"), ("quote_id", "quotes")}
    indexed = {tuple(i["column_names"]) for i in found.get_indexes("statements")}
    assert {("issue",), ("stance",), ("date",), ("actor_id",)} <= indexed
    assert set(VIEWS) <= set(found.get_view_names())
    quotes = TABLES["quotes"]
    with store.engine.connect() as conn:
        hits = conn.execute(select(quotes.c.speaker).where(
            search.matching(quotes, conn.dialect.name, "Crimea annexation"))).scalars().all()
        rows = conn.execute(text("SELECT actor_id, support, oppose FROM actor_issue_stances "
                                 "WHERE issue = 'crimea-recognition' ORDER BY actor_id")).all()
    assert hits == ["Donald Trump"]
    assert [tuple(r) for r in rows] == [("donald-trump", 2, 0), ("kaja-kallas", 0, 1), ("volodymyr-zelensky", 0, 2)]


def test_search_ignores_the_operators_of_either_syntax(db_url):
    store = fill(db_url)
    statements = TABLES["statements"]
    with store.engine.connect() as conn:
        hits = conn.execute(select(statements.c.actor).where(
            search.matching(statements, conn.dialect.name, 'Crimea" (* ^ & !:'))).scalars().all()
    assert sorted(hits) == ["Donald Trump", "Donald Trump", "Kaja Kallas"]


def test_runs_are_recorded(db_url):
    store = fill(db_url)
    config = Config().replace(run_workers=2, stances_issues="iran-nuclear-2025")
    store.add_run(config, datetime(2026, 1, 5, 10, tzinfo=timezone.utc), added=5, already_stored=1, problems=2)
    (run,) = open_store(db_url).runs()
    assert run["started"] == "2026-01-05T10:00:00+00:00" and run["finished"] > run["started"]
    assert (run["taxonomy"], run["version"], run["model"]) == ("iran-nuclear-2025", __version__, config.pipeline.model)
    assert run["options"]["run"]["workers"] == 2
    assert (run["added"], run["already_stored"], run["problems"]) == (5, 1, 2)
    assert run["counts"]["documents"] == 5 and run["counts"]["statements"] == len(expected()["statements"])


def test_runs_writing_at_once_lose_and_duplicate_nothing(db_url):
    bundles = seed_bundles()
    errors: list[BaseException] = []

    def one_run(order):
        try:
            store = open_store(db_url)  # both create the tables at once
            for document, records in order:
                store.add(document, records)
            store.engine.dispose()
        except BaseException as err:  # noqa: BLE001 - handed to the test
            errors.append(err)

    runs = [threading.Thread(target=one_run, args=(order,)) for order in (bundles, bundles[::-1])]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert errors == []
    counts = open_store(db_url).counts()
    want = expected()
    assert {name: counts[name] for name in want} == {name: len(records) for name, records in want.items()}


def test_a_missing_driver_says_which_package_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(DatabaseURLError, match=r"pip install 'detente\[postgres\]'"):
        open_store("postgresql://analyst@127.0.0.1:5432/negotiations")


def test_a_plain_postgresql_url_uses_the_driver_of_the_extra():
    pytest.importorskip("psycopg", reason="needs the postgres extra")
    from detente.store import engine_for

    assert engine_for("postgresql://analyst@127.0.0.1:5432/negotiations").dialect.driver == "psycopg"

