"""HTML pages: main text and metadata extracted with trafilatura."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Union

import trafilatura

from ..records import Document, Problem
from .clean import shown
from .decode import read_text
from .text import document_from_text

if TYPE_CHECKING:
    from . import Options

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def read(path: Path, options: "Options") -> Iterator[Union[Document, Problem]]:
    """Read one HTML page into a Document of its main text."""
    markup = read_text(path, options.encoding)
    if isinstance(markup, Problem):
        yield markup
        return
    extracted: Any = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        yield Problem(shown(path), "holds no article text that could be extracted from its HTML")
        return
    title = extracted.title or None
    text = extracted.text if not title else f"{title}\n{extracted.text}"
    yield document_from_text(
        text,
        path.name,
        str(path),
        title=title,
        author=extracted.author or None,
        outlet=extracted.sitename or None,
        url=extracted.url or None,
        published=extracted.date or None,
        date_method="html metadata" if extracted.date else None,
    )
