"""Titles without names ("the NATO chief", "Poland's premier") linked to the holder of
the role on the article's date. Title synonyms are data: ``data/titles.yaml``."""
from __future__ import annotations

import functools
from typing import Optional

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
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


def title_spans(doc, title_matcher: PhraseMatcher) -> list[Span]:
    """The longest non-overlapping title phrases of `doc`."""
    return filter_spans(title_matcher(doc, as_spans=True))


def holder(kb: KnowledgeBase, title_text: str, of: Optional[str], date: Optional[str]) -> Optional[Actor]:
    """The one actor holding the role `title_text` names (of `of`) on `date`; None when
    there is none or more than one."""
    for canonical in variants().get(title_text.lower(), ()):
        found = kb.holders(canonical, of, date)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None
    return None
