"""Event dyads over time: who did what to whom, window by window, on PLOVER's
conflict–cooperation scale.

Each event counts once for each (source, target) pair of its compound actors. A dyad's
`cooperation` sums the positive scores of its events, `conflict` the negative ones,
`net` both, and `mean` is the net over the events; `types` counts the PLOVER types and
`evidence` lists the ids of the events, so every figure goes back to its sentences.
Negated events are left out, and so are future ones unless `future` is set.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Optional

from detente.analysis.filters import Window, time_windows
from detente.analysis.table import Table
from detente.records import Event


def dyads(events: Iterable[Event], days: Optional[int] = None, future: bool = False) -> Table:
    """Source–target dyads of `events` per time window of `days` days (None: the whole
    period, undated events included), most active first within each window."""
    chosen = [e for e in events if not e.negated and (future or e.tense != "future")]
    windows: list[Optional[Window]] = list(time_windows([e.date for e in chosen], days)) if days else [None]
    rows = Table()
    for window in windows:
        groups: dict[tuple, list[Event]] = defaultdict(list)
        for event in chosen:
            if window is not None and not window.holds(event.date):
                continue
            for source, target in pairs(event):
                groups[(source, target)].append(event)
        found = []
        for (source, target), members in groups.items():
            scores = [e.score for e in members]
            found.append({
                "window": window.label if window is not None else "",
                "source": source[1], "source_id": source[0], "target": target[1], "target_id": target[0],
                "events": len(members),
                "cooperation": round(sum(s for s in scores if s > 0), 2),
                "conflict": round(sum(s for s in scores if s < 0), 2),
                "net": round(sum(scores), 2), "mean": round(sum(scores) / len(scores), 2),
                "types": dict(Counter(e.type for e in members).most_common()),
                "evidence": [e.id for e in members],
            })
        rows.extend(sorted(found, key=lambda r: (-r["events"], r["source"], r["target"])))
    return rows


def pairs(event: Event) -> list[tuple[tuple, tuple]]:
    """The (source, target) pairs of an event, each actor as (id or name, name); an event
    without a target pairs its sources with no one ("", "")."""
    sources = [(i or n, n) for n, i in zip(event.source, event.source_id or [None] * len(event.source))]
    targets = [(i or n, n) for n, i in zip(event.target, event.target_id or [None] * len(event.target))]
    return [(s, t) for s in sources for t in (targets or [("", "")]) if s != t]
