"""The Python API for notebooks: analyse articles in memory and get tables back.

    >>> import detente
    >>> result = detente.analyze(["examples/articles"])
    >>> result.quotes.to_pandas()[["speaker", "text"]]       # doctest: +SKIP
    >>> result.fractures().to_pandas()                          # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from . import analysis, ingest, pipeline
from . import nlp as nlp_module
from .actors.kb import load_kb, overlay
from .analysis import Table
from .records import Problem


@dataclass
class Result:
    """Records found in a set of articles, as tables (`.to_pandas()` gives a DataFrame),
    and the analyses built on them."""

    documents: Table = field(default_factory=Table)
    actors: Table = field(default_factory=Table)
    mentions: Table = field(default_factory=Table)
    quotes: Table = field(default_factory=Table)
    statements: Table = field(default_factory=Table)
    problems: Table = field(default_factory=Table)
    knowledge_base: list = field(default_factory=list)  # KB actors: countries and blocs

    def _all_actors(self) -> list:
        return overlay(self.knowledge_base, self.actors)

    def positions(self) -> Table:
        """Actor × issue position map with evidence."""
        return analysis.position_map(self.statements, self._all_actors())

    def network(self, aggregation: str = "congruence", normalization: str = "no") -> Table:
        """One-mode actor–actor network (DNA semantics)."""
        return analysis.one_mode(self.statements, aggregation, normalization)

    def cohesion(self) -> Table:
        """Agreement Index per bloc and issue."""
        return analysis.cohesion(self.statements, self._all_actors())

    def fractures(self) -> Table:
        """Pairs of bloc members on opposite sides of an issue, with both evidence sentences."""
        return analysis.fractures(self.statements, self._all_actors(), mentioned=[a.id for a in self.actors])


def analyze(paths: Iterable[str | Path], settings: Optional[nlp_module.Settings] = None,
            options: Optional[ingest.Options] = None) -> Result:
    """Analyse the articles under `paths` in memory (no database, no files written)."""
    settings = settings or nlp_module.Settings()
    options = options or ingest.Options()
    result = Result(knowledge_base=list(load_kb(settings.kb_dirs).actors.values()))
    documents, seen = [], set()
    for item in ingest.discover(paths):
        for read in ([item] if isinstance(item, Problem) else ingest.read(item, options)):
            if isinstance(read, Problem):
                result.problems.append(read)
            elif read.id not in seen:
                seen.add(read.id)
                documents.append(read)
    actors = {}
    for found in pipeline.analyze_documents(nlp_module.load(settings), documents):
        if isinstance(found, Problem):
            result.problems.append(found)
            continue
        result.documents.append(found.document)
        actors.update((a.id, a) for a in found.actors)
        result.mentions.extend(found.mentions)
        result.quotes.extend(found.quotes)
        result.statements.extend(found.statements)
    result.actors.extend(actors.values())
    return result
