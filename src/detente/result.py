"""The Python API for notebooks: analyse articles in memory, or open a stored run, and
get tables back.

    >>> import detente
    >>> result = detente.analyze("examples/articles", taxonomy="ukraine-peace-2025")  # doctest: +SKIP
    >>> result.quotes.to_pandas()[["speaker", "text"]]       # doctest: +SKIP
    >>> detente.open("out/").fractures().to_pandas()          # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union

from detente import analysis, ingest
from detente.actors.kb import load_kb, overlay
from detente.analysis import Table
from detente.config import Config
from detente.errors import InputPathError
from detente.executors.serial import SerialExecutor
from detente.ingest.corpus import read_corpus
from detente.records import RECORD_TYPES, Document, Problem
from detente.store import open_store, sqlite_url

Paths = Union[str, Path, Iterable[Union[str, Path]]]


@dataclass
class Result:
    """Records found in a set of articles, as tables (`.to_pandas()` gives a DataFrame),
    and the analyses built on them."""

    documents: Table = field(default_factory=Table)
    actors: Table = field(default_factory=Table)
    mentions: Table = field(default_factory=Table)
    quotes: Table = field(default_factory=Table)
    statements: Table = field(default_factory=Table)
    events: Table = field(default_factory=Table)
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

    def dyads(self, days: Optional[int] = None) -> Table:
        """Event dyads (source, target) per window of `days` days on the conflict–cooperation scale."""
        return analysis.dyads(self.events, days)

    def fractures(self) -> Table:
        """Pairs of bloc members on opposite sides of an issue, with both evidence sentences."""
        return analysis.fractures(self.statements, self._all_actors(), mentioned=[a.id for a in self.actors])

    def findings(self, duplicates: Optional[str] = None) -> analysis.Findings:
        """Every analysis table of the run (positions, cohesion, fractures, shifts, voice,
        reposts) over the statements that count under `duplicates` (DNA's options)."""
        return analysis.analyse(self.documents, self._all_actors(), self.quotes, self.statements,
                                mentioned=[a.id for a in self.actors], duplicates=duplicates)


def _config(config: Optional[Config], taxonomy: Optional[str], kb: Optional[Iterable[str]],
            model: Optional[str]) -> Config:
    return (config or Config()).replace(stances_issues=taxonomy, actors_kb=list(kb) if kb is not None else None,
                                        pipeline_model=model)


def analyze(paths: Paths, *, taxonomy: Optional[str] = None, kb: Optional[Iterable[str]] = None,
            model: Optional[str] = None, config: Optional[Config] = None) -> Result:
    """Analyse the articles under `paths` in memory (no database, no files written).

    `paths` is one file or folder (a string is one path) or several. `taxonomy` names a
    shipped issue taxonomy or a YAML file; `kb` lists folders of your own actor records;
    `model` names an installed spaCy pipeline; `config` is a whole :class:`Config`
    (the keywords override it)."""
    config = _config(config, taxonomy, kb, model)
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    ingest.check_paths(paths)
    result = Result(knowledge_base=list(load_kb(config.actors.kb).actors.values()))
    documents: list[Document] = []
    for item in read_corpus(paths, ingest.Options.from_config(config.ingest)):
        if isinstance(item, Problem):
            result.problems.append(item)
        elif isinstance(item, Document):
            documents.append(item)
    actors: dict = {}
    for found in SerialExecutor().map(config, documents):
        if isinstance(found, Problem):
            result.problems.append(found)
            continue
        result.documents.append(found.document)
        for name in RECORD_TYPES:
            if name == "actors":
                actors.update((a.id, a) for a in found.of(name))  # type: ignore[attr-defined]
            elif name != "documents":
                getattr(result, name).extend(found.of(name))
    result.actors.extend(actors.values())
    return result


def open(out_dir: Union[str, Path], *, db: Optional[str] = None, kb: Optional[Iterable[str]] = None) -> Result:
    """The records of a stored run (OUT/detente.db, or the database at `db`)."""
    out = Path(out_dir)
    if db is None and not (out / "detente.db").is_file():
        raise InputPathError(f"{out} holds no Détente run (no detente.db); run `detente run … -o {out}` first.")
    store = open_store(db or sqlite_url(out / "detente.db"))
    result = Result(knowledge_base=list(load_kb(list(kb or [])).actors.values()))
    for name, records in store.read_all().items():
        getattr(result, name).extend(records)
    return result
