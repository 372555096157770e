"""Voice: who gets quoted, by outlet, as shares of the quotes with the quotes behind them.

Every quote counts once for its speaker's actor kind, gender (where the knowledge base
knows it) and the speaker itself, and once for each bloc its speaker's side belongs to on
the article's date (`Blocs.of`), so bloc shares may add up to more than 1. Unattributed
quotes and unknown values count under "unknown". Shares are of the quotes of the outlet
(or of all outlets, the rows with `outlet` "all").
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from detente.analysis.blocs import Blocs
from detente.analysis.table import Table
from detente.records import Actor, Document, Quote

UNKNOWN = "unknown"
DIMENSIONS = ("kind", "gender", "bloc", "actor")


def voice(quotes: Iterable[Quote], actors: Iterable[Actor], documents: Iterable[Document]) -> Table:
    """One row per outlet ("all" for every outlet together), dimension (kind, gender,
    bloc, actor) and group: the number of quotes, their share of the outlet's quotes,
    and the quote ids."""
    actors = list(actors)
    by_id, blocs = {a.id: a for a in actors}, Blocs(actors)
    docs = {d.id: d for d in documents}
    cells: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    totals: dict[str, int] = defaultdict(int)
    for q in quotes:
        doc = docs.get(q.doc_id)
        actor = by_id.get(q.speaker_id or "")
        date = doc.published if doc else None
        speaker = q.speaker_id or (q.speaker and f"name:{q.speaker}") or UNKNOWN
        names.setdefault(speaker, q.speaker or UNKNOWN)
        groups = {
            "kind": [actor.kind if actor else UNKNOWN],
            "gender": [(actor.gender if actor else None) or UNKNOWN],
            "bloc": sorted(blocs.of(q.speaker_id, date)) or [UNKNOWN],
            "actor": [speaker],
        }
        for outlet in ("all", (doc.outlet if doc else None) or UNKNOWN):
            totals[outlet] += 1
            for dimension, values in groups.items():
                for value in values:
                    cells[(outlet, dimension, value)].append(q.id)
    rows = Table()
    for (outlet, dimension, group), ids in sorted(
            cells.items(), key=lambda c: (c[0][0] != "all", c[0][0], DIMENSIONS.index(c[0][1]), -len(c[1]), c[0][2])):
        label = names.get(group, group) if dimension == "actor" else blocs.name(group) if dimension == "bloc" else group
        rows.append({"outlet": outlet, "dimension": dimension, "group": group, "label": label,
                     "quotes": len(ids), "share": len(ids) / totals[outlet], "quote_ids": ids})
    return rows
