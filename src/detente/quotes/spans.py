"""The quotation found before its speaker is linked, and helpers on token spans."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from detente.records import QuoteKind


@dataclass
class Found:
    """A quotation before speaker linking: character spans and the tokens that cue it."""

    start: int
    end: int
    kind: QuoteKind
    cue: Optional[Span]
    speaker: Optional[Span]
    confidence: float
    continued: bool = False  # a quoted sentence without a cue, carrying on an earlier speaker


def within(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character `pos` lies in one of `spans`."""
    return any(a <= pos < b for a, b in spans)


def trim(span: Span) -> Optional[Span]:
    """`span` without punctuation and spaces at its edges; None when under three words remain."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if sum(t.is_alpha for t in doc[start:end]) >= 3 else None


def outside(span: Span, part: Span) -> int:
    """How many words of `span` lie outside `part`."""
    return sum(t.is_alpha and not part.start <= t.i < part.end for t in span)
