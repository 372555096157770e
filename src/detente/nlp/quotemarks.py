"""Pairing quotation marks in raw text, robust to mixed and unbalanced marks.

Straight, curly, single and double marks may be mixed in one article ("“dirty" one"),
and marks may be missing. Each mark is classed as opening or closing by what surrounds
it, pairs are made within a paragraph, and an unmatched mark is dropped: a stray mark
costs at most the quotation it belongs to, never the rest of the article. A quotation
that opens a sentence and is never closed runs to the end of its paragraph (the convention
for quotes running over several paragraphs: each paragraph re-opens without closing), or
to the next sentence that re-opens one where paragraphs were run together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = frozenset("\"“”„‟«»")
SINGLE = frozenset("'‘’‚‛‹›")
_DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE))) + "]")
_SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(SINGLE))) + "]")
OPENING_GLYPHS = frozenset("“„‟«‘‚‛‹")
CLOSING_GLYPHS = frozenset("”»’›")
OPEN_BEFORE = frozenset("([{—–-/")  # characters after which a mark opens
ELIDED_YEAR = re.compile(r"\d\ds?\b")  # the two digits of a year after an apostrophe: '50s, ’98


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: `start`, `end` delimit its content, without the marks; `open_at` and
    `close_at` are the offsets of the marks (`close_at` is `end` when a quotation runs on
    to the next paragraph); `single` is true for single quotation marks."""

    start: int
    end: int
    open_at: int
    close_at: int
    single: bool = False


# Spaces within a line, no-break and thin ones included, and invisible format characters
# (direction marks, zero-width spaces) that some sites put before a quotation mark.
LINE_SPACE = re.compile(r"[^\S\n]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
TRAILING_LINE_SPACE = re.compile(f"(?:{LINE_SPACE.pattern})+$")


def text_before(text: str, pos: int, reach: int = 80) -> str:
    """The last `reach` characters before `pos`, without the spaces and invisible
    characters that end their line (callers look at the last few characters only)."""
    window = text[max(0, pos - reach):pos]
    m = TRAILING_LINE_SPACE.search(window)
    return window[:m.start()] if m else window


def _role(text: str, i: int) -> str | None:
    """'open', 'close', or None for an apostrophe or a mark standing alone."""
    ch = text[i]
    j = i - 1
    while j >= 0 and LINE_SPACE.match(text, j) and not text[j].isspace():
        j -= 1  # an invisible character before the mark: ‪”We will …
    prev = " " if j < i - 1 else (text[j] if j >= 0 else "\n")
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in SINGLE and prev.isalnum() and nxt.isalnum():
        return None  # apostrophe inside a word: don't, Kyiv’s
    if ch in SINGLE and ELIDED_YEAR.match(text, i + 1):
        return None  # an elided century: the 1940s and '50s, class of ’98
    if ch in DOUBLE and prev == "\n" and nxt != "\n":
        return "open"  # a double mark opening a paragraph, even before a space: ” … she answered
    if ch in DOUBLE and prev == " " and nxt.isspace() and i >= 2 and text[i - 2] in ",.!?'’":
        return "close"  # set off by a space after the quotation's own punctuation: the term ‘frozen conflict,’ "
    opens = (prev.isspace() or prev in OPEN_BEFORE or prev in DOUBLE or prev in SINGLE) and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if opens and closes:
        return "open" if ch in OPENING_GLYPHS else "close"
    if opens:
        return "open"
    if closes:
        return "close"
    return None


def _pair(text: str, marks: list[tuple[int, str]], single: bool) -> list[QuoteSpan]:
    """Pair opening and closing marks paragraph by paragraph."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for pos, role in marks:
        if open_at is not None and "\n" in text[open_at:pos]:
            spans += _left_open(text, open_at, text.index("\n", open_at), single)
            open_at = None
        if role == "open":
            if open_at is not None and _opens_sentence(text, pos):
                spans += _left_open(text, open_at, pos, single)  # re-opened: paragraphs run together
            open_at = pos  # an earlier opening mark left unmatched is dropped
        elif open_at is not None:
            if pos > open_at + 1:
                spans.append(QuoteSpan(open_at + 1, pos, open_at, pos, single))
            open_at = None
    if open_at is not None:
        para_end = text.find("\n", open_at)
        spans += _left_open(text, open_at, len(text) if para_end == -1 else para_end, single)
    return spans


def _left_open(text: str, open_at: int, end: int, single: bool) -> list[QuoteSpan]:
    """The quotation of an opening mark never closed before `end` (its paragraph's end or
    the next quotation's opening mark), when it opened a sentence: double marks only,
    since a stray single mark is more often an apostrophe; or when the next paragraph
    re-opens a quotation with a single mark."""
    if not _opens_sentence(text, open_at):
        return []
    if single and not (text[end:end + 1] == "\n" and _next_paragraph_opens(text, end, single)):
        return []
    stop = _rstrip(text, open_at + 1, end)
    return [QuoteSpan(open_at + 1, stop, open_at, stop, single)] if stop > open_at + 1 else []


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the mark at `pos` opens a sentence, a paragraph or a clause introduced by
    a comma or a colon."""
    return (text_before(text, pos)[-1:] or "\n") in "\n.!?:,"


def _next_paragraph_opens(text: str, para_end: int, single: bool) -> bool:
    rest = text[para_end:].lstrip()
    family = SINGLE if single else DOUBLE
    return bool(rest) and rest[0] in family and _role(text, len(text) - len(rest)) == "open"


def _doubled_singles_as_doubles(text: str) -> str:
    """`text` with each pair of single marks that stands for a double mark (''This isn't
    reform,'' he said) written as one double mark and a space, keeping every offset."""
    if "''" not in text:
        return text
    chars = list(text)
    i = text.find("''")
    while i != -1:
        opens = i + 2 < len(text) and not text[i + 2].isspace() and (i == 0 or not text[i - 1].isalnum())
        chars[i:i + 2] = [" ", '"'] if opens else ['"', " "]
        i = text.find("''", i + 2)
    return "".join(chars)


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotations in `text`, in order: double-quoted ones, and single-quoted ones that
    are not nested inside a double-quoted one. Two single marks count as a double one,
    and a quotation's `open_at` and `close_at` are then those of the outer mark."""
    spans = _find_quotes(_doubled_singles_as_doubles(text))
    if "''" not in text:
        return spans
    return [QuoteSpan(s.start, s.end, s.open_at - (text[s.open_at - 1:s.open_at + 1] == "''"),
                      s.close_at + (text[s.close_at:s.close_at + 2] == "''"), s.single) for s in spans]


def _marks(pattern: re.Pattern[str], text: str) -> list[int]:
    """The offsets of the quotation marks `pattern` finds in `text`."""
    return [m.start() for m in pattern.finditer(text)]


def _find_quotes(text: str) -> list[QuoteSpan]:
    doubles = [(i, r) for i in _marks(_DOUBLE_MARK, text) if (r := _role(text, i))]
    spans = _pair(text, doubles, single=False)
    singles = [(i, r) for i in _marks(_SINGLE_MARK, text) if (r := _role(text, i))]
    outer = [(s.open_at, s.close_at) for s in spans]
    singles = [(i, r) for i, r in singles if not any(a < i < b for a, b in outer)]
    spans += [s for s in _pair(text, singles, single=True) if s.end - s.start > 0]
    return sorted(spans, key=lambda s: s.start)
