"""Event dyads over time on the conflict–cooperation scale."""
from __future__ import annotations

from detente.analysis import dyads
from detente.records import Event


def event(n: int, kind: str, score: float, date: str, source=("Ruritania",), target=("Borduria",),
          negated=False, tense="past") -> Event:
    return Event(id=f"e{n}", doc="a.txt", doc_id="d1", type=kind, source=list(source),  # type: ignore[arg-type]
                 source_id=[s.lower() for s in source], target=list(target), target_id=[t.lower() for t in target],
                 date=date, score=score, negated=negated, tense=tense)  # type: ignore[arg-type]


EVENTS = [
    event(1, "ASSAULT", -9.3, "2025-01-02"),
    event(2, "CONSULT", 2.1, "2025-01-05"),
    event(3, "AGREE", 4.2, "2025-02-10"),
    event(4, "ASSAULT", -9.3, "2025-02-11", negated=True),  # denied: left out
    event(5, "CONSULT", 2.1, "2025-02-20", tense="future"),  # not yet: left out
    event(6, "AID", 7.4, "2025-02-12", source=("Syldavia", "Ruritania")),
]


def test_dyads_sum_cooperation_and_conflict_per_window():
    rows = dyads(EVENTS, days=31)
    first = [r for r in rows if r["window"].startswith("2025-01-02")]
    (pair,) = first
    assert (pair["source_id"], pair["target_id"], pair["events"]) == ("ruritania", "borduria", 2)
    assert (pair["cooperation"], pair["conflict"], pair["net"]) == (2.1, -9.3, -7.2)
    assert pair["types"] == {"ASSAULT": 1, "CONSULT": 1} and pair["evidence"] == ["e1", "e2"]
    second = {(r["source_id"], r["target_id"]): r for r in rows if r["window"].startswith("2025-02-02")}
    assert second[("ruritania", "borduria")]["types"] == {"AGREE": 1, "AID": 1}
    assert second[("syldavia", "borduria")]["net"] == 7.4  # a compound source gives each member a dyad


def test_future_events_count_when_asked():
    whole = dyads(EVENTS, future=True)
    pair = next(r for r in whole if r["source_id"] == "ruritania")
    assert pair["window"] == "" and pair["events"] == 5 and "e5" in pair["evidence"] and "e4" not in pair["evidence"]
