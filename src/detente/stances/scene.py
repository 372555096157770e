"""Whether an article is about a taxonomy's negotiation at all.

A taxonomy names its scene: the parties, places and things of its label, description
and issues ("Ankara", "NATO", "S-400"), written with capitals inside a sentence or as
codes of capitals and digits. An article about the negotiation names them throughout;
one about another conflict that only shares its words ("sanctions", "talks") names them
in a few sentences at most, and its positions on the taxonomy's issues are not positions
in the negotiation. The scene's centre, the names that the most of its issues use ("North
Korea", "Ukraine"), must be named too: an article on another conflict among the same
parties ("Russia", "the UN") names those often and the centre hardly ever. A taxonomy
that names no scene, and an article too short to tell, leave the article in.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from detente.nlp import docinfo
from detente.stances.taxonomy import Issue, Taxonomy

# The share of an article's sentences that must name the scene for it to be about the
# negotiation (articles on it name the scene in two sentences of five or more, articles
# on other conflicts in one of ten or fewer).
MIN_SCENE_SHARE = 0.2
# The share that must name the scene's centre (articles on the negotiation name it in one
# sentence of five or more, articles on other conflicts among its parties in one of thirty).
MIN_CENTRE_SHARE = 0.1
# Articles shorter than this (a post, a single statement) are too short to tell.
MIN_SENTENCES = 8
NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
CODE = re.compile(r"[A-Z][A-Z0-9]+|[A-Z][A-Za-z]*-?[0-9]+[A-Za-z]*")  # "NATO", "G7", "F-35s"
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“(]\s*)$")


def scene_pattern(taxonomy: Taxonomy) -> Optional[re.Pattern]:
    """The names of `taxonomy`'s scene as one pattern, or None when it names none."""
    return _pattern(names(tuple(texts(taxonomy))))


def centre_pattern(taxonomy: Taxonomy) -> Optional[re.Pattern]:
    """The names of the scene that the most of `taxonomy`'s issues use, at least half of
    them, as one pattern; None when no name is used that widely."""
    counts: dict[str, int] = {}
    for issue in taxonomy.issues:
        for name in names(tuple(issue_texts(issue))):
            counts[name] = counts.get(name, 0) + 1
    widest = max(counts.values(), default=0)
    if 2 * widest < len(taxonomy.issues):
        return None
    return _pattern(frozenset(name for name, n in counts.items() if n == widest))


@lru_cache(maxsize=256)
def names(texts: tuple[str, ...]) -> frozenset[str]:
    """Capitalised words of `texts` that do not begin a sentence, and codes wherever they
    stand; the names in a compound ("Trump-Putin") count one by one."""
    found: set[str] = set()
    for text in texts:
        for match in NAME.finditer(text):
            word = match.group()
            if CODE.fullmatch(word) or not SENTENCE_START.search(text[:match.start()]):
                found.add(word)
                found.update(part for part in word.split("-") if NAME.fullmatch(part) and len(part) > 1)
    return frozenset(found)


@lru_cache(maxsize=128)
def _pattern(found: frozenset[str]) -> Optional[re.Pattern]:
    """One pattern for the names `found`, with their plurals; None for none."""
    if not found:
        return None
    alternatives = "|".join(map(re.escape, sorted(found, key=lambda n: (-len(n), n))))
    return re.compile(rf"(?<![A-Za-z0-9-])(?:{alternatives})s?(?![A-Za-z0-9])")


def texts(taxonomy: Taxonomy) -> list[str]:
    """The analyst's words of `taxonomy`: label, description, and each issue's label,
    meanings, keywords, actors and example sentences."""
    found = [taxonomy.label, taxonomy.description, *(t for issue in taxonomy.issues for t in issue_texts(issue))]
    return [t for t in found if t]


def issue_texts(issue: Issue) -> list[str]:
    """An issue's label, meanings, keywords, actors and example sentences."""
    return [issue.label, issue.support, issue.oppose or "", *issue.keywords, *issue.actors,
            *issue.support_sounds_like, *issue.oppose_sounds_like]


def about(doc: Doc, taxonomy: Taxonomy) -> bool:
    """Whether `doc` is about `taxonomy`'s negotiation: at least ``MIN_SCENE_SHARE`` of its
    sentences name the scene and ``MIN_CENTRE_SHARE`` its centre (always, when the taxonomy
    names none or the article is too short to tell)."""
    pattern = scene_pattern(taxonomy)
    sents = list(doc.sents)
    if pattern is None or len(sents) < MIN_SENTENCES:
        return True
    text = docinfo.info(doc).text
    sentences = [text[sent.start_char:sent.end_char] for sent in sents]
    if sum(bool(pattern.search(s)) for s in sentences) < MIN_SCENE_SHARE * len(sents):
        return False
    centre = centre_pattern(taxonomy)
    return centre is None or sum(bool(centre.search(s)) for s in sentences) >= MIN_CENTRE_SHARE * len(sents)
