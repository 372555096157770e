"""The one reader of a corpus, for a run and for the Python API alike: every document
under the input paths once, in input order."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, NamedTuple, Union

from detente.ingest import Options, discover, read
from detente.records import Document, Problem


class Skipped(NamedTuple):
    """A document left out: a copy of one read before, or one already stored."""

    source: str
    doc_id: str
    reason: Literal["duplicate", "stored"]


def read_corpus(paths: Union[str, Path, Iterable[Union[str, Path]]], options: Options,
                stored: Callable[[str], bool] = lambda doc_id: False) -> Iterator[Document | Problem | Skipped]:
    """Documents under `paths` (one path, or several; folders recursively), each text once;
    Problems for what cannot be read; a Skipped for a repeated text or one `stored` knows."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: set[str] = set()
    for item in discover(paths):
        for found in [item] if isinstance(item, Problem) else read(item, options):
            if isinstance(found, Problem):
                yield found
            elif found.id in seen:
                yield Skipped(found.source, found.id, "duplicate")
            elif stored(found.id):
                yield Skipped(found.source, found.id, "stored")
            else:
                seen.add(found.id)
                yield found
