"""Whether an article is about a taxonomy's negotiation at all.

A taxonomy names its scene: the parties, places and things of its label, description
and issues ("Ankara", "NATO", "S-400"), written with capitals inside a sentence or as
codes of capitals and digits. An article about the negotiation names them throughout;
one about another conflict that only shares its words ("sanctions", "talks") names them
in a few sentences at most, and its positions on the taxonomy's issues are not positions
in the negotiation. A taxonomy that names no scene, and an article too short to tell,
leave the article in.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from detente.nlp import docinfo
from detente.stances.taxonomy import Taxonomy

# The share of an article's sentences that must name the scene for it to be about the
# negotiation (articles on it name the scene in two sentences of five or more, articles
# on other conflicts in one of ten or fewer).
MIN_SCENE_SHARE = 0.2
# Articles shorter than this (a post, a single statement) are too short to tell.
MIN_SENTENCES = 8
NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
CODE = re.compile(r"[A-Z][A-Z0-9]+|[A-Z][A-Za-z]*-?[0-9]+[A-Za-z]*")  # "NATO", "G7", "F-35s"
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“(]\s*)$")


def scene_pattern(taxonomy: Taxonomy) -> Optional[re.Pattern]:
    """The names of `taxonomy`'s scene as one pattern, or None when it names none."""
    return _pattern(tuple(texts(taxonomy)))


@lru_cache(maxsize=64)
def _pattern(texts: tuple[str, ...]) -> Optional[re.Pattern]:
    """Capitalised words of `texts` that do not begin a sentence, and codes wherever they
    stand; the names in a compound ("Trump-Putin") count one by one."""
    found: set[str] = set()
    for text in texts:
        for match in NAME.finditer(text):
            word = match.group()
            if CODE.fullmatch(word) or not SENTENCE_START.search(text[:match.start()]):
                found.add(word)
                found.update(part for part in word.split("-") if NAME.fullmatch(part) and len(part) > 1)
    if not found:
        return None
    names = "|".join(map(re.escape, sorted(found, key=len, reverse=True)))
    return re.compile(rf"(?<![A-Za-z0-9-])(?:{names})s?(?![A-Za-z0-9])")


def texts(taxonomy: Taxonomy) -> list[str]:
    """The analyst's words of `taxonomy`: label, description, and each issue's label,
    meanings, keywords, actors and example sentences."""
    found = [taxonomy.label, taxonomy.description]
    for issue in taxonomy.issues:
        found += [issue.label, issue.support, issue.oppose or "", *issue.keywords, *issue.actors,
                  *issue.support_sounds_like, *issue.oppose_sounds_like]
    return [t for t in found if t]


def about(doc: Doc, taxonomy: Taxonomy) -> bool:
    """Whether `doc` is about `taxonomy`'s negotiation: at least ``MIN_SCENE_SHARE`` of its
    sentences name the scene (always, when the taxonomy names none or the article is too
    short to tell)."""
    pattern = scene_pattern(taxonomy)
    sents = list(doc.sents)
    if pattern is None or len(sents) < MIN_SENTENCES:
        return True
    text = docinfo.info(doc).text
    naming = sum(bool(pattern.search(text[sent.start_char:sent.end_char])) for sent in sents)
    return naming >= MIN_SCENE_SHARE * len(sents)
