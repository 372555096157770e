"""Reading articles from files and folders into :class:`~detente.records.Document` records.

Each reader yields Documents, or Problems for what it cannot read; a problem in one file
never stops the others.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..records import Document, Problem
from . import html, tabular, text

READERS = {
    ".txt": text.read,
    ".text": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".jsonl": tabular.read_jsonl,
    ".csv": tabular.read_csv,
}

DEFAULT_MAX_BYTES = 1_000_000


@dataclass
class Options:
    """How to read inputs: size limit, encoding override, field names of tabular input."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


def discover(paths: Iterable[str | Path]) -> Iterator[Union[Path, Problem]]:
    """Expand files and folders (recursively) into the files Détente can read, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READERS and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            if path.suffix.lower() in READERS:
                yield path
            else:
                known = ", ".join(sorted(READERS))
                yield Problem(str(path), f"has an unknown file type {path.suffix or '(none)'!r}; Détente reads {known}")
        else:
            yield Problem(str(path), "does not exist")


def read(path: Path, options: Options) -> Iterator[Union[Document, Problem]]:
    """Read one file into Documents (several for JSONL and CSV), or Problems."""
    reader = READERS[path.suffix.lower()]
    try:
        size = path.stat().st_size
        if size == 0:
            yield Problem(str(path), "is empty")
            return
        if size > options.max_bytes and reader in (text.read, html.read):
            yield Problem(
                str(path),
                f"is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB limit for one "
                f"article (raise it with --max-size)",
            )
            return
        yield from reader(path, options)
    except OSError as err:
        yield Problem(str(path), f"could not be read: {err.strerror or err}")


def count(paths: Iterable[Path]) -> int:
    """A cheap estimate of how many documents `paths` hold, for the progress bar."""
    total = 0
    for path in paths:
        if path.suffix.lower() in (".jsonl", ".csv"):
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
