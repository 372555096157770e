"""Selecting statements: by actor kind, bloc, outlet and date, and time windows over dates."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Iterable, Optional

from detente.analysis.blocs import Blocs
from detente.records import Actor, Document, Statement


def actor_key(statement: Statement) -> str:
    """The id an analysis groups a statement's actor under: its actor id, else its name."""
    return statement.actor_id or statement.actor


def select(
    statements: Iterable[Statement],
    actors: Iterable[Actor] = (),
    documents: Iterable[Document] = (),
    *,
    kinds: Optional[Iterable[str]] = None,
    blocs: Optional[Iterable[str]] = None,
    outlets: Optional[Iterable[str]] = None,
    start: Optional[str] = None,
    end: Optional[str] = None,
) -> list[Statement]:
    """Statements whose actor is of one of `kinds` and in one of `blocs`, from an article of
    one of `outlets`, dated from `start` to `end` (ISO dates, inclusive). A filter left as
    None lets everything through; a date filter drops undated statements."""
    actors = list(actors)
    by_id = {a.id: a for a in actors}
    membership = Blocs(actors) if blocs is not None else None
    outlet_of = {d.id: d.outlet for d in documents}
    kinds, blocs, outlets = (set(x) if x is not None else None for x in (kinds, blocs, outlets))
    chosen = []
    for s in statements:
        actor = by_id.get(s.actor_id or "")
        if kinds is not None and (actor is None or actor.kind not in kinds):
            continue
        if membership is not None and blocs is not None and not membership.of(s.actor_id, s.date) & blocs:
            continue
        if outlets is not None and outlet_of.get(s.doc_id) not in outlets:
            continue
        if (start or end) and not s.date:
            continue
        if (start and s.date and s.date < start) or (end and s.date and s.date > end):
            continue
        chosen.append(s)
    return chosen


@dataclass(frozen=True)
class Window:
    """A span of dates, both ends included."""

    start: str
    end: str

    @property
    def label(self) -> str:
        return self.start if self.start == self.end else f"{self.start} to {self.end}"

    def holds(self, date: Optional[str]) -> bool:
        return date is not None and self.start <= date[:10] <= self.end


def time_windows(dates: Iterable[Optional[str]], days: int, step: Optional[int] = None) -> list[Window]:
    """Windows of `days` days moved by `step` days (default: `days`, so they do not
    overlap) from the first date to the last, as in DNA's time-window export. Windows
    holding none of the dates are left out."""
    if days < 1 or (step is not None and step < 1):
        raise ValueError("A time window must be at least one day long and move by at least one day.")
    found = sorted({Date.fromisoformat(d[:10]) for d in dates if d})
    if not found:
        return []
    step = step or days
    windows, begin = [], found[0]
    while begin <= found[-1]:
        finish = begin + timedelta(days=days - 1)
        if any(begin <= d <= finish for d in found):
            windows.append(Window(begin.isoformat(), finish.isoformat()))
        begin += timedelta(days=step)
    return windows
