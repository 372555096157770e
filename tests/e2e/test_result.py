"""The Python API: `detente.analyze(paths)` on the demo articles, as a notebook user would call it."""
from __future__ import annotations

import pytest

import detente


@pytest.fixture(scope="module")
def result(articles):
    return detente.analyze([articles])


def test_analyze_returns_tables_that_become_dataframes(result):
    quotes = result.quotes.to_pandas()
    assert len(result.documents) == 5 and len(quotes) > 20
    assert {"doc", "start", "end", "text", "kind", "speaker"} <= set(quotes.columns)
    tusk = quotes[quotes.speaker == "Donald Tusk"]
    assert any("borders cannot be altered by force" in t for t in tusk.text)


def test_the_western_split_on_territorial_concessions_is_the_top_fracture(result):
    top = result.fractures()[0]
    assert top["issue"] == "territorial-concessions"
    assert top["supporter"] == "Mark Rutte"
    assert top["opponent"] in {"Donald Tusk", "Kaja Kallas", "Boris Pistorius"}
    assert "territor" in top["supporter_evidence"]["text"]
    assert top["supporter_evidence"]["doc"].endswith(".txt") and top["opponent_evidence"]["text"]


def test_positions_and_networks_come_from_the_same_statements(result):
    positions = result.positions().to_pandas()
    tusk = positions[(positions.actor == "Donald Tusk") & (positions.issue == "territorial-concessions")]
    assert tusk.iloc[0]["oppose"] >= 1
    conflict = result.network("conflict")
    assert conflict and all(e["weight"] > 0 for e in conflict)
