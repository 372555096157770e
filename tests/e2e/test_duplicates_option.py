"""The duplicates option chosen in detente.toml (`[analysis] duplicates`) and by
`detente report --duplicates`: the positions a report counts follow it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import cli
from detente.config import from_mapping, load
from detente.errors import ConfigError
from detente.records import Actor, Document, Statement, record_id, text_id
from detente.store import open_store, sqlite_url

ENVOY = Actor(id="envoy-test", name="Ines Varga", kind="person")
SAYINGS = {  # article date -> the sentences in which the envoy backs a ceasefire
    "2025-03-03": ["Ines Varga said a ceasefire must come first.", "Varga repeated that she backs a ceasefire."],
    "2025-03-05": ["On Wednesday Ines Varga again called for a ceasefire along the front."],
    "2025-04-22": ["In April Ines Varga told a forum in Oslo that a truce was overdue."],
}


@pytest.fixture
def out(tmp_path) -> Path:
    """A store of three articles in which one envoy supports one issue four times: twice in
    the first article, then two days later, then seven weeks later."""
    store = open_store(sqlite_url(tmp_path / "detente.db"))
    for day, sentences in SAYINGS.items():
        text = " ".join(sentences)
        doc = Document(id=text_id(text), doc=f"{day}.txt", source=f"{day}.txt", text=text, published=day)
        found = [Statement(id=record_id(doc.id, i), doc=doc.doc, doc_id=doc.id, date=day, actor=ENVOY.name,
                           actor_id=ENVOY.id, issue="ceasefire", stance="support", evidence=s,
                           start=text.index(s), end=text.index(s) + len(s), confidence=0.8)
                 for i, s in enumerate(sentences)]
        store.add(doc, {"actors": [ENVOY], "statements": found})
    return tmp_path


def support_counted(out: Path) -> int:
    (row,) = [json.loads(line) for line in (out / "positions.jsonl").read_text(encoding="utf-8").splitlines()]
    return row["support"]


@pytest.mark.parametrize("option, counted", [
    ("all", 4), ("document", 3), ("week", 2), ("month", 2), ("year", 1), ("range", 1)])
def test_report_counts_repeated_statements_as_the_option_says(out, option, counted):
    result = CliRunner().invoke(cli, ["report", str(out), "--duplicates", option])
    assert result.exit_code == 0, result.output
    assert support_counted(out) == counted
    assert f"duplicates: {option}" in (out / "report.html").read_text(encoding="utf-8")


def test_the_default_is_one_statement_per_document(out):
    assert CliRunner().invoke(cli, ["report", str(out)]).exit_code == 0
    assert support_counted(out) == 3


def test_detente_toml_chooses_the_option_and_the_command_line_overrides_it(out, tmp_path):
    config = tmp_path / "detente.toml"
    config.write_text('[analysis]\nduplicates = "week"\n', encoding="utf-8")
    assert load(config).analysis.duplicates == "week"
    assert CliRunner().invoke(cli, ["report", str(out), "--config", str(config)]).exit_code == 0
    assert support_counted(out) == 2
    assert CliRunner().invoke(cli, ["report", str(out), "--config", str(config), "--duplicates", "all"]).exit_code == 0
    assert support_counted(out) == 4


def test_an_unknown_option_is_a_configuration_error_that_lists_the_options():
    with pytest.raises(ConfigError, match="'daily' does not exist; the options are all, document, week"):
        from_mapping({"analysis": {"duplicates": "daily"}})
    assert CliRunner().invoke(cli, ["report", "anywhere", "--duplicates", "daily"]).exit_code == 2
