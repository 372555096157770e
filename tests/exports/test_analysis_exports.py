"""Every analysis table as JSON Lines and CSV, rows naming actors by id and pointing to
their evidence by statement id."""
from __future__ import annotations

import csv
import json

from detente.analysis import analyse
from detente.exports import write_analysis
from seed_records import ACTORS, documents, quotes, statements


def test_analysis_tables_are_written_as_jsonl_and_csv(tmp_path):
    docs = documents()
    found = statements(docs)
    findings = analyse(docs, ACTORS, quotes(found), found)
    names = sorted(p.name for p in write_analysis(tmp_path, findings.tables))
    for table in ("positions", "cohesion", "cohesion_over_time", "fractures", "shifts", "voice", "reposts"):
        assert f"{table}.jsonl" in names and f"{table}.csv" in names
    ids = {s.id for s in found}
    top = json.loads((tmp_path / "fractures.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (top["supporter_id"], top["opponent_id"]) == ("united-states", "germany")
    assert {top["supporter_evidence"], top["opponent_evidence"]} <= ids
    with open(tmp_path / "positions.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(findings["positions"])
    assert set(json.loads(rows[0]["evidence"])) <= ids
    assert (tmp_path / "reposts.jsonl").read_text(encoding="utf-8") == ""  # the seeds repeat no story
