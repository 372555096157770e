"""The position map: where each actor stands on each issue, and the evidence for it."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from detente.analysis.filters import actor_key
from detente.analysis.table import Table
from detente.records import Actor, Statement

STANCE_SCALE = {"oppose": -1, "neutral": 0, "support": 1}


def evidence(statement: Statement) -> dict:
    """The part of a statement a reader needs to check it in its article."""
    return {
        "statement": statement.id,
        "doc": statement.doc,
        "doc_id": statement.doc_id,
        "date": statement.date,
        "actor": statement.actor,
        "stance": statement.stance,
        "text": statement.evidence,
        "start": statement.start,
        "end": statement.end,
    }


def position_label(net: int) -> str:
    """`support` or `oppose` by the sign of the net position, `neutral` at zero."""
    return "support" if net > 0 else "oppose" if net < 0 else "neutral"


def position_map(statements: Iterable[Statement], actors: Iterable[Actor] = ()) -> Table:
    """One row per actor × issue: support, oppose and neutral counts, net position
    (support − oppose) and its label, first and last date, and the evidence behind it."""
    kind_of = {a.id: a.kind for a in actors}
    cells: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for s in statements:
        cells[(actor_key(s), s.issue)].append(s)
    rows = Table()
    for (key, issue), group in sorted(cells.items()):
        group.sort(key=lambda s: (s.date or "", s.doc, s.start))
        counts = {stance: sum(s.stance == stance for s in group) for stance in STANCE_SCALE}
        net = counts["support"] - counts["oppose"]
        dates = [s.date for s in group if s.date]
        rows.append({
            "actor_id": key,
            "actor": group[0].actor,
            "kind": kind_of.get(key),
            "issue": issue,
            **counts,
            "statements": len(group),
            "net": net,
            "position": position_label(net),
            "first": min(dates) if dates else None,
            "last": max(dates) if dates else None,
            "evidence": [evidence(s) for s in group],
        })
    return rows
