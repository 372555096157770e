"""Pronoun resolution: the most recent fitting actor mention before the pronoun, preferring
grammatical subjects and previous speakers, across sentences and paragraphs."""
from __future__ import annotations

import bisect
from typing import NamedTuple, Optional, cast

from spacy.tokens import Doc, Token

from detente.lang.en import SPEECH_VERBS
from detente.nlp import docinfo
from detente.records import Actor

GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
          "she": "female", "her": "female", "hers": "female", "herself": "female"}
PLURAL = {"they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours"}
GROUP_KINDS = ("organisation", "country", "group", "anonymous")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
LOOK_BACK = 6  # sentences
HONORIFICS = {"mr": "male", "mr.": "male", "ms": "female", "ms.": "female", "mrs": "female", "mrs.": "female"}


def pronoun_kind(token: Token) -> Optional[str]:
    """'male', 'female' or 'plural' for a third-person (or 'we') pronoun, else None."""
    low = token.lower_
    if token.pos_ != "PRON" and token.tag_ not in ("PRP", "PRP$"):
        return None
    return GENDER.get(low) or ("plural" if low in PLURAL else None)


def _fits(actor: Actor, kind: str, shown: dict[str, set[str]]) -> bool:
    """Whether `actor` can be what a pronoun of `kind` stands for; `shown` holds the
    genders of the pronouns already linked to each actor (a man "he" once is no "she")."""
    if kind == "neuter":
        return actor.kind in ("organisation", "country")
    if kind == "plural":
        return actor.kind in GROUP_KINDS or actor.kind == "person"  # people named together (see resolve)
    if actor.kind == "anonymous":
        return True  # "a JetBlue pilot" … he (a singular one: see resolve)
    return actor.kind == "person" and actor.gender in (kind, None) and shown.get(actor.id, {kind}) <= {kind}


def _shown_genders(doc: Doc) -> dict[str, set[str]]:
    """The genders of the he/she pronouns linked so far, by actor id."""
    out: dict[str, set[str]] = {}
    for m in doc._.mentions or []:
        gender = GENDER.get(m.text.lower()) if m.method == "pronoun" and m.actor_id else None
        if gender is not None:
            out.setdefault(cast(str, m.actor_id), set()).add(gender)
    return out


class _Root(NamedTuple):
    """What resolution reads of the head token of a mention."""

    tag: str
    dep: str
    head: int  # the index of its head
    coordinated: bool  # a conjunct hangs on it: Ana Ruiz and Li Wei
    speaks: bool  # the subject of a speech verb: "Tusk said"


def _root(doc: Doc, tokens: tuple[int, int]) -> _Root:
    """The head of the mention of tokens `tokens`, read once per mention."""

    def compute() -> _Root:
        root = doc[tokens[0]:tokens[1]].root
        return _Root(root.tag_, root.dep_, root.head.i, any(c.dep_ == "conj" for c in root.children),
                     root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS)

    return docinfo.info(doc).memo(("mention root", *tokens), compute)


def infer_genders(doc: Doc) -> None:
    """Give the document's local people without a gender the one the text shows: an
    honorific before the name (Ms. Rosasi), or he/she/his/her outside quotation marks
    when the person is the only one named earlier in the pronoun's sentence, or else the
    only one named in the sentence before (Canos-Donnay said she hoped …; Pinto is the
    director. He says …)."""
    actors = doc._.actors or {}
    unknown = {a.id for a in actors.values() if a.kind == "person" and a.gender is None}
    if not unknown:
        return
    facts = docinfo.info(doc)
    sentence = facts.sentence_numbers(doc)
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    votes: dict[str, dict[str, int]] = {}
    for m in doc._.mentions or []:
        actor = actors.get(m.actor_id) if m.actor_id else None
        if actor is None or actor.kind != "person" or m.method == "pronoun":
            continue
        tokens = facts.token_range(doc, m.start, m.end)
        if tokens is None:
            continue
        by_sentence.setdefault(sentence[tokens[0]], []).append((m.start, actor.id))
        if tokens[0] > 0 and actor.id in unknown:
            honorific = HONORIFICS.get(doc[tokens[0] - 1].lower_)
            if honorific:
                votes.setdefault(actor.id, {}).setdefault(honorific, 0)
                votes[actor.id][honorific] += 2
    for tok in docinfo.tokens_where(doc, "LOWER", GENDER):
        gender = GENDER.get(tok.lower_)
        if gender is None or pronoun_kind(tok) is None or facts.is_quoted(tok.idx):
            continue
        here = sentence[tok.i]
        people = {a for start, a in by_sentence.get(here, []) if start < tok.idx}
        if not people:
            people = {a for _, a in by_sentence.get(here - 1, [])}
        if len(people) == 1:
            (only,) = people
            if only in unknown:
                votes.setdefault(only, {}).setdefault(gender, 0)
                votes[only][gender] += 1
    for actor_id, counts in votes.items():
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            actors[actor_id].gender = ranked[0][0]


def resolve(doc: Doc, token: Token, speakers: set[str], kind: Optional[str] = None) -> Optional[tuple[Actor, float]]:
    """The actor `token` (a pronoun) refers to, with a confidence; `speakers` are the ids of
    actors already found to speak in the document. `kind` overrides the pronoun's kind
    ("neuter": an organisation's or country's "it", asked for speakers only)."""
    kind = kind or pronoun_kind(token)
    if kind is None:
        return None
    facts = docinfo.info(doc)
    sentence = facts.sentence_numbers(doc)
    here = sentence[token.i]
    pronoun_quoted = facts.is_quoted(token.idx)
    first = bisect.bisect_left(sentence, here - LOOK_BACK)
    earliest = doc[first].idx if first < len(doc) else token.idx  # mentions before it are too far back
    best: Optional[Actor] = None
    best_score: Optional[float] = None
    actors = doc._.actors
    shown = _shown_genders(doc) if kind in ("male", "female") else {}
    for m in doc._.mentions or []:
        if m.end > token.idx or m.start < earliest or not m.actor_id:
            continue
        actor = actors.get(m.actor_id)
        if actor is None or not _fits(actor, kind, shown):
            continue
        tokens = facts.token_range(doc, m.start, m.end)
        if tokens is None:
            continue
        distance = here - sentence[tokens[0]]
        if distance > LOOK_BACK or (not pronoun_quoted and facts.is_quoted(m.start)):
            continue  # a pronoun outside quotation marks does not point at a name inside
        root = _root(doc, tokens)
        if actor.kind == "anonymous" and kind in GENDER.values() and root.tag not in ("NN", "NNP"):
            continue  # "officials" are no "he"
        coordinated = kind == "plural" and root.coordinated
        if kind == "plural" and actor.kind == "person" and not coordinated:
            continue  # "they" for people only where the text names them together: Ana Ruiz and Li Wei
        if distance == 0 and root.head == token.head.i and token.dep_ in SUBJECT_DEPS:
            continue  # "Trump told him": the subject's co-argument is not the pronoun
        paragraphs = facts.text.count("\n", m.end, token.idx)
        score = -distance - 0.5 * min(paragraphs, 2)
        score += 0.6 if root.dep in SUBJECT_DEPS or m.method == "pronoun" else 0.0
        score += 0.8 if coordinated else 0.0  # "The council, the bank and rights groups … They say"
        score -= 0.5 if kind == "plural" and actor.kind == "country" and not coordinated else 0.0  # a country is "it"
        score += 0.8 if actor.id in speakers or root.speaks else 0.0
        score -= 0.00001 * (token.idx - m.end)
        if best_score is None or score > best_score:
            best, best_score = actor, score
    if best is None or best_score is None:
        return None
    return best, max(0.3, min(0.85, 0.85 + 0.1 * best_score))
