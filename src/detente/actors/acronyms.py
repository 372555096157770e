"""Acronyms and the names they stand for: "the Baloch Liberation Army, or BLA", "the
Board of Immigration Appeals (BIA)", or a name the article gave before (the Department of
Homeland Security … DHS)."""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from detente.lang.en import ACRONYM_SKIPS

LONGEST_ACRONYM = 6  # letters
LONGEST_NAME = 8  # words of the name an acronym stands for


def is_acronym(span: Span) -> bool:
    """One upper-case word of two to six letters: NISA, BLA."""
    word = span.text
    return len(span) == 1 and word.isalpha() and word.isupper() and 2 <= len(word) <= LONGEST_ACRONYM


def initials(words: Iterable[str]) -> str:
    """The initials of a name's capitalised words, its joiners (of, and, the) skipped."""
    return "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIPS and w[:1].isupper())


def defined_name(acronym: Span) -> Optional[Span]:
    """The name an article defines `acronym` by, anywhere in it: the capitalised words right
    before "(ACRONYM)" or ", or ACRONYM" whose initials spell it; None when there is none."""
    doc, letters = acronym.doc, acronym.text
    for tok in doc:
        if tok.text != letters:
            continue
        end = _before_definition(tok)
        if end is None:
            continue
        start = end
        while start > max(0, end - LONGEST_NAME) and (doc[start - 1].is_title or doc[start - 1].is_upper
                                                      or doc[start - 1].lower_ in ACRONYM_SKIPS):
            start -= 1
            if initials(t.text for t in doc[start:end]) == letters and doc[start].lower_ not in ACRONYM_SKIPS:
                return doc[start:end]
    return None


def spelt_out(doc: Doc, letters: str) -> Optional[Span]:
    """The first run of capitalised words in `doc` whose initials spell `letters`, small
    words between them skipped ("Board of Immigration Appeals" for BIA); None when none does."""
    for start in doc:
        if start.text[:1] != letters[0] or not start.is_title:
            continue
        k, i = 0, start.i
        while i < len(doc) and k < len(letters) and i - start.i < LONGEST_NAME:
            word = doc[i]
            if k and word.lower_ in ACRONYM_SKIPS:
                i += 1
            elif word.is_title and word.text[0] == letters[k]:
                k, i = k + 1, i + 1
            else:
                break
        if k == len(letters):
            return doc[start.i:i]
    return None


def _before_definition(tok: Token) -> Optional[int]:
    """The token index where the name before an acronym's definition ends: "Name (ACR",
    "Name, or ACR"; None when `tok` is not defined so."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "(":
        return i - 1
    if i >= 3 and doc[i - 1].lower_ == "or" and doc[i - 2].text == ",":
        return i - 2
    return None
