"""The JSON API over a store: filters, paging, analyses, evidence in its article, bad
parameters answered with a sentence, and nothing written through it."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import insert

from dbs import HOSTILE, build_store, fresh_postgres, postgres_url, seed_bundles
from detente.errors import StoreError
from detente.records import RECORD_TYPES
from detente.store.query import read_only
from detente.store.schema import TABLES


def test_every_record_type_is_listed_with_its_total_and_a_page(client):
    for name in RECORD_TYPES:
        body = client.get(f"/api/{name}", params={"limit": 2}).json()
        assert body["limit"] == 2 and body["offset"] == 0 and len(body["items"]) == min(2, body["total"]), name
    first, second = (client.get("/api/quotes", params={"limit": 3, "offset": o}).json()["items"] for o in (0, 3))
    assert not {q["id"] for q in first} & {q["id"] for q in second}


def test_filters_narrow_statements(client):
    crimea = client.get("/api/statements", params={"issue": "crimea-recognition", "stance": "oppose"}).json()
    assert crimea["total"] == 3 and {s["actor_id"] for s in crimea["items"]} == {"volodymyr-zelensky", "kaja-kallas"}
    april = client.get("/api/statements", params={"since": "2025-04-01", "until": "2025-04-30"}).json()
    assert april["total"] > 0 and all(s["date"].startswith("2025-04") for s in april["items"])
    words = client.get("/api/quotes", params={"q": "annexation Crimea"}).json()
    assert [q["speaker"] for q in words["items"]] == ["Donald Trump"]
    wire = client.get("/api/documents", params={"outlet": "<i>Wire</i>"}).json()
    assert [d["doc"] for d in wire["items"]] == ["hostile.txt"]


def test_analyses_follow_the_filters(client):
    positions = client.get("/api/positions", params={"issue": "crimea-recognition"}).json()
    assert {(p["actor_id"], p["position"]) for p in positions} >= {("donald-trump", "support"), ("kaja-kallas", "oppose")}
    conflict = client.get("/api/networks", params={"aggregation": "conflict"}).json()
    assert any({e["source"], e["target"]} == {"donald-trump", "volodymyr-zelensky"} for e in conflict)
    assert client.get("/api/networks", params={"aggregation": "conflict", "since": "2030-01-01"}).json() == []
    cohesion = client.get("/api/cohesion", params={"window_days": 60}).json()
    assert cohesion and all(0 <= r["agreement_index"] <= 1 for r in cohesion)
    fractures = client.get("/api/fractures", params={"bloc": "nato"}).json()
    assert fractures and all(r["supporter"] != r["opponent"] for r in fractures)


def test_evidence_is_the_sentence_in_its_article(client):
    quote = client.get("/api/quotes", params={"speaker_id": "donald-trump", "q": "annexation"}).json()["items"][0]
    body = client.get(f"/api/evidence/{quote['id']}").json()
    sentence, text = body["sentence"], body["article"]["text"]
    assert sentence["start"] <= quote["start"] < quote["end"] <= sentence["end"]
    assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    assert sentence["text"].endswith(".") and len(sentence["text"]) < 400
    assert body["permalink"] == f"/articles/{quote['doc_id']}?highlight={quote['id']}#r-{quote['id']}"


@pytest.mark.parametrize("path, params, status, words", [
    ("/api/quotes", {"limit": 0}, 422, "limit"),
    ("/api/quotes", {"limit": "many"}, 422, "limit"),
    ("/api/statements", {"since": "last week"}, 422, "since"),
    ("/api/documents", {"issue": "ceasefire"}, 400, "does not apply to documents"),
    ("/api/mentions", {"q": "Kallas"}, 400, "no text to search"),
    ("/api/networks", {"aggregation": "love"}, 400, "aggregation"),
    ("/api/fractures", {"bloc": "no-such-bloc"}, 400, "bloc"),
    ("/api/evidence/0000000000000000", {}, 404, "No stored record"),
    ("/api/nothing-here", {}, 404, "no such page"),
])
def test_bad_requests_get_a_sentence_not_a_traceback(client, path, params, status, words):
    reply = client.get(path, params=params)
    assert reply.status_code == status
    message = reply.json()["error"]
    assert words in message and "Traceback" not in message and message.endswith((".", ")."))


def test_the_openapi_docs_come_from_the_record_types(client):
    schema = client.get("/api/openapi.json").json()
    assert {f"/api/{name}" for name in RECORD_TYPES} <= set(schema["paths"])
    quote = schema["components"]["schemas"]["Quote"]
    assert {"speaker_id", "kind", "start", "end"} <= set(quote["properties"])
    assert client.get("/api/docs").status_code == 200


def test_article_text_comes_back_as_data(client):
    body = client.get("/api/documents", params={"q": "envoy draft"}).json()
    assert body["items"][0]["text"] == HOSTILE


def test_the_server_cannot_write(store_url):
    store = read_only(store_url)
    with pytest.raises(Exception, match="readonly|read-only|read only"), store.engine.begin() as conn:
        conn.execute(insert(TABLES["actors"]), [{"id": "intruder", "name": "Intruder", "kind": "person",
                                                 "aliases": [], "roles": [], "memberships": [], "metonyms": [],
                                                 "demonyms": [], "local": False}])


def test_a_database_detente_did_not_write_is_refused(tmp_path):
    with pytest.raises(StoreError, match="does not exist: run `detente run` first"):
        read_only(f"sqlite:///{tmp_path / 'missing.db'}")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE documents (id TEXT)")
    with pytest.raises(StoreError, match="has no actors, events, mentions, quotes, statements table"):
        read_only(f"sqlite:///{other}")


@pytest.mark.skipif(not postgres_url(), reason="no PostgreSQL server: set DETENTE_TEST_PG_URL")
def test_the_api_reads_postgresql_and_cannot_write_to_it(client):
    from fastapi.testclient import TestClient

    from detente.serve import create_app

    store = read_only(build_store(fresh_postgres()))
    on_pg = TestClient(create_app(store))
    for params in ({"issue": "crimea-recognition"}, {"q": "annexation Crimea"}, {"since": "2025-08-01"}):
        assert on_pg.get("/api/statements", params=params).json() == client.get("/api/statements", params=params).json()
    with pytest.raises(Exception, match="read-only"), store.engine.begin() as conn:
        conn.execute(insert(TABLES["documents"]), [{"id": "x", "doc": "x", "source": "x", "text": "x", "language": "en"}])


def test_analyses_follow_a_store_that_another_run_adds_to(tmp_path):
    from fastapi.testclient import TestClient

    from detente.serve import create_app
    from detente.store import open_store

    url = f"sqlite:///{tmp_path / 'growing.db'}"
    writer = open_store(url)
    bundles = seed_bundles()
    for document, records in bundles[:2]:
        writer.add(document, records)
    served = TestClient(create_app(read_only(url)))
    before = served.get("/api/positions", params={"issue": "crimea-recognition"}).json()
    assert before == served.get("/api/positions", params={"issue": "crimea-recognition"}).json()
    for document, records in bundles[2:]:
        writer.add(document, records)
    after = served.get("/api/positions", params={"issue": "crimea-recognition"}).json()
    assert not before and {p["actor_id"] for p in after} == {"donald-trump", "volodymyr-zelensky", "kaja-kallas"}
