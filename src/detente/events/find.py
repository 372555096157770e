"""Events: who did what to whom, coded in the event ontology (PLOVER 2.0 by default).

``find_events`` reads each sentence's parse: every trigger (``triggers.match``) that is
not the complement of a governing event ("threatened to strike" is one threat) becomes
an event with its source, target, place and date (``arguments``), whether it is
negated and its tense, the sentence as evidence, and the quote whose cue it is when the
speech act was reported as a quote ("X accused Y of …" is an ACCUSE event and a quote).
An event needs a source. Without a resolver, actors are the named entities and actor
nouns of the sentence.
"""
from __future__ import annotations

import bisect
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from detente.actors.resolver import SpeakerResolver
from detente.events.arguments import Arguments, Party, negated, tense
from detente.events.confidence import CONFIDENCE
from detente.events.ontology import Ontology
from detente.events.triggers import Match, as_intention, as_refusal, embedded, head_positions, match, purpose_clause
from detente.records import Event, Quote, record_id


def find_events(doc: Doc, resolver: Optional[SpeakerResolver], ontology: Ontology,
                quotes: Iterable[Quote] = ()) -> list[Event]:
    """The events of a parsed `doc`, in order; `quotes` link speech acts to their quote.
    The mentions the resolver adds while naming sources and targets are taken back: the
    actors stage's mentions stay its own."""
    arguments = Arguments(doc, resolver, ontology)
    quotes = list(quotes)
    mentions = list(resolver.mentions) if resolver is not None else []
    events = []
    for sent in doc.sents:
        matches = sentence_matches(sent, ontology)
        for found in matches.values():
            if embedded(found, matches, ontology):
                continue
            event = code(doc, sent, found, arguments, ontology, quotes)
            if event is not None:
                events.append(event)
    if resolver is not None:
        resolver.mentions[:] = mentions
    return events


def sentence_matches(sent: Span, ontology: Ontology) -> dict[int, Match]:
    """The triggers of `sent`, by the index of their head token; a purpose head (a verb
    alone, not a phrasal one) whose purpose clause is a trigger gives way to it ("phoned X
    to congratulate him")."""
    found = {}
    doc = sent.doc
    heads = head_positions(doc, ontology)
    for i in heads[bisect.bisect_left(heads, sent.start):bisect.bisect_left(heads, sent.end)]:
        token = doc[i]
        hit = match(token, ontology)
        if hit is not None:
            found[token.i] = hit
    for i, hit in list(found.items()):  # not "called for sanctions after X cancelled the deal"
        if hit.how == "verb" and hit.head.lemma_.lower() in ontology.purpose_heads and any(
                c.i in found for c in hit.head.children if c.dep_ == "xcomp" or purpose_clause(c)):
            del found[i]
    return found


def code(doc: Doc, sent: Span, found: Match, arguments: Arguments, ontology: Ontology,
         quotes: list[Quote]) -> Optional[Event]:
    """The event of one trigger, or None when no source can be told."""
    sources = arguments.sources(found)
    if not sources:
        return None
    targets = arguments.targets(found, sources)
    document = doc._.document
    when = tense(found, ontology)
    kind, denied = as_refusal(as_intention(found, when == "future", ontology), negated(found, ontology), ontology)
    if len(sources) > 1 and kind.type in ontology.reciprocal and all(p.thing for p in targets):
        sources, targets = sources[:1], sources[1:]  # "X and Y met", "X and Y signed a deal": X toward Y
    trigger_start = min(t.idx for t in found.tokens)
    trigger_end = max(t.idx + len(t) for t in found.tokens)
    return Event(
        id=record_id(getattr(document, "id", ""), trigger_start, kind.type),
        doc=getattr(document, "doc", ""), doc_id=getattr(document, "id", ""),
        type=kind.type,  # type: ignore[arg-type]  # validated against EventType when loaded
        mode=kind.mode,
        **_parties("source", sources), **_parties("target", targets),
        place=arguments.place(found, sources),
        date=arguments.date(sent),
        trigger=found.text, evidence=sent.text, start=sent.start_char, end=sent.end_char,
        trigger_start=trigger_start, trigger_end=trigger_end,
        negated=denied,
        tense=when,  # type: ignore[arg-type]
        quote_id=_quote_of(quotes, trigger_start, trigger_end),
        score=ontology.score(kind.type, kind.mode),
        confidence=confidence(found, sources, targets),
    )


def confidence(found: Match, sources: list[Party], targets: list[Party]) -> float:
    value = CONFIDENCE[found.how]
    if any(p.actor_id for p in sources):
        value += CONFIDENCE["linked_bonus"]
    if not targets:
        value -= CONFIDENCE["no_target_penalty"]
    return round(min(value, 1.0), 2)


def _parties(role: str, parties: list[Party]) -> dict[str, list]:
    return {role: [p.name for p in parties], f"{role}_id": [p.actor_id for p in parties],
            f"{role}_text": [p.text for p in parties]}


def _quote_of(quotes: list[Quote], start: int, end: int) -> Optional[str]:
    """The quote whose cue is the trigger: the speech act it reports."""
    for quote in quotes:
        cue_start, cue_end = quote.cue_start, quote.cue_end
        if cue_start is not None and cue_end is not None and cue_start < end and start < cue_end:
            return quote.id
    return None
