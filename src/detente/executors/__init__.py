"""Executors run the pipeline over documents, all behind one contract::

    executor.map(config, documents) -> Iterator[Analysis | Problem]   # in input order

``serial`` runs in this process; ``pool`` in a pool of worker processes, each loading the
model once. A cluster executor (Ray) takes the same contract.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from detente.config import Config
from detente.executors import budget
from detente.pipeline import Analysis
from detente.records import Document, Problem


class Executor(Protocol):
    """Runs the pipeline of `config` over `documents`, yielding results in input order."""

    def map(self, config: Config, documents: Iterable[Document]) -> Iterator[Analysis | Problem]: ...


def for_workers(workers: int) -> Executor:
    """The executor for a number of worker processes: serial for one, a pool for more."""
    from detente.executors.pool import PoolExecutor
    from detente.executors.serial import SerialExecutor

    return SerialExecutor() if workers <= 1 else PoolExecutor(workers)


FIRST_BATCH_CHARS = 5_000
"""Characters of text in each worker's first batch; each round of batches (one per
worker) may hold twice as many as the round before, up to ``budget.BATCH_CHARS``."""


def worker_batches(documents: Iterable[Document], workers: int) -> Iterator[list[Document]]:
    """Documents in batches for `workers` workers, in input order: small at first, so that
    every worker has work at once even on a short corpus, then growing to what one process
    analyses together (``budget.BATCH_CHARS``), since the model runs faster on larger
    batches. A batch holds at least one document, however long."""
    return budget.by_characters(
        documents, lambda n: min(budget.BATCH_CHARS, FIRST_BATCH_CHARS * 2 ** (n // max(workers, 1))))
