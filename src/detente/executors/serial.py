"""Running the pipeline in this process."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from spacy.language import Language

from detente import pipeline
from detente.config import Config
from detente.executors import budget
from detente.pipeline import Analysis
from detente.records import Document, Problem


class SerialExecutor:
    """Runs the pipeline in this process, in batches of ``pipeline.batch_size``, each
    document within ``run.time_budget``; a pipeline built beforehand (to check the
    configuration early) can be handed in."""

    def __init__(self, nlp: Optional[Language] = None):
        self.nlp = nlp

    def map(self, config: Config, documents: Iterable[Document]) -> Iterator[Analysis | Problem]:
        nlp = self.nlp or pipeline.build(config)
        for batch in pipeline.batches(documents, config.pipeline.batch_size):
            yield from budget.analyse(nlp, batch, config.run.time_budget)
