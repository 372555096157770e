"""Titles without names ("the NATO chief", "Poland's premier") linked to the holder of
the role on the article's date. Title synonyms are data: ``data/titles.yaml``."""
from __future__ import annotations

import functools
import weakref
from typing import Optional

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from detente.actors.kb import DATA_DIR, TITLES_FILE, KnowledgeBase
from detente.records import Actor


@functools.lru_cache(maxsize=1)
def variants() -> dict[str, tuple[str, ...]]:
    """Each title variant (lowercase) -> the canonical titles it may stand for, in trial order."""
    data = yaml.safe_load((DATA_DIR / TITLES_FILE).read_text(encoding="utf-8")) or {}
    out: dict[str, list[str]] = {}
    for canonical, forms in data.items():
        for form in [canonical.lower(), *forms]:
            out.setdefault(form.lower(), [])
            if canonical not in out[form.lower()]:
                out[form.lower()].append(canonical)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word that occurs in a title variant ('prime', 'minister', 'secretary', ...)."""
    return frozenset(w for v in variants() for w in v.replace("-", " ").split())


def matcher(vocab, tokenizer) -> PhraseMatcher:
    """A matcher of every title variant, tokenized by `tokenizer`."""
    m = PhraseMatcher(vocab, attr="LOWER")
    m.add("TITLE", list(tokenizer.pipe(variants())))
    return m


_found: "weakref.WeakKeyDictionary[Doc, dict[int, list[tuple[int, int]]]]" = weakref.WeakKeyDictionary()


def title_spans(doc: Doc, title_matcher: PhraseMatcher) -> list[Span]:
    """The longest non-overlapping title phrases of `doc`, matched once per Doc and
    matcher (speakers ask again and again: matching each time costs quadratic time)."""
    by_matcher = _found.setdefault(doc, {})
    if id(title_matcher) not in by_matcher:
        by_matcher[id(title_matcher)] = [(s.start, s.end) for s in filter_spans(title_matcher(doc, as_spans=True))]
    return [doc[start:end] for start, end in by_matcher[id(title_matcher)]]


def holder(kb: KnowledgeBase, title_text: str, of: Optional[str], date: Optional[str],
           named: frozenset[str] = frozenset()) -> Optional[Actor]:
    """The one actor holding the role `title_text` names (of `of`) on `date`, trying its
    canonical titles in order; among the holders of several (a country's "leader": its
    president, its prime minister) the first whose id is in `named`, the actors the
    article has already named. None when there is none, or more than one for a title."""
    holders: list[Actor] = []
    for canonical in variants().get(title_text.lower(), ()):
        found = kb.holders(canonical, of, date)
        if len(found) > 1:
            break
        holders += found
    return next((a for a in holders if a.id in named), holders[0] if holders else None)
