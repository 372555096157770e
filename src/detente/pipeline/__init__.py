"""Wiring the stages: ``build(config)`` gives the spaCy pipeline, ``analyse(nlp, documents)``
the records of each document.

The stages are spaCy components registered by entry point (``detente_actors``,
``detente_quotes``, ``detente_stances``); this package adds them to the model by name,
with their settings from the configuration, and turns each processed Doc into its
records. Executors (``detente.executors``) run ``analyse`` in one or more processes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from detente.config import Config
from detente.nlp import load_model
from detente.nlp.stored import doc_bytes, doc_from_bytes
from detente.records import RECORD_TYPES, Document, Problem, Record

COMPONENTS = {"actors": "detente_actors", "quotes": "detente_quotes", "stances": "detente_stances",
              "events": "detente_events"}
"""Stage name -> spaCy component name."""


def stage_settings(config: Config) -> dict[str, dict]:
    """Each stage's component configuration, from the run's configuration."""
    return {
        "actors": {"kb_dirs": list(config.actors.kb)},
        "quotes": {},
        "stances": {"issues": config.stances.issues, "actor_kinds": list(config.stances.holders)},
        "events": {"ontology": config.events.ontology},
    }


def build(config: Config) -> Language:
    """The spaCy model named in `config` with Détente's stages added, in order."""
    nlp = load_model(config.pipeline.model)
    settings = stage_settings(config)
    for stage in config.pipeline.stages:
        nlp.add_pipe(COMPONENTS[stage], config=settings[stage])
    return nlp


@dataclass
class Analysis:
    """What the pipeline found in one document: its records by record-type name."""

    document: Document
    records: dict[str, list[Record]] = field(default_factory=dict)
    parsed: bytes = b""  # the parsed Doc (``nlp.stored``), for re-running a stage later

    def of(self, name: str) -> list[Record]:
        """The records of type `name` ("mentions", "quotes" …), empty when none."""
        return self.records.get(name, [])


def records_of(doc: Doc) -> Analysis:
    """The records the stages left on a processed Doc, one list per record type."""
    records = {}
    for name in RECORD_TYPES:
        if name != "documents" and doc.has_extension(name):
            value = getattr(doc._, name) or []
            records[name] = list(value.values() if isinstance(value, dict) else value)
    return Analysis(document=doc._.document, records=records, parsed=doc_bytes(doc))


def rerun(nlp: Language, document: Document, parsed: bytes) -> Analysis:
    """The records of `document` when only Détente's stages of `nlp` run again, on the
    parse stored as `parsed`: the model's own components (tagger, parser …) do not."""
    doc = doc_from_bytes(nlp.vocab, parsed)
    doc._.document = document
    for name in [n for n in nlp.pipe_names if n in COMPONENTS.values()]:
        doc = nlp.get_pipe(name)(doc)
    return records_of(doc)


def make_doc(nlp: Language, document: Document) -> Doc:
    """The unprocessed Doc of `document`, carrying it as ``doc._.document``."""
    doc = nlp.make_doc(document.text)
    doc._.document = document
    return doc


def analyse(nlp: Language, documents: list[Document]) -> Iterator[Analysis | Problem]:
    """Run the pipeline over one batch, in input order; a document that fails is retried
    alone and becomes a Problem, so that it never costs the others."""
    try:
        docs = list(nlp.pipe((make_doc(nlp, d) for d in documents), batch_size=max(len(documents), 1)))
    except Exception:  # one bad document must not cost the batch: retry one by one
        yield from (_analyse_one(nlp, d) for d in documents)
        return
    yield from (records_of(doc) for doc in docs)


def _analyse_one(nlp: Language, document: Document) -> Analysis | Problem:
    try:
        return records_of(nlp(make_doc(nlp, document)))
    except Exception as err:
        return Problem(document.source, f"could not be analysed ({type(err).__name__}: {err})")


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Documents in lists of `size`, in input order."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
