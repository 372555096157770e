"""A run records its taxonomy and says when the articles barely match it."""
import json

from detente import runner
from detente.config import Config

OFF_TOPIC = ("The city council of Lindholm voted on Tuesday to extend the tram line to the harbour. "
             "Mayor Karin Steen said the new stops would open next spring.")


def test_a_run_records_its_taxonomy_and_notes_a_corpus_that_barely_matches_it(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "tram.txt").write_text(OFF_TOPIC, encoding="utf-8")
    summary = runner.run([tmp_path / "in"], tmp_path / "out", Config(), quiet=True)
    facts = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert facts["taxonomy"] == summary.taxonomy == "ukraine-peace-2025"
    assert facts["taxonomy_file"].endswith("ukraine-peace-2025.yaml")
    assert any("barely match" in note and "detente taxonomy check" in note for note in summary.notes)
    assert facts["notes"] == summary.notes


def test_articles_that_match_their_taxonomy_get_no_note(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "talks.txt").write_text(
        "President Volodymyr Zelensky flatly rejected any deal that would cede Ukrainian territory to Russia.",
        encoding="utf-8")
    summary = runner.run([tmp_path / "in"], tmp_path / "out", Config(), quiet=True)
    assert summary.added == 1 and not summary.notes
