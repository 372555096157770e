"""JSON Lines and CSV corpora: one article per record."""
from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Union

import dateparser

from ..records import Document, Problem
from .clean import shown
from .decode import NotText, decode, read_text
from .text import document_from_text

if TYPE_CHECKING:
    from . import Options

FIELDS = ("id", "text", "title", "url", "date", "outlet", "author")


CSV_FIELD_LIMIT = 2**31 - 1
"""The longest CSV field read (the csv module's own limit, 131,072, would drop every later row)."""


def _document(record: dict, where: str, path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """The Document of one record; a metadata field that is not text (a list, an object)
    is left out with a Problem, so that the article is not lost with it."""
    names = {name: options.fields.get(name, name) for name in FIELDS}
    text = record.get(names["text"])
    if not isinstance(text, str) or not text.strip():
        yield Problem(where, f"has no text in field {names['text']!r}")
        return
    meta: dict[str, str | None] = {}
    for name in ("id", "title", "url", "date", "outlet", "author"):
        value = record.get(names[name])
        if isinstance(value, (dict, list)):
            yield Problem(where, f"has a {type(value).__name__} in field {names[name]!r} where text belongs; "
                                 "the article was read without it")
            value = None
        meta[name] = str(value) if value not in (None, "") else None
    published = None
    if meta["date"]:
        parsed = dateparser.parse(meta["date"], languages=["en"])
        published = parsed.date().isoformat() if parsed else None
    yield document_from_text(
        text,
        meta["id"] or where.rsplit("/", 1)[-1],
        str(path),
        title=meta["title"],
        url=meta["url"],
        outlet=meta["outlet"],
        author=meta["author"],
        published=published,
        date_method="record field" if published else None,
    )


def _lines(path: Path, options: "Options") -> Iterable[Union[str, bytes]]:
    """The lines of a JSON Lines file: bytes, streamed and each decoded on its own so that
    one bad line costs only itself, or text when the whole file is in a wider encoding."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    if options.encoding or head.startswith(WIDE_BOMS):
        return decode(path.read_bytes(), options.encoding).split("\n")
    return _stream(path)


def _stream(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        yield from fh


WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def read_jsonl(path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """Read a JSON Lines file; a malformed line is reported and skipped."""
    try:
        lines = _lines(path, options)
    except NotText as err:
        yield Problem(shown(path), str(err))
        return
    for number, raw in enumerate(lines, start=1):
        where = f"{shown(path)}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw if isinstance(raw, str) else decode(raw, options.encoding))
        except NotText as err:
            yield Problem(where, str(err))
            continue
        except json.JSONDecodeError as err:
            yield Problem(where, f"is not valid JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            yield Problem(where, "nests JSON too deeply to be an article record")
            continue
        if not isinstance(record, dict):
            yield Problem(where, "is not a JSON object")
            continue
        yield from _document(record, where, path, options)


def read_csv(path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """Read a CSV file with a header row."""
    content = read_text(path, options.encoding)
    if isinstance(content, Problem):
        yield content
        return
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        for record in reader:
            yield from _document(record, f"{shown(path)}:{reader.line_num}", path, options)
    except csv.Error as err:
        yield Problem(f"{shown(path)}:{reader.line_num}", f"is not valid CSV ({err})")
