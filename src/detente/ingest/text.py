"""Plain-text articles: the file's decoded text, cleaned of control characters, is the Document's text."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Union

from ..records import Document, Problem, text_id
from .clean import clean_text, shown
from .decode import read_text
from .metadata import find_author, find_date, find_title, outlet_in_name

if TYPE_CHECKING:
    from . import Options


def document_from_text(text: str, name: str, source: str, **meta) -> Document:
    """A Document for `text`, cleaned (``clean_text``), with title, date, author and outlet
    found in its text and name where `meta` lacks them."""
    text = clean_text(text)
    meta = {key: clean_text(value) if isinstance(value, str) else value for key, value in meta.items()}
    lines = text.splitlines()
    if not meta.get("title"):
        meta["title"] = find_title(lines)
    if not meta.get("published"):
        meta["published"], meta["date_method"] = find_date(lines, url=meta.get("url"), name=name)
    if not meta.get("outlet"):
        meta["outlet"] = outlet_in_name(name)
    if not meta.get("author"):
        meta["author"], _ = find_author(lines)
    return Document(id=text_id(text), doc=clean_text(shown(name)), source=shown(source), text=text, **meta)


def read(path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """Read one .txt article."""
    text = read_text(path, options.encoding)
    if isinstance(text, Problem):
        yield text
        return
    if not text.strip():
        yield Problem(shown(path), "is empty")
        return
    yield document_from_text(text, path.name, str(path))
