"""What the API and the pages share: the store they read, and the analyses over the
statements that pass a request's filters (date range, outlet, actor, issue, bloc).

Records are only ever added to a store, so the counts of its tables tell whether it
changed: analyses are kept, by request, until another run adds to the store."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Optional, cast

from detente import analysis
from detente.analysis import Table
from detente.errors import QueryError, RecordNotFound
from detente.records import Actor, Document, Quote, Statement
from detente.store import Store
from detente.store.query import Filters, documents_of, page

AGGREGATIONS = ("congruence", "conflict", "subtract", "ignore")
NORMALIZATIONS = ("no", "average", "jaccard", "cosine")


@dataclass(frozen=True)
class Selection:
    """The statements an analysis looks at."""

    since: Optional[str] = None
    until: Optional[str] = None
    outlet: Optional[str] = None
    actor_id: Optional[str] = None
    issue: Optional[str] = None
    bloc: Optional[str] = None


CACHED = 256  # analyses kept, the oldest dropped first


class Data:
    """Records and analyses read from one store."""

    def __init__(self, store: Store):
        self.store = store
        self._kept: OrderedDict[tuple, Any] = OrderedDict()

    def _cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        key = (*key, tuple(self.store.counts().values()))
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        value = self._kept[key] = compute()
        while len(self._kept) > CACHED:
            self._kept.popitem(last=False)
        return value

    def actors(self) -> list[Actor]:
        return self._cached(("actors",), lambda: cast(list[Actor], self.store.read("actors")))

    def statements(self, selection: Selection) -> list[Statement]:
        return self._cached(("statements", selection), lambda: self._statements(selection))

    def _statements(self, selection: Selection) -> list[Statement]:
        filters = Filters(since=selection.since, until=selection.until, outlet=selection.outlet,
                          actor_id=selection.actor_id, issue=selection.issue)
        _, found = page(self.store, "statements", filters)
        chosen = cast(list[Statement], found)
        if selection.bloc:
            blocs = analysis.Blocs(self.actors())
            if selection.bloc not in blocs.ids:
                raise QueryError(f"No stored actor is a member of the bloc {selection.bloc!r}.")
            chosen = analysis.select(chosen, self.actors(), blocs=[selection.bloc])
        return chosen

    def positions(self, selection: Selection) -> Table:
        return self._cached(("positions", selection),
                            lambda: analysis.position_map(self.statements(selection), self.actors()))

    def network(self, selection: Selection, aggregation: str = "congruence", normalization: str = "no") -> Table:
        if aggregation not in AGGREGATIONS or normalization not in NORMALIZATIONS:
            raise QueryError(f"A network takes aggregation one of {', '.join(AGGREGATIONS)} and normalization "
                             f"one of {', '.join(NORMALIZATIONS)}, not {aggregation!r} and {normalization!r}.")
        return self._cached(("network", selection, aggregation, normalization),
                            lambda: analysis.one_mode(self.statements(selection), aggregation, normalization))

    def cohesion(self, selection: Selection, window_days: Optional[int] = None) -> Table:
        def compute() -> Table:
            statements = self.statements(selection)
            windows = analysis.time_windows([s.date for s in statements], window_days) if window_days else None
            return analysis.cohesion(statements, self.actors(), windows)

        return self._cached(("cohesion", selection, window_days), compute)

    def fractures(self, selection: Selection) -> Table:
        actors = self.actors()
        return self._cached(("fractures", selection), lambda: analysis.fractures(
            self.statements(selection), actors, mentioned=[a.id for a in actors]))

    def shifts(self, selection: Selection, window_days: Optional[int] = None) -> Table:
        def compute() -> Table:
            statements = self.statements(selection)
            windows = analysis.time_windows([s.date for s in statements if s.date], window_days) if window_days \
                else None
            return analysis.shifts(statements, windows)

        return self._cached(("shifts", selection, window_days), compute)

    def voice(self, selection: Selection) -> Table:
        return self._cached(("voice", selection), lambda: self._voice(selection))

    def _voice(self, selection: Selection) -> Table:
        """Voice over the quotes of the selection's articles (dates, outlet) and speaker
        (`actor_id`, or a member of `bloc` on the article's date)."""
        if selection.issue:
            raise QueryError("The filter 'issue' does not apply to voice: quotes have no issue.")
        filters = Filters(since=selection.since, until=selection.until, outlet=selection.outlet,
                          speaker_id=selection.actor_id)
        quotes = cast(list[Quote], page(self.store, "quotes", filters)[1])
        documents = {d.id: d for d in documents_of(self.store, {q.doc_id for q in quotes})}
        if selection.bloc:
            blocs = analysis.Blocs(self.actors())
            if selection.bloc not in blocs.ids:
                raise QueryError(f"No stored actor is a member of the bloc {selection.bloc!r}.")
            quotes = [q for q in quotes if selection.bloc in blocs.of(q.speaker_id, _published(documents, q))]
        return analysis.voice(quotes, self.actors(), documents.values())

    def document(self, doc_id: str) -> Document:
        _, found = page(self.store, "documents", Filters(id=doc_id), limit=1)
        if not found:
            raise RecordNotFound(f"No stored article has the id {doc_id!r}.")
        return cast(Document, found[0])

    def choices(self) -> dict[str, list[str]]:
        """The values the filters can take: outlets, issues, actors (id, name) and blocs."""
        actors = self.actors()
        return {"outlets": self.store.distinct("documents", "outlet"),
                "issues": self.store.distinct("statements", "issue"),
                "actors": sorted(((a.id, a.name) for a in actors if a.kind != "place"), key=lambda a: a[1]),
                "blocs": analysis.Blocs(actors).ids}


def _published(documents: dict[str, Document], quote: Quote) -> Optional[str]:
    document = documents.get(quote.doc_id)
    return document.published if document else None
