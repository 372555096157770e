"""HTML pages: main text and metadata extracted with trafilatura."""
from __future__ import annotations

import logging
from html.parser import HTMLParser
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


SHORT = 0.5  # extracted text under this share of the page's text is suspect …
LOST = 0.9  # … and lost when the parsed page itself holds under this share of it
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article"}
SKIPPED = {"script", "style", "noscript", "template", "head"}


class _PlainText(HTMLParser):
    """All the text of a page, a paragraph for each block, with no limit of depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(markup: str) -> str:
    """The text of a page without its markup, paragraphs kept."""
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


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
    body = extracted.text
    plain = plain_text(markup)
    if len(body) < SHORT * len(plain) and len(trafilatura.html2txt(markup)) < LOST * len(plain):
        body = plain  # the HTML parser lost part of the page (tags left open): take all its text
        yield Problem(shown(path), "has HTML that could not be parsed whole (tags left open); its text was "
                                   "read as plain text, menus and all")
    text = body if not title else f"{title}\n{body}"
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
