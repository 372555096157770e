"""Running the pipeline on a Ray cluster (or a local Ray instance): an actor pool whose
actors each load the model once, fed a bounded number of batches at a time, with the
results streamed back in input order to the one process that writes the store.

On a cluster: ``ray start --head`` on one machine, ``ray start --address HEAD:6379`` on
the others (each with Détente and its model installed), then ``detente run ... --executor
ray --address auto`` (or ``ray://HEAD:10001`` from outside the cluster).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import ray

from detente import pipeline
from detente.config import Config
from detente.executors import budget, worker_batches
from detente.pipeline import Analysis
from detente.records import Document, Problem

IN_FLIGHT = 2  # batches queued per actor, so that an actor never waits for the next
AHEAD = 8  # batches per actor analysed ahead of the oldest one not yet handed on: memory stays flat


@ray.remote
class _Analyser:
    """A Ray actor holding one built pipeline."""

    def __init__(self, config: Config):
        self.nlp = pipeline.build(config)
        self.seconds = config.run.time_budget

    def analyse(self, batch: list[Document]) -> list[Analysis | Problem]:
        return budget.analyse(self.nlp, batch, self.seconds)


class RayExecutor:
    """Runs the pipeline in `workers` Ray actors; `address` names a running cluster
    ("auto", "ray://host:10001"), None starts a local Ray instance with `workers` CPUs."""

    def __init__(self, workers: int = 2, address: Optional[str] = None):
        self.workers = workers
        self.address = address

    def map(self, config: Config, documents: Iterable[Document]) -> Iterator[Analysis | Problem]:
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, log_to_driver=False)
            else:
                ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False)
        actors = [_Analyser.remote(config) for _ in range(self.workers)]  # type: ignore[attr-defined]
        try:
            yield from _in_order(actors, worker_batches(documents, self.workers))
        finally:
            for actor in actors:
                ray.kill(actor)


def _in_order(actors: list, batches: Iterable[list[Document]]) -> Iterator[Analysis | Problem]:
    """The results of `batches`, in input order, each batch given to the actor that has
    the fewest queued (so that a long article holds up no other actor), at most
    ``AHEAD`` batches per actor beyond the oldest one whose results are not yet out."""
    running: dict = {}  # object ref → (batch number, actor number)
    finished: dict[int, list[Analysis | Problem]] = {}
    queued = [0] * len(actors)  # batches each actor has yet to finish
    submitted = handed_on = 0
    pending = iter(batches)
    while True:
        while submitted - handed_on < AHEAD * len(actors) and min(queued) < IN_FLIGHT:
            batch = next(pending, None)
            if batch is None:
                break
            chosen = queued.index(min(queued))
            running[actors[chosen].analyse.remote(batch)] = (submitted, chosen)
            queued[chosen] += 1
            submitted += 1
        if not running:
            return
        (ready,), _ = ray.wait(list(running), num_returns=1)
        number, chosen = running.pop(ready)
        queued[chosen] -= 1
        finished[number] = ray.get(ready)
        while handed_on in finished:
            yield from finished.pop(handed_on)
            handed_on += 1
