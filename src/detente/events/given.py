"""Coding the event between two given actors, as the Zero-Shot-PLOVER task poses it:
the source and target spans are known, the type is asked.

Of the sentence's triggers (``triggers.match``, and trigger nouns standing alone, "the
attack on the convoy"), the one nearest both actors on the dependency tree wins; on a
tie, the governing event beats its complement ("threatened to strike" is a threat).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from detente.events.arguments import negated, tense
from detente.events.find import sentence_matches
from detente.events.ontology import Ontology, Trigger
from detente.events.triggers import Match, as_intention, as_refusal, embedded, noun_trigger
from detente.lang.en import ACTOR_NOUNS

NOUN_PENALTY = 1  # a trigger noun without a light verb is a weaker reading


def code_between(doc: Doc, source: Optional[tuple[int, int]], target: Optional[tuple[int, int]],
                 ontology: Ontology) -> Optional[Trigger]:
    """The event type (and mode) linking the actors at the character spans `source` and
    `target` of `doc` (either None when the event has none: the sentence's root stands
    in); None when the sentence holds no trigger."""
    found_spans = [doc.char_span(*span, alignment_mode="expand") for span in (source, target) if span is not None]
    spans: list[Span] = [span for span in found_spans if span is not None and len(span)]
    sent = spans[0].root.sent if spans else next(iter(doc.sents), None)
    if sent is None:
        return None
    anchors = [span.root for span in spans] or [sent.root]
    inside = {i for span in spans for i in range(span.start, span.end)}
    matches = sentence_matches(sent, ontology)
    candidates: list[tuple[tuple, Trigger]] = []
    for found in matches.values():
        if found.head.i in inside:
            continue
        cost = sum(distance(found.head, anchor) for anchor in anchors)
        coded, _ = as_refusal(as_intention(found, tense(found, ontology) == "future", ontology),
                              negated(found, ontology), ontology)
        candidates.append(((cost, embedded(found, matches, ontology), abs(found.head.i - anchors[-1].i)), coded))
    for token in sent:
        trigger = noun_trigger(token, ontology)
        # "a Saudi-led strike on X": the source is the strike's; "the troops" are an actor, not an event
        roots = {span.root.i for span in spans if span.root.lemma_.lower() not in ACTOR_NOUNS}
        if trigger is None or token.pos_ != "NOUN" or (token.i in inside and token.i not in roots) or _covered(
                token, matches):
            continue
        cost = sum(distance(token, anchor) for anchor in anchors) + NOUN_PENALTY
        coded = as_intention(Match(token, (token,), trigger, "noun"), False, ontology)
        candidates.append(((cost, True, abs(token.i - anchors[-1].i)), coded))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def distance(a: Token, b: Token) -> int:
    """The number of dependency arcs between two tokens of one sentence."""
    up = {a.i: 0}
    for n, ancestor in enumerate(a.ancestors, 1):
        up[ancestor.i] = n
    if b.i in up:
        return up[b.i]
    for n, ancestor in enumerate(b.ancestors, 1):
        if ancestor.i in up:
            return up[ancestor.i] + n
    return len(up) + sum(1 for _ in b.ancestors) + 1


def _covered(token: Token, matches: dict[int, Match]) -> bool:
    return any(token in found.tokens for found in matches.values())
