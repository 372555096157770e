"""Running the pipeline in a pool of worker processes, each loading the model once."""
from __future__ import annotations

import multiprocessing
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from detente import pipeline
from detente.config import Config
from detente.pipeline import Analysis
from detente.records import Document, Problem

WORKER_BATCH_SIZE = 4  # small, so that every worker gets work on short corpora

_worker_nlp: Optional[Language] = None


def _init_worker(config: Config) -> None:
    global _worker_nlp
    _worker_nlp = pipeline.build(config)


def _analyse_in_worker(batch: list[Document]) -> list[Analysis | Problem]:
    assert _worker_nlp is not None, "worker used before its initializer ran"
    return list(pipeline.analyse(_worker_nlp, batch))


class PoolExecutor:
    """Runs the pipeline in `workers` spawned processes; results come back in input order."""

    def __init__(self, workers: int):
        self.workers = workers

    def map(self, config: Config, documents: Iterable[Document]) -> Iterator[Analysis | Problem]:
        context = multiprocessing.get_context("spawn")
        with context.Pool(self.workers, initializer=_init_worker, initargs=(config,)) as pool:
            for results in pool.imap(_analyse_in_worker, pipeline.batches(documents, WORKER_BATCH_SIZE)):
                yield from results
