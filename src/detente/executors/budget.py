"""A time budget per document: a document the pipeline has not finished within
``[run] time_budget`` seconds is reported as a Problem instead of stalling the run.

The budget is a timer signal (SIGALRM), so it holds in the main thread of a process on
POSIX systems, where runs and pool workers analyse; elsewhere documents run unbudgeted.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from detente import pipeline
from detente.pipeline import Analysis
from detente.records import Document, Problem

BATCH_CHARS = 40_000
"""Documents are analysed together up to this many characters of text. A batch's memory
grows with its text, so this keeps a run's peak memory the same whatever its articles'
lengths; a longer document is analysed alone, so that it cannot cost others their budget."""


class OverBudget(BaseException):
    """The time budget ran out (a BaseException, so that no stage's own handler keeps it)."""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raise OverBudget in the block once `seconds` have passed (0: no budget)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyse(nlp: Language, batch: list[Document], seconds: float) -> list[Analysis | Problem]:
    """``pipeline.analyse`` of one batch, each document within `seconds`: in runs of
    documents of at most ``BATCH_CHARS`` characters together (a longer one alone); when a
    run goes over, each of its documents again alone, and a document that still goes
    over is a Problem. Results come in input order."""
    return [result for run in by_characters(batch, lambda _: BATCH_CHARS) for result in _within(nlp, run, seconds)]


def by_characters(documents: Iterable[Document], limit: Callable[[int], int]) -> Iterator[list[Document]]:
    """Documents in input order, grouped so that the n-th group's texts hold at most
    ``limit(n)`` characters together; a longer document is a group of its own."""
    group: list[Document] = []
    size = number = 0
    for document in documents:
        if group and size + len(document.text) > limit(number):
            yield group
            group, size, number = [], 0, number + 1
        group.append(document)
        size += len(document.text)
    if group:
        yield group


def _within(nlp: Language, batch: list[Document], seconds: float) -> list[Analysis | Problem]:
    if not batch:
        return []
    try:
        with within(seconds):
            return list(pipeline.analyse(nlp, batch))
    except OverBudget:
        if len(batch) == 1:
            return [Problem(batch[0].source, f"was not analysed within the time budget of {seconds:g} s for one "
                                             "document (a long text); split it, or raise [run] time_budget")]
    return [result for document in batch for result in _within(nlp, [document], seconds)]
