"""JSON Lines and CSV corpora: one article per record."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Union

import dateparser

from ..records import Document, Problem
from .decode import NotText, decode, read_text
from .text import document_from_text

if TYPE_CHECKING:
    from . import Options

FIELDS = ("id", "text", "title", "url", "date", "outlet", "author")


def _document(record: dict, where: str, path: Path, options: "Options") -> Union[Document, Problem]:
    names = {name: options.fields.get(name, name) for name in FIELDS}
    text = record.get(names["text"])
    if not isinstance(text, str) or not text.strip():
        return Problem(where, f"has no text in field {names['text']!r}")
    raw_date = record.get(names["date"])
    published = None
    if raw_date:
        parsed = dateparser.parse(str(raw_date), languages=["en"])
        published = parsed.date().isoformat() if parsed else None
    name = str(record.get(names["id"]) or where.rsplit("/", 1)[-1])
    return document_from_text(
        text,
        name,
        str(path),
        title=record.get(names["title"]) or None,
        url=record.get(names["url"]) or None,
        outlet=record.get(names["outlet"]) or None,
        author=record.get(names["author"]) or None,
        published=published,
        date_method="record field" if published else None,
    )


def read_jsonl(path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """Read a JSON Lines file; a malformed line is reported and skipped."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, options.encoding))
            except NotText as err:
                yield Problem(where, str(err))
                continue
            except json.JSONDecodeError as err:
                yield Problem(where, f"is not valid JSON ({err.msg} at column {err.colno})")
                continue
            if not isinstance(record, dict):
                yield Problem(where, "is not a JSON object")
                continue
            yield _document(record, where, path, options)


def read_csv(path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """Read a CSV file with a header row."""
    content = read_text(path, options.encoding)
    if isinstance(content, Problem):
        yield content
        return
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        for record in reader:
            yield _document(record, f"{path}:{reader.line_num}", path, options)
    except csv.Error as err:
        yield Problem(f"{path}:{reader.line_num}", f"is not valid CSV ({err})")
