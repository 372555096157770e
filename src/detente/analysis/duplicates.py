"""DNA's duplicate options: which repeated statements count.

Two statements are duplicates, as in the Discourse Network Analyzer, when they share
actor, issue and stance; `duplicates` says over what scope only the first one counts:
`all` (every statement counts, DNA's "include all duplicates"), `document` (one per
article, DNA's "ignore per document", the default), `week`, `month` or `year` (one per
calendar week, ISO, month or year), `range` (one over the whole date range). In the
calendar options an undated statement counts once in its own article.
"""
from __future__ import annotations

from datetime import date as Date
from typing import Iterable, Optional

from detente.analysis.filters import actor_key
from detente.analysis.settings import settings
from detente.config import DUPLICATES as DUPLICATE_OPTIONS
from detente.records import Statement


def _scope(statement: Statement, duplicates: str) -> str:
    """The span over which a statement's duplicates count once."""
    if duplicates == "range":
        return ""
    if duplicates == "document" or not statement.date:
        return f"doc:{statement.doc_id}"
    day = Date.fromisoformat(statement.date[:10])
    if duplicates == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return statement.date[:7] if duplicates == "month" else statement.date[:4]


def deduplicate(statements: Iterable[Statement], duplicates: Optional[str] = None) -> list[Statement]:
    """The statements that count under the `duplicates` option (default: settings.yaml's,
    `document`): the earliest of each actor, issue, stance and scope, in input order."""
    duplicates = duplicates or settings()["duplicates"]
    if duplicates not in DUPLICATE_OPTIONS:
        raise ValueError(f"The duplicates option must be one of {', '.join(DUPLICATE_OPTIONS)}, not {duplicates!r}.")
    statements = list(statements)
    if duplicates == "all":
        return statements
    first: dict[tuple, Statement] = {}
    for s in sorted(statements, key=lambda s: (s.date or "9999", s.doc, s.start)):
        first.setdefault((actor_key(s), s.issue, s.stance, _scope(s, duplicates)), s)
    kept = {id(s) for s in first.values()}
    return [s for s in statements if id(s) in kept]
