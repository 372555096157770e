"""Events through a whole run: the store, events.jsonl, the POLECAT-like CSV and the
Python API's dyads."""
from __future__ import annotations

import csv
import json

import detente
from detente import runner
from detente.config import Config

ARTICLE = """Kyiv talks stall

Russian forces shelled a power station near Kharkiv on Monday, Ukrainian officials said.
Ukraine's foreign minister condemned the attack and demanded that Moscow withdraw its troops.
Washington imposed new sanctions on Russia on Tuesday.
"""


def test_a_run_stores_and_exports_events(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "kyiv.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    summary = runner.run([source], out, Config(), quiet=True, csv=True)
    assert summary.counts["events"] >= 3
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    types = {(e["type"], tuple(e["source_id"]), tuple(e["target_id"])) for e in events}
    assert ("COERCE", ("united-states",), ("russia",)) in types  # Washington, the capital, is the country
    assert ("REQUEST", ("andrii-sybiha",), ("russia",)) in types  # the minister by his title
    assert any(e["type"] == "ASSAULT" and e["place"] == "Kharkiv" for e in events)
    rows = list(csv.DictReader((out / "events_polecat.csv").open(encoding="utf-8")))
    assert {"event_id", "event_type", "actor_country", "recipient_kind", "evidence"} <= set(rows[0])
    assert any(r["event_type"] == "REQUEST" and r["recipient_kind"] == "country" for r in rows)

    result = detente.open(out)
    assert len(result.events) == len(events)
    dyads = result.dyads()
    assert any(d["target_id"] == "russia" and d["conflict"] < 0 for d in dyads)
