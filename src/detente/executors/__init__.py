"""Executors run the pipeline over documents, all behind one contract::

    executor.map(config, documents) -> Iterator[Analysis | Problem]   # in input order

``serial`` runs in this process; ``pool`` in a pool of worker processes, each loading the
model once. A cluster executor (Ray) takes the same contract.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from detente.config import Config
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
