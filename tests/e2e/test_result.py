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
    # sides are governments and bodies, with the officials who spoke for them
    assert top["supporter"] in {"United States", "NATO"}
    assert top["opponent"] in {"Poland", "Germany", "European Union"}
    assert set(top["supporter_speakers"]) <= {"Donald Trump", "Pete Hegseth", "Mark Rutte"}
    assert "territor" in top["supporter_evidence"]["text"]
    assert top["supporter_evidence"]["doc"].endswith(".txt") and top["opponent_evidence"]["text"]


def test_findings_hold_every_table_over_the_statements_that_count(result):
    findings = result.findings()
    assert findings.duplicates == "document" and len(findings.statements) <= len(result.statements)
    assert findings["fractures"][0]["issue"] == "territorial-concessions"
    assert len(result.findings("all").statements) == len(result.statements)


def test_positions_and_networks_come_from_the_same_statements(result):
    positions = result.positions().to_pandas()
    tusk = positions[(positions.actor == "Donald Tusk") & (positions.issue == "territorial-concessions")]
    assert tusk.iloc[0]["oppose"] >= 1
    conflict = result.network("conflict")
    assert conflict and all(e["weight"] > 0 for e in conflict)


def test_a_string_path_is_one_path_and_keywords_choose_the_taxonomy(articles):
    one = next(iter(sorted(articles.glob("*.txt"))))
    result = detente.analyze(str(one), taxonomy="iran-nuclear-2025")
    assert [d.doc for d in result.documents] == [one.name]
    assert {s.issue for s in result.statements} <= {"domestic-enrichment", "iaea-inspections", "sanctions-relief",
                                                   "snapback", "military-strikes", "direct-talks"}


def test_open_loads_a_stored_run_with_the_same_records(tmp_path, articles, result):
    from detente import runner

    runner.run([articles], tmp_path / "out", quiet=True)
    stored = detente.open(tmp_path / "out")
    assert sorted(q.id for q in stored.quotes) == sorted(q.id for q in result.quotes)
    assert stored.fractures()[0]["supporter"] == result.fractures()[0]["supporter"]


def test_open_on_a_folder_without_a_run_says_so(tmp_path):
    with pytest.raises(detente.DetenteError, match="holds no Détente run"):
        detente.open(tmp_path)


def test_dir_shows_the_public_api():
    assert {"analyze", "open", "Result", "Config", "DetenteError"} <= set(dir(detente))
