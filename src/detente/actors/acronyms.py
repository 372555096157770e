"""Acronyms and the names they stand for: "the Baloch Liberation Army, or BLA", "the
Board of Immigration Appeals (BIA)", or a name the article gave before (the Department of
Homeland Security … DHS)."""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from detente.lang.en import ACRONYM_SKIPS
from detente.nlp import docinfo

LONGEST_ACRONYM = 6  # letters
LONGEST_NAME = 8  # words of the name an acronym stands for


def is_acronym(span: Span) -> bool:
    """One upper-case word of two to six letters: NISA, BLA."""
    return len(span) == 1 and _acronym_word(span.text)


def _acronym_word(word: str) -> bool:
    return word.isalpha() and word.isupper() and 2 <= len(word) <= LONGEST_ACRONYM


def initials(words: Iterable[str]) -> str:
    """The initials of a name's capitalised words, its joiners (of, and, the) skipped."""
    return "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIPS and w[:1].isupper())


def defined_name(acronym: Span) -> Optional[Span]:
    """The name an article defines `acronym` by, anywhere in it: the capitalised words right
    before "(ACRONYM)" or ", or ACRONYM" whose initials spell it; None when there is none."""
    doc = acronym.doc
    found = docinfo.info(doc).memo("acronym definitions", lambda: _definitions(doc)).get(acronym.text)
    return doc[found[0]:found[1]] if found else None


def spelt_out(doc: Doc, letters: str) -> Optional[Span]:
    """The first run of capitalised words in `doc` whose initials spell `letters`, small
    words between them skipped ("Board of Immigration Appeals" for BIA); None when none does."""
    facts = docinfo.info(doc)
    spelt: dict[str, Optional[tuple[int, int]]] = facts.memo("acronyms spelt out", dict)
    if letters not in spelt:
        starts = facts.memo("title words by initial", lambda: _title_words_by_initial(doc))
        spelt[letters] = next(filter(None, (_spelling(doc, start, letters) for start in starts.get(letters[0], ()))),
                              None)
    found = spelt[letters]
    return doc[found[0]:found[1]] if found else None


def _definitions(doc: Doc) -> dict[str, tuple[int, int]]:
    """Each acronym the article defines ("Name (ACR)", "Name, or ACR") -> the offsets of the
    first name whose initials spell it."""
    names: dict[str, tuple[int, int]] = {}
    words = [w for w in docinfo.info(doc).distinct(doc, "ORTH") if _acronym_word(w)]
    for tok in docinfo.tokens_where(doc, "ORTH", words):
        if tok.text in names:
            continue
        end = _before_definition(tok)
        if end is None:
            continue
        letters, start = tok.text, end
        while start > max(0, end - LONGEST_NAME) and (doc[start - 1].is_title or doc[start - 1].is_upper
                                                      or doc[start - 1].lower_ in ACRONYM_SKIPS):
            start -= 1
            if initials(t.text for t in doc[start:end]) == letters and doc[start].lower_ not in ACRONYM_SKIPS:
                names[letters] = (start, end)
                break
    return names


def _title_words_by_initial(doc: Doc) -> dict[str, list[int]]:
    """The offsets of the document's title-case words, by their first letter."""
    starts: dict[str, list[int]] = {}
    words = [w for w in docinfo.info(doc).distinct(doc, "ORTH") if w.istitle()]
    for i in docinfo.info(doc).positions(doc, "ORTH", words):
        starts.setdefault(doc[i].text[0], []).append(i)
    return starts


def _spelling(doc: Doc, start: int, letters: str) -> Optional[tuple[int, int]]:
    """The offsets of the run of capitalised words from `start` whose initials spell
    `letters`, small words between them skipped; None when the run spells something else."""
    k, i = 0, start
    while i < len(doc) and k < len(letters) and i - start < LONGEST_NAME:
        word = doc[i]
        if k and word.lower_ in ACRONYM_SKIPS:
            i += 1
        elif word.is_title and word.text[0] == letters[k]:
            k, i = k + 1, i + 1
        else:
            break
    return (start, i) if k == len(letters) else None


def _before_definition(tok: Token) -> Optional[int]:
    """The token index where the name before an acronym's definition ends: "Name (ACR",
    "Name, or ACR"; None when `tok` is not defined so."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "(":
        return i - 1
    if i >= 3 and doc[i - 1].lower_ == "or" and doc[i - 2].text == ",":
        return i - 2
    return None
