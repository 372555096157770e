"""What linking reads of a parsed document again and again, worked out once per Doc:
its text (``Doc.text`` joins every token anew), the sentence number of each token, its
quotations, the tokens that character offsets cover, where tokens of a kind are, and what
a stage asks to keep (``memo``)."""
from __future__ import annotations

import bisect
import weakref
from typing import Callable, Hashable, Iterable, Iterator, Optional, TypeVar

import numpy
from spacy.tokens import Doc, Span, Token

from detente.nlp.quotemarks import QuoteSpan, find_quotes

T = TypeVar("T")
FEW_VALUES = 8  # up to this many values, positions compares a column with each (faster than numpy.isin)


class DocInfo:
    """Cached facts of one document; holds no reference to the Doc itself."""

    def __init__(self, doc: Doc):
        document = getattr(doc._, "document", None)  # the text the Doc was made of, the same
        self.text: str = document.text if document is not None else doc.text
        self._sentence_numbers: Optional[list[int]] = None
        self._quotes: Optional[list[QuoteSpan]] = None
        self._quoted: Optional[list[tuple[int, int]]] = None
        self._quoted_starts: Optional[list[int]] = None
        self._tokens: dict[tuple[int, int], Optional[tuple[int, int]]] = {}
        self._memo: dict[Hashable, object] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` gives, computed on the first call with `key` and kept for the
        document (keep offsets, not Spans or Tokens: they would keep the Doc alive)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def distinct(self, doc: Doc, attr: str) -> list[str]:
        """The distinct values of `attr` ("ORTH", "LOWER" …) among the document's tokens, so
        that a test on a token's text can be made once per word rather than per token."""
        column = self._column(doc, attr)
        return self.memo(("distinct", attr), lambda: [doc.vocab.strings[v] for v in set(column.tolist())])

    def _column(self, doc: Doc, attr: str) -> numpy.ndarray:
        return self.memo(("column", attr), lambda: doc.to_array(attr))

    def positions(self, doc: Doc, attr: str, values: Iterable[str]) -> list[int]:
        """The indices of the tokens whose `attr` ("POS", "TAG", "LOWER", "ORTH") is one of
        `values`, in order, read from the Doc's array at once (no Token made for the others),
        so that a stage looking for a few kinds of token need not visit every token."""
        wanted = frozenset(values)

        def compute() -> list[int]:
            column, ids = self._column(doc, attr), [doc.vocab.strings[v] for v in wanted]
            if len(ids) > FEW_VALUES:
                return numpy.flatnonzero(numpy.isin(column, ids)).tolist()
            found = numpy.zeros(len(column), dtype=bool)
            for value in ids:
                found |= column == value
            return numpy.flatnonzero(found).tolist()

        return self.memo(("positions", attr, wanted), compute)

    def sentence_numbers(self, doc: Doc) -> list[int]:
        """The number of the sentence each token is in, by token index."""
        if self._sentence_numbers is None:
            numbers: list[int] = []
            for n, sent in enumerate(doc.sents):
                numbers.extend([n] * len(sent))
            self._sentence_numbers = numbers
        return self._sentence_numbers

    def quotes(self) -> list[QuoteSpan]:
        """The document's quotations (quotemarks.find_quotes), paired once."""
        if self._quotes is None:
            self._quotes = find_quotes(self.text)
        return self._quotes

    def quoted(self) -> list[tuple[int, int]]:
        """Character offsets of the text inside double quotation marks."""
        if self._quoted is None:
            self._quoted = [(q.start, q.end) for q in self.quotes() if not q.single]
        return self._quoted

    def is_quoted(self, char: int) -> bool:
        """Whether character `char` is inside double quotation marks (a search among the
        quotations' starts, which come in text order and do not overlap)."""
        quoted = self.quoted()
        if self._quoted_starts is None:
            self._quoted_starts = [start for start, _ in quoted]
        i = bisect.bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and char < quoted[i][1]

    def token_range(self, doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
        """The token indices (start, end) covering characters `start` to `end`, None where
        no tokens do; kept as numbers, since a Span would keep the Doc alive."""
        key = (start, end)
        if key not in self._tokens:
            span = doc.char_span(start, end, alignment_mode="expand")
            self._tokens[key] = (span.start, span.end) if span is not None else None
        return self._tokens[key]


_infos: "weakref.WeakKeyDictionary[Doc, DocInfo]" = weakref.WeakKeyDictionary()


def span_text(span: Span) -> str:
    """The text of `span`, cut from its document's text (``Span.text`` joins its tokens'
    texts, a Token made for each)."""
    return info(span.doc).text[span.start_char:span.end_char]


def tokens_where(doc: Doc, attr: str, values: Iterable[str]) -> Iterator[Token]:
    """The tokens of `doc` whose `attr` is one of `values`, in order (DocInfo.positions)."""
    return (doc[i] for i in info(doc).positions(doc, attr, values))


def info(doc: Doc) -> DocInfo:
    """The cached facts of `doc`, worked out on first use."""
    found = _infos.get(doc)
    if found is None:
        found = _infos[doc] = DocInfo(doc)
    return found
