"""Reading articles from files and folders into :class:`~detente.records.Document` records.

Each reader yields Documents, or Problems for what it cannot read; a problem in one file
never stops the others. ``read_corpus`` (in ``corpus``) is the one way a run and the
Python API read their inputs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Union

from detente.config import DEFAULT_MAX_BYTES, IngestConfig
from detente.errors import FieldMappingError, InputPathError
from detente.ingest import html, tabular, text
from detente.ingest.clean import shown
from detente.records import Document, Problem

READERS = {
    ".txt": text.read,
    ".text": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".jsonl": tabular.read_jsonl,
    ".csv": tabular.read_csv,
}

@dataclass
class Options:
    """How to read inputs: size limit, encoding override, field names of tabular input."""

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    fields: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [name for name in self.fields if name not in tabular.FIELDS]
        if unknown:
            raise FieldMappingError(
                f"--field {unknown[0]}=… names no field; the fields are {', '.join(tabular.FIELDS)}.")

    @classmethod
    def from_config(cls, config: IngestConfig) -> "Options":
        """The reading options of the [ingest] configuration."""
        return cls(max_bytes=config.max_size, encoding=config.encoding or None, fields=dict(config.fields))


def parse_fields(values: Iterable[str]) -> dict[str, str]:
    """--field values (FIELD=COLUMN) as a mapping; a malformed one is a FieldMappingError."""
    fields = {}
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or not theirs or ours not in tabular.FIELDS:
            raise FieldMappingError(
                f"--field {value!r} should read FIELD=COLUMN with FIELD one of {', '.join(tabular.FIELDS)}.")
        fields[ours] = theirs
    return fields


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The input paths as Paths; one that does not exist is an InputPathError."""
    found = [Path(p) for p in paths]
    for path in found:
        if not path.exists():
            raise InputPathError(f"The input {path} does not exist.")
    return found


OUTPUT_MARKERS = (".detente-run", "detente.db")
"""Files that mark a Détente output folder, which is never read as input."""


def discover(paths: Iterable[str | Path]) -> Iterator[Union[Path, Problem]]:
    """Expand files and folders (recursively) into the files Détente can read, sorted;
    a folder that cannot be read is a Problem, Détente's own output folders are left out."""
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                yield from _walk(path)
            elif path.is_file():
                if path.suffix.lower() in READERS:
                    yield path
                else:
                    known = ", ".join(sorted(READERS))
                    yield Problem(shown(path), f"has an unknown file type {path.suffix or '(none)'!r}; "
                                               f"Détente reads {known}")
            else:
                yield Problem(shown(path), "does not exist")
        except OSError as err:
            yield Problem(shown(path), f"could not be read: {err.strerror or err}")


def _walk(root: Path) -> Iterator[Union[Path, Problem]]:
    """The readable files under `root`, sorted, without recursion (any depth); hidden
    entries, output folders and folders seen before (through links) are left out."""
    found: list[Path] = []
    todo, seen = [root], set()
    while todo:
        folder = todo.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = list(scan)
            if any(e.name in OUTPUT_MARKERS for e in entries):
                if folder == root:
                    yield Problem(shown(root), "is an output folder of Détente; its files are not read as articles")
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    todo.append(Path(entry.path))
                elif entry.is_file() and Path(entry.name).suffix.lower() in READERS:
                    found.append(Path(entry.path))
        except OSError as err:
            yield Problem(shown(folder), f"is a folder that could not be read ({err.strerror or err}); "
                                         "the files in it were left out")
    yield from sorted(found)


def read(path: Path, options: Options) -> Iterator[Union[Document, Problem]]:
    """Read one file into Documents (several for JSONL and CSV), or Problems."""
    reader = READERS[path.suffix.lower()]
    try:
        size = path.stat().st_size
        if size == 0:
            yield Problem(shown(path), "is empty")
            return
        if size > options.max_bytes and reader in (text.read, html.read):
            yield Problem(
                shown(path),
                f"is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB limit for one "
                f"article (raise it with --max-size)",
            )
            return
        yield from reader(path, options)
    except OSError as err:
        yield Problem(shown(path), f"could not be read: {err.strerror or err}")
    except Exception as err:  # a parsing library failing on one file must not cost the others
        yield Problem(shown(path), f"could not be read ({type(err).__name__}: {err})")


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
