"""The POLECAT-like events CSV."""
from __future__ import annotations

import csv

from detente.exports import write_events_csv
from detente.records import Actor, Document, Event


def test_the_csv_gives_actor_countries_and_kinds(tmp_path):
    actors = [Actor(id="jane-roe", name="Jane Roe", kind="person", country="ruritania"),
              Actor(id="borduria", name="Borduria", kind="country")]
    documents = [Document(id="d1", doc="a.txt", source="a.txt", text="…", url="https://example.org/a")]
    events = [Event(id="e1", doc="a.txt", doc_id="d1", type="ACCUSE", source=["Jane Roe"], source_id=["jane-roe"],
                    target=["Borduria", "the rebels"], target_id=["borduria", None], date="2025-03-01",
                    evidence="Jane Roe accused Borduria and the rebels of shelling the dam.", score=-2.0)]
    path = write_events_csv(tmp_path / "events_polecat.csv", events, actors, documents)
    (row,) = list(csv.DictReader(path.open(encoding="utf-8")))
    assert (row["event_type"], row["actor_name"], row["actor_country"], row["actor_kind"]) == (
        "ACCUSE", "Jane Roe", "ruritania", "person")
    assert (row["recipient_name"], row["recipient_country"], row["recipient_kind"]) == (
        "Borduria; the rebels", "borduria; ", "country; ")
    assert row["url"] == "https://example.org/a" and row["evidence"].startswith("Jane Roe accused")
