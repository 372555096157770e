"""Wiring the stages: documents in, records out, stored one document per transaction.

The stages themselves are spaCy components (see :mod:`detente.nlp`); this module only
feeds them documents, in one process or a pool of them, and collects their records.
"""
from __future__ import annotations

import multiprocessing
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from . import nlp as nlp_module
from .records import Actor, Document, Mention, Problem, Quote, Statement

BATCH_SIZE = 16
WORKER_BATCH_SIZE = 4  # small, so that both workers get work on short corpora


@dataclass
class Analysis:
    """What the pipeline found in one document."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


def _doc_for(nlp: Language, document: Document):
    doc = nlp.make_doc(document.text)
    doc._.document = document
    return doc


def _analysis(doc) -> Analysis:
    actors = doc._.actors or {}
    return Analysis(
        document=doc._.document,
        actors=list(actors.values()),
        mentions=list(doc._.mentions or []),
        quotes=list(doc._.quotes or []),
        statements=list(doc._.statements or []),
    )


def _analyze_batch(nlp: Language, batch: list[Document]) -> Iterator[Analysis | Problem]:
    try:
        docs = list(nlp.pipe((_doc_for(nlp, d) for d in batch), batch_size=len(batch)))
    except Exception:  # one bad document must not cost the batch: retry one by one
        yield from (_analyze_safely(nlp, d) for d in batch)
        return
    yield from (_analysis(doc) for doc in docs)


def _analyze_safely(nlp: Language, document: Document) -> Analysis | Problem:
    try:
        return _analysis(nlp(_doc_for(nlp, document)))
    except Exception as err:
        return Problem(document.source, f"could not be analysed ({type(err).__name__}: {err})")


def batches(documents: Iterable[Document], size: int = BATCH_SIZE) -> Iterator[list[Document]]:
    """Documents in lists of `size`, in input order."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_documents(nlp: Language, documents: Iterable[Document]) -> Iterator[Analysis | Problem]:
    """Run the pipeline over documents in this process, in input order."""
    for batch in batches(documents):
        yield from _analyze_batch(nlp, batch)


_worker_nlp: Optional[Language] = None


def _init_worker(settings: nlp_module.Settings) -> None:
    global _worker_nlp
    _worker_nlp = nlp_module.load(settings)


def _analyze_in_worker(batch: list[Document]) -> list[Analysis | Problem]:
    assert _worker_nlp is not None, "worker used before its initializer ran"
    return list(_analyze_batch(_worker_nlp, batch))


def analyze_parallel(
    settings: nlp_module.Settings, documents: Iterable[Document], workers: int
) -> Iterator[Analysis | Problem]:
    """Run the pipeline over documents in `workers` processes, in input order."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.imap(_analyze_in_worker, batches(documents, WORKER_BATCH_SIZE)):
            yield from results
