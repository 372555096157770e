"""Position shifts: an actor changing stance on an issue over time.

Dated statements fall into time windows (`filters.time_windows`); in each window where
an actor spoke on an issue, its position is the sign of its net (support − oppose). A
shift is a change of position between two consecutive windows in which the actor spoke:
a reversal (support to oppose or back) moves 2 steps, to or from neutral 1. Shifts rank
by steps, then by how many statements stand behind the two positions, then latest first.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from detente.analysis.filters import Window, actor_key, time_windows
from detente.analysis.positions import STANCE_SCALE, evidence, position_label
from detente.analysis.settings import settings
from detente.analysis.table import Table
from detente.records import Statement


def _telling(group: list[Statement], position: str, latest: bool) -> Statement:
    """The statement that best shows a position: of its stance, most confident, then the
    latest (for the later position) or the earliest (for the earlier one)."""
    chosen = [s for s in group if s.stance == position] or group
    return max(chosen, key=lambda s: (s.confidence, (s.date or "") if latest else "", -s.start))


def shifts(statements: Iterable[Statement], windows: Optional[Iterable[Window]] = None) -> Table:
    """One row per actor, issue and change of position between consecutive windows in
    which the actor spoke on the issue (default windows: settings.yaml's
    `shift_window_days`), ranked (see the module docstring), with the earlier and the
    later evidence sentence and the ids of every statement behind both positions."""
    dated = [s for s in statements if s.date]
    spans = list(windows) if windows is not None else time_windows(
        [s.date for s in dated], settings()["shift_window_days"])
    cells: dict[tuple[str, str], list[tuple[Window, list[Statement]]]] = defaultdict(list)
    for window in spans:
        grouped: dict[tuple[str, str], list[Statement]] = defaultdict(list)
        for s in dated:
            if window.holds(s.date):
                grouped[(actor_key(s), s.issue)].append(s)
        for cell, group in grouped.items():
            cells[cell].append((window, group))
    rows = Table()
    for (key, issue), history in sorted(cells.items()):
        for (before, old), (after, new) in zip(history, history[1:]):
            was = position_label(sum(STANCE_SCALE[s.stance] for s in old))
            now = position_label(sum(STANCE_SCALE[s.stance] for s in new))
            if was == now:
                continue
            rows.append({
                "actor_id": key, "actor": new[0].actor, "issue": issue,
                "from_position": was, "to_position": now,
                "steps": abs(STANCE_SCALE[now] - STANCE_SCALE[was]),
                "from_start": before.start, "from_end": before.end,
                "to_start": after.start, "to_end": after.end,
                "earlier_evidence": evidence(_telling(old, was, latest=False)),
                "later_evidence": evidence(_telling(new, now, latest=True)),
                "statements": [s.id for s in old + new],
            })
    rows.sort(key=lambda r: (-r["steps"], -len(r["statements"]), -_ordinal(r["to_start"]), r["actor"], r["issue"]))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return Table(rows)


def _ordinal(iso: str) -> int:
    """An ISO date as a number that sorts like it: 2025-03-01 → 20250301."""
    return int(iso.replace("-", ""))
