"""Position shifts and voice shares on cases small enough to count by hand."""
from __future__ import annotations

import pytest

from detente.analysis import shifts, time_windows, voice
from detente.records import Actor, Document, Quote, Role, Statement


def said(actor, stance, date, n=0, issue="sanctions", confidence=0.5):
    return Statement(id=f"{actor}-{date}-{n}", doc=f"{date}.txt", doc_id=date, date=date, actor=actor.title(),
                     actor_id=actor, issue=issue, stance=stance, evidence=f"{actor} {stance}s on {date}",
                     start=n, end=n + 1, confidence=confidence)


# windows of 30 days from the first date: 3 Jan–1 Feb, 2 Feb–3 Mar, 4 Mar–2 Apr
FOUND = [said("ana", "support", "2025-01-03"), said("ana", "support", "2025-01-20", 1, confidence=0.9),
         said("ana", "oppose", "2025-02-10"), said("ana", "oppose", "2025-03-05"),   # a reversal, then steady
         said("ben", "support", "2025-01-04"), said("ben", "neutral", "2025-03-10"),  # to neutral, one step
         said("cy", "oppose", "2025-01-05"), said("cy", "support", "2025-01-06", 1),  # within one window: none
         said("dee", "oppose", "2025-01-07"), said("dee", "oppose", "2025-03-20")]     # steady over a gap


def test_shifts_between_consecutive_windows_ranked_with_both_sentences():
    rows = shifts(FOUND, time_windows([s.date for s in FOUND], days=30))
    assert [(r["actor_id"], r["from_position"], r["to_position"], r["steps"]) for r in rows] == [
        ("ana", "support", "oppose", 2), ("ben", "support", "neutral", 1)]
    ana = rows[0]
    assert (ana["from_start"], ana["to_start"], ana["rank"]) == ("2025-01-03", "2025-02-02", 1)
    assert ana["earlier_evidence"]["text"] == "ana supports on 2025-01-20"  # the more confident of the two
    assert ana["later_evidence"]["text"] == "ana opposes on 2025-02-10"
    assert ana["statements"] == ["ana-2025-01-03-0", "ana-2025-01-20-1", "ana-2025-02-10-0"]


def test_shifts_rank_reversals_before_steps_and_skip_undated():
    undated = [said("ana", "support", None), said("ana", "oppose", None, 1)]
    assert shifts(undated) == []
    rows = shifts(FOUND + undated)  # default windows: 30 days, from settings.yaml
    assert [r["actor_id"] for r in rows] == ["ana", "ben"]


ACTORS = [Actor("poland", "Poland", "country", memberships=["nato", "eu"]), Actor("nato", "NATO", "organisation"),
          Actor("tusk", "Tusk", "person", gender="male", country="poland"),
          Actor("kallas", "Kallas", "person", gender="female", roles=[Role("High Representative", "eu", "2024-12-01")]),
          Actor("ministry", "Polish ministry", "organisation", memberships=["nato"])]
DOCS = [Document("d1", "d1.txt", "d1.txt", "…", outlet="Reuters", published="2025-03-01"),
        Document("d2", "d2.txt", "d2.txt", "…", outlet="BBC", published="2025-03-02")]


def quote(n, doc, speaker_id, speaker):
    return Quote(id=f"q{n}", doc=doc, doc_id=doc, start=n, end=n + 1, text="…", kind="direct",
                 speaker=speaker, speaker_id=speaker_id)


# Reuters: Tusk twice, Kallas once, one unattributed; BBC: the ministry once, Kallas once
QUOTES = [quote(1, "d1", "tusk", "Tusk"), quote(2, "d1", "tusk", "Tusk"), quote(3, "d1", "kallas", "Kallas"),
          quote(4, "d1", None, None), quote(5, "d2", "ministry", "Polish ministry"), quote(6, "d2", "kallas", "Kallas")]


def test_voice_shares_by_outlet_kind_gender_bloc_and_speaker():
    rows = voice(QUOTES, ACTORS, DOCS)
    share = {(r["outlet"], r["dimension"], r["group"]): (r["quotes"], r["share"]) for r in rows}
    assert share[("all", "kind", "person")] == (4, pytest.approx(4 / 6))
    assert share[("all", "kind", "organisation")] == (1, pytest.approx(1 / 6))
    assert share[("all", "kind", "unknown")] == (1, pytest.approx(1 / 6))
    assert share[("all", "gender", "female")] == (2, pytest.approx(2 / 6))
    assert share[("all", "gender", "male")] == (2, pytest.approx(2 / 6))
    assert share[("Reuters", "gender", "male")] == (2, pytest.approx(2 / 4))
    assert share[("BBC", "actor", "kallas")] == (1, pytest.approx(1 / 2))
    assert share[("all", "bloc", "nato")] == (3, pytest.approx(3 / 6))  # Tusk via Poland, and the ministry
    assert share[("all", "bloc", "eu")] == (4, pytest.approx(4 / 6))    # Tusk via Poland, Kallas for the EU
    tusk = next(r for r in rows if (r["outlet"], r["dimension"], r["group"]) == ("all", "actor", "tusk"))
    assert tusk["quote_ids"] == ["q1", "q2"] and tusk["label"] == "Tusk"
    assert rows[0]["outlet"] == "all" and rows[0]["dimension"] == "kind" and rows[0]["group"] == "person"
