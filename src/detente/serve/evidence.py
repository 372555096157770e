"""Evidence in its article: the sentence around a span, and an article's text cut into
segments, each with the records whose spans cover it, for highlighting."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence (or sentences) that hold `text[start:end]`."""
    begin = 0
    for found in SENTENCE_END.finditer(text, 0, start):
        begin = found.end()
    after = SENTENCE_END.search(text, max(begin, end - 1))
    return begin, after.start() + len(after.group().rstrip()) if after else len(text)


@dataclass
class Segment:
    """A run of article text and the records (kind, id) whose spans cover all of it."""

    text: str
    start: int
    records: list[tuple[str, str]] = field(default_factory=list)


def segments(text: str, spans: Iterable[tuple[int, int, str, str]]) -> list[Segment]:
    """`text` cut at every boundary of `spans` (start, end, kind, id); each segment lists
    the spans that cover it, so that overlapping spans highlight without nesting."""
    spans = [(max(0, s), min(len(text), e), kind, key) for s, e, kind, key in spans if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    found = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(kind, key) for s, e, kind, key in spans if s <= a and b <= e]
        found.append(Segment(text[a:b], a, covering))
    return found

