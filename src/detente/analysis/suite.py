"""Every analysis table of a run, computed once for the report and the exports.

Statements from articles that copy an earlier one (`reposts`) are left out first, then
repeated statements count as the `duplicates` option says (`duplicates`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from detente.analysis.blocs import Blocs
from detente.analysis.cohesion import cohesion
from detente.analysis.duplicates import deduplicate
from detente.analysis.filters import Window, time_windows
from detente.analysis.fractures import fractures
from detente.analysis.positions import position_map
from detente.analysis.reposts import reposts, without_reposts
from detente.analysis.settings import settings
from detente.analysis.shifts import shifts
from detente.analysis.table import Table
from detente.analysis.voice import voice
from detente.records import Actor, Document, Quote, Statement


@dataclass
class Findings:
    """The statements and quotes that count, and the tables computed from them."""

    duplicates: str
    statements: list[Statement]
    quotes: list[Quote]
    windows: list[Window]
    tables: dict[str, Table] = field(default_factory=dict)
    undated: int = 0  # articles with no date

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]


def analyse(documents: Iterable[Document], actors: Iterable[Actor], quotes: Iterable[Quote],
            statements: Iterable[Statement], mentioned: Iterable[str] = (),
            duplicates: Optional[str] = None) -> Findings:
    """Positions, cohesion (overall and per window), fractures, shifts, voice and reposts
    over the statements that count; `mentioned` orders the blocs (see `fractures`)."""
    documents, actors, mentioned = list(documents), list(actors), list(mentioned)
    copies = reposts(documents)
    duplicates = duplicates or settings()["duplicates"]
    counted = deduplicate(without_reposts(statements, copies), duplicates)
    dropped = {row["copy_id"] for row in copies}
    heard = [q for q in quotes if q.doc_id not in dropped]
    windows = time_windows([s.date for s in counted], settings()["cohesion_window_days"])
    place = {bloc: i for i, bloc in enumerate(Blocs(actors).ranked(Blocs(actors).ids, mentioned))}
    return Findings(
        duplicates=duplicates, statements=counted, quotes=heard, windows=windows,
        undated=sum(not d.published for d in documents),
        tables={
            "positions": position_map(counted, actors),
            "cohesion": Table(sorted(cohesion(counted, actors), key=lambda r: place[r["bloc"]])),
            "cohesion_over_time": cohesion(counted, actors, windows),
            "fractures": fractures(counted, actors, mentioned),
            "shifts": shifts(counted),
            "voice": voice(heard, actors, documents),
            "reposts": copies,
        })
