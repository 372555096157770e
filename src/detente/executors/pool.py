"""Running the pipeline in a pool of worker processes, each loading the model once.

Everything a worker loads is checked in the parent first (``runner.check``); should a
worker still fail to start, or die, the run ends with one sentence instead of waiting.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from detente import pipeline
from detente.config import Config
from detente.errors import RunError
from detente.executors import budget, worker_batches
from detente.pipeline import Analysis
from detente.records import Document, Problem

AHEAD = 8
"""Batches per worker submitted beyond the oldest unfinished one, so that a slow batch (or
a worker the machine's load holds back) leaves the others work; what waits is small."""

_worker_nlp: Optional[Language] = None
_worker_failure: Optional[str] = None
_worker_budget: float = 0


def _init_worker(config: Config) -> None:
    """Build the pipeline once per worker; Ctrl-C is the parent's to handle."""
    global _worker_nlp, _worker_failure, _worker_budget
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_budget = config.run.time_budget
    try:
        _worker_nlp = pipeline.build(config)
    except Exception as err:  # reported by the first task, so that the parent stops
        _worker_failure = f"{type(err).__name__}: {err}"


def _analyse_in_worker(batch: list[Document]) -> list[Analysis | Problem] | str:
    """The results of one batch, or the reason the worker could not start."""
    if _worker_nlp is None:
        return _worker_failure or "the worker has no pipeline"
    return budget.analyse(_worker_nlp, batch, _worker_budget)


class PoolExecutor:
    """Runs the pipeline in `workers` spawned processes; results come back in input order."""

    def __init__(self, workers: int):
        self.workers = workers

    def map(self, config: Config, documents: Iterable[Document]) -> Iterator[Analysis | Problem]:
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(config,))
        queued: deque[Future] = deque()
        finished = False
        try:
            for batch in worker_batches(documents, self.workers):
                queued.append(pool.submit(_analyse_in_worker, batch))
                if len(queued) >= AHEAD * self.workers:
                    yield from _results(queued.popleft())
            while queued:
                yield from _results(queued.popleft())
            finished = True
        finally:
            if finished:
                pool.shutdown()
            else:  # an error, Ctrl-C or a consumer that stopped early: no waiting for workers
                processes = list((getattr(pool, "_processes", None) or {}).values())
                pool.shutdown(wait=False, cancel_futures=True)
                for process in processes:
                    process.terminate()


def _results(future: Future) -> list[Analysis | Problem]:
    try:
        results = future.result()
    except BrokenProcessPool as err:
        raise RunError("A worker process stopped unexpectedly (out of memory, or killed); the documents "
                       "analysed before it are stored, and running again goes on from there.") from err
    if isinstance(results, str):
        raise RunError(f"A worker process could not start its pipeline ({results}).")
    return results
