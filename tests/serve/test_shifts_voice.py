"""The shifts and voice endpoints: ranked rows with filters, paging and links to the
evidence behind each row, over a store of articles written here in which a minister
changes position and outlets quote different speakers."""
from __future__ import annotations

import pytest

from detente.records import Actor, Document, Quote, Statement, text_id
from detente.store import open_store, sqlite_url
from detente.store.query import read_only

ARTICLES = [  # outlet, date, what the minister says, the stance it takes on the fishing quota
    ("Harbour Post", "2024-01-10", "The minister said the new fishing quota would protect the coast.", "support"),
    ("Harbour Post", "2024-02-12", "The minister said she still backs the fishing quota.", "support"),
    ("Coast Daily", "2024-09-03", "The minister said the fishing quota had failed and must be scrapped.", "oppose"),
    ("Coast Daily", "2024-09-20", "The minister said the fishing quota will end next year.", "oppose"),
]
MINISTER = Actor(id="ana-minister", name="Ana Minister", kind="person", gender="female")


def bundle(outlet: str, date: str, text: str, stance: str) -> tuple[Document, dict]:
    doc = Document(id=text_id(text), doc=f"{date}.txt", source=f"{date}.txt", text=text, published=date,
                   outlet=outlet)
    said = text.index("the ", 12)
    quote = Quote(id=text_id("quote " + text), doc=doc.doc, doc_id=doc.id, start=said, end=len(text) - 1,
                  text=text[said:-1], kind="indirect", speaker="Ana Minister", speaker_id=MINISTER.id)
    statement = Statement(id=text_id("statement " + text), doc=doc.doc, doc_id=doc.id, date=date,
                          actor="Ana Minister", actor_id=MINISTER.id, issue="fishing-quota", stance=stance,
                          evidence=text, start=0, end=len(text), quote_id=quote.id, confidence=0.9)
    return doc, {"actors": [MINISTER], "quotes": [quote], "statements": [statement]}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from detente.serve import create_app

    url = sqlite_url(tmp_path_factory.mktemp("shifts") / "detente.db")
    store = open_store(url)
    for article in ARTICLES:
        store.add(*bundle(*article))
    store.engine.dispose()
    return TestClient(create_app(read_only(url)))


def test_a_change_of_position_is_a_shift_with_links_to_both_sentences(client):
    body = client.get("/api/shifts", params={"window_days": 90}).json()
    (shift,) = body["items"]
    assert body["total"] == 1 and (shift["actor_id"], shift["issue"]) == ("ana-minister", "fishing-quota")
    assert (shift["from_position"], shift["to_position"], shift["steps"], shift["rank"]) == ("support", "oppose", 2, 1)
    assert len(shift["evidence"]) == len(shift["statements"]) == 4
    sentences = {client.get(link).json()["sentence"]["text"] for link in shift["evidence"]}
    assert sentences == {text for _, _, text, _ in ARTICLES}


def test_shifts_follow_the_filters(client):
    assert client.get("/api/shifts", params={"window_days": 90, "since": "2024-06-01"}).json()["total"] == 0
    assert client.get("/api/shifts", params={"window_days": 90, "outlet": "Coast Daily"}).json()["items"] == []
    assert client.get("/api/shifts", params={"window_days": 90, "actor_id": "ana-minister"}).json()["total"] == 1


def test_voice_shares_are_of_each_outlet_with_the_quotes_behind_them(client):
    body = client.get("/api/voice", params={"dimension": "gender"}).json()
    shares = {(r["outlet"], r["group"]): (r["quotes"], r["share"]) for r in body["items"]}
    assert shares == {("all", "female"): (4, 1.0), ("Coast Daily", "female"): (2, 1.0),
                      ("Harbour Post", "female"): (2, 1.0)}
    coast = next(r for r in body["items"] if r["outlet"] == "Coast Daily")
    quoted = [client.get(link).json()["record"]["text"] for link in coast["evidence"]]
    assert all("failed" in q or "will end" in q for q in quoted) and len(quoted) == 2


def test_voice_follows_outlet_and_dates_and_pages(client):
    harbour = client.get("/api/voice", params={"outlet": "Harbour Post", "dimension": "actor"}).json()
    assert {(r["outlet"], r["quotes"]) for r in harbour["items"]} == {("all", 2), ("Harbour Post", 2)}
    autumn = client.get("/api/voice", params={"since": "2024-09-01", "dimension": "kind"}).json()
    assert {r["outlet"] for r in autumn["items"]} == {"all", "Coast Daily"}
    first, second = (client.get("/api/voice", params={"limit": 2, "offset": o}).json() for o in (0, 2))
    assert first["total"] == second["total"] > 4 and len(first["items"]) == 2
    assert first["items"] != second["items"]


@pytest.mark.parametrize("path, params, status, words", [
    ("/api/voice", {"issue": "fishing-quota"}, 400, "does not apply to voice"),
    ("/api/voice", {"dimension": "height"}, 422, "dimension"),
    ("/api/voice", {"bloc": "no-such-bloc"}, 400, "bloc"),
    ("/api/shifts", {"window_days": 0}, 422, "window_days"),
    ("/api/shifts", {"limit": 5000}, 422, "limit"),
])
def test_bad_parameters_get_a_sentence(client, path, params, status, words):
    reply = client.get(path, params=params)
    assert reply.status_code == status and words in reply.json()["error"]


def test_the_openapi_docs_describe_shifts_and_voice(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/shifts", "/api/voice"):
        parameters = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert {"since", "until", "outlet", "actor_id", "limit", "offset"} <= parameters, path
