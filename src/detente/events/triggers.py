"""Trigger words: which tokens of a parse are events of the ontology, and of what type.

A verb is a trigger by its lemma or, for a phrasal verb, by its lemma and particle
("call on", "pull out", "open fire"); a light verb takes the type of the trigger noun
it governs ("imposed sanctions", "held talks"). A type-level trigger takes its mode from
a mode noun among its objects ("sent weapons" is military aid).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from detente.events.ontology import Ontology, Trigger
from detente.lang.en import (
    ACTOR_NOUNS,
    GENERIC_NOUNS,
    IMMATERIAL_OBJECTS,
    IMPERSONAL_PRONOUNS,
    SELF_PRONOUNS,
    TRANSFER_VERBS,
)
from detente.nlp import docinfo

PARTICLE_DEPS = frozenset({"prt", "prep", "dobj", "advmod", "compound:prt", "oprd", "acomp"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass"})
VERB_POS = frozenset({"VERB", "AUX"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "advcl"})
CALLEE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "acl"})  # a verb's: not its own phrase


@dataclass(frozen=True)
class Match:
    """A trigger found in a sentence: its head verb (or noun), the tokens that spell it,
    and what it codes; `how` is verb, phrasal or noun (for the confidence table)."""

    head: Token
    tokens: tuple[Token, ...]
    trigger: Trigger
    how: str

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.tokens, key=lambda t: t.i))


def head_positions(doc: Doc, ontology: Ontology) -> list[int]:
    """The indices of the tokens that may head a trigger, in order: verbs whose lemma is
    one of the ontology's head lemmas (``match`` takes no other token)."""
    facts = docinfo.info(doc)

    def compute() -> list[int]:
        lemmas = [lemma for lemma in facts.distinct(doc, "LEMMA") if lemma.lower() in ontology.head_lemmas]
        return sorted(set(facts.positions(doc, "POS", VERB_POS)) & set(facts.positions(doc, "LEMMA", lemmas)))

    return facts.memo(("trigger heads", ontology.source, ontology.name), compute)


def match(token: Token, ontology: Ontology) -> Optional[Match]:
    """The trigger `token` heads, if any."""
    if token.pos_ not in VERB_POS or token.dep_ == "aux":
        return None
    lemma = token.lemma_.lower()
    if lemma in ontology.passive_not and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return None
    ended = _ended(token, ontology)
    if ended is not None:
        return ended
    for child in (*token.children, *_resultatives(token)):
        if (child.dep_ in PARTICLE_DEPS or child.pos_ == "ADJ") and not _dated(child):
            found = ontology.verbs.get(f"{lemma} {child.lower_}")
            if found is not None:
                return Match(token, (token, child), _with_mode(found, token, ontology), "phrasal")
            for pobj in (g for g in child.children if g.dep_ == "pobj"):  # "went on strike", "put on alert"
                found = ontology.verbs.get(f"{lemma} {child.lower_} {pobj.lemma_.lower()}")
                if found is not None:
                    return Match(token, (token, child, pobj), _with_mode(found, token, ontology), "phrasal")
    if lemma in ontology.light_verbs or lemma not in ontology.verbs:
        noun = _trigger_object(token, ontology)
        if noun is not None:
            return noun
    if ontology.call is not None and lemma in ontology.call_verbs and _phoned(token):
        return Match(token, (token,), ontology.call, "verb")
    if lemma in ontology.speech_verbs and ontology.obligation is not None:
        modal = _obligation(token, ontology)
        if modal is not None:
            return Match(token, (token, modal), Trigger(ontology.obligation), "verb")
    if lemma in TRANSFER_VERBS and _gives_words(token):
        return None
    found = ontology.verbs.get(lemma)
    return Match(token, (token,), _with_mode(found, token, ontology), "verb") if found is not None else None


def _phoned(verb: Token) -> bool:
    """Whether a verb of calling is a phone call: an actor as its object and a purpose
    clause ("called the president on Friday to explain the delay")."""
    callee = any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ in CALLEE_ENTITIES or
                                       c.lemma_.lower() in ACTOR_NOUNS) for c in verb.children)
    return callee and any(purpose_clause(c) for c in verb.children)


def purpose_clause(clause: Token) -> bool:
    """Whether `clause` is a to-infinitive of purpose: "fired tear gas to disperse X" (not
    a participle of result: "attacked a camp, killing 19 soldiers")."""
    return clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _resultatives(verb: Token) -> list[Token]:
    """The adjective that says what a verb makes of its object, where the parser put it
    off the verb: "found the mayor guilty" (a clause of its own), "let free dozens of
    prisoners" (a modifier of the object)."""
    clauses = [c for c in verb.children if c.pos_ == "ADJ" and c.dep_ in ("ccomp", "advcl")]
    return clauses + [g for c in verb.children if c.dep_ == "dobj" for g in c.children
                      if g.dep_ == "amod" and g.pos_ == "ADJ" and g.i == verb.i + 1]


def _gives_words(verb: Token) -> bool:
    """Whether a verb of giving hands over words or a state of mind, not goods: its
    direct object, else its "to" object, is immaterial ("provided no details",
    "contributed to this report")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] or [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in IMMATERIAL_OBJECTS or o.lower_ in IMMATERIAL_OBJECTS for o in objects)


def _ended(verb: Token, ontology: Ontology) -> Optional[Match]:
    """An ending verb whose object is a conflict ("lifted the embargo", "called off the
    strike") or a cooperation ("reduced aid", "ended mediation efforts"): the ontology's
    type for ending it."""
    if ontology.ending is None:
        return None
    lemma = verb.lemma_.lower()
    particles = [c for c in verb.children if c.dep_ in ("prt", "compound:prt")]
    if lemma not in ontology.ending_verbs and not any(f"{lemma} {p.lower_}" in ontology.ending_verbs
                                                       for p in particles):
        return None
    for child in verb.children:
        if child.dep_ not in OBJECT_DEPS:
            continue
        found = noun_trigger(child, ontology) or next(
            (t for c in child.children if c.dep_ == "compound" for t in [noun_trigger(c, ontology)] if t), None)
        if found is not None and ontology.score(found.type) < 0:
            return Match(verb, (verb, *particles, child), Trigger(ontology.ending), "noun")
        if found is not None and ontology.cut is not None:
            return Match(verb, (verb, *particles, child), Trigger(ontology.cut), "noun")
    return None


def _trigger_object(verb: Token, ontology: Ontology) -> Optional[Match]:
    """A light verb's trigger noun: "launched an offensive", "imposed a hunger strike"."""
    if verb.lemma_.lower() not in ontology.light_verbs:
        return None
    for child in verb.children:
        if child.dep_ not in OBJECT_DEPS or child.pos_ not in ("NOUN", "PROPN"):
            continue
        found = noun_trigger(child, ontology)
        if found is not None:
            return Match(verb, (verb, child), _with_mode(found, child, ontology), "noun")
    return None


def noun_trigger(noun: Token, ontology: Ontology) -> Optional[Trigger]:
    """What the noun codes, read with its modifier or its of-phrase first ("hunger
    strike", "diplomatic ties", "state of emergency"), then alone."""
    keys = [f"{c.lower_} {noun.lower_}" for c in noun.children if c.dep_ in ("compound", "amod")]
    keys += [f"{noun.lower_} of {g.lower_}" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    for key in (*keys, noun.lower_, noun.lemma_.lower()):
        found = ontology.nouns.get(key)
        if found is not None:
            return found
    if noun.lemma_.lower() in GENERIC_NOUNS:  # "a mediation effort", "the withdrawal process"
        return next((t for c in noun.children if c.dep_ == "compound" for t in [noun_trigger(c, ontology)] if t), None)
    return None


def _dated(particle: Token) -> bool:
    """Whether a preposition only dates the verb: "called her on Tuesday" is no "call on"."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in particle.children if g.dep_ == "pobj")


def _obligation(verb: Token, ontology: Ontology) -> Optional[Token]:
    """The modal of obligation of a reported clause whose own subject is someone else
    ("said Kyiv must withdraw", "insisted that talks should resume"; not "we must" nor "it
    should be seen as"), if any."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(s.lower_ in SELF_PRONOUNS | IMPERSONAL_PRONOUNS for s in subjects):
            continue
        modal = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in ontology.modals), None)
        if modal is not None:
            return modal
    return None


def _with_mode(trigger: Trigger, head: Token, ontology: Ontology) -> Trigger:
    """`trigger` with the mode a mode noun among `head`'s objects gives, when it has none."""
    if trigger.mode is not None:
        return trigger
    for child in head.children:
        nouns = [child, *(g for g in child.children if g.dep_ == "pobj")] if child.dep_ in ("dobj", "prep") else []
        for noun in nouns:
            mode = ontology.mode_nouns.get((trigger.type, noun.lower_)) or ontology.mode_nouns.get(
                (trigger.type, noun.lemma_.lower()))
            if mode is not None:
                return Trigger(trigger.type, mode)
    return trigger


def governor(token: Token) -> Optional[Token]:
    """The verb that governs `token` as its complement ("threatened to strike",
    "accused X of attacking"), through at most one preposition."""
    head = token.head
    if token.dep_ in ("pcomp", "pobj") and head.dep_ == "prep":
        return head.head
    if token.dep_ in COMPLEMENT_DEPS and head.i != token.i:
        return head
    return None


def embedded(found: Match, matches: dict[int, Match], ontology: Ontology) -> bool:
    """Whether the trigger is the complement of a trigger whose type governs events
    (a threat, a demand, a refusal …): that trigger is the event, not this one."""
    token: Optional[Token] = found.head
    for _ in range(3):
        token = governor(token) if token is not None else None
        if token is None:
            return False
        outer = matches.get(token.i)
        if outer is not None:
            return outer.trigger.type in ontology.embeds
    return False


def as_intention(found: Match, future: bool, ontology: Ontology) -> Trigger:
    """The trigger's type, recoded when its phrase holds a recoding word; then, when it
    is future or under a word of readiness ("is willing to provide aid", "will boycott
    the vote"), the type of the intention that covers it."""
    trigger = found.trigger
    phrase = own_phrase(found.head, found.tokens)
    objects = [c for c in found.head.children if c.dep_ == "dobj"] + [
        g for t in found.tokens if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    for rule in ontology.recode:
        if trigger.type == rule.type and rule.mode in (None, trigger.mode) and any(
                t.lower_ in rule.words or t.lemma_.lower() in rule.words or t.ent_type_ in rule.entities
                for t in (objects if rule.in_object else phrase)):
            trigger = Trigger(rule.new)
    outer = governor(found.head) if found.head.dep_ == "xcomp" else None
    for intention in ontology.intentions:
        if trigger.type in intention.of and (
                future or (outer is not None and outer.lemma_.lower() in intention.heads)):
            return Trigger(intention.type)
    return trigger


def own_phrase(head: Token, keep: tuple[Token, ...] = ()) -> list[Token]:
    """The words of `head`'s own phrase: its subtree without the clauses it governs or
    that modify its nouns ("attended a meeting, where they discussed humanitarian aid"
    holds no "humanitarian"), save those holding a word of `keep` (the reported clause
    of "said they should open an inquiry")."""
    found, stack = [], [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS
                     or (c.dep_ == "conj" and c.pos_ not in VERB_POS)
                     or any(c.left_edge.i <= k.i <= c.right_edge.i for k in keep))
    return sorted(found, key=lambda t: t.i)


def as_refusal(trigger: Trigger, denied: bool, ontology: Ontology) -> tuple[Trigger, bool]:
    """A cooperation denied as the ontology's refusal type ("did not agree" is REJECT), no
    longer negated; any other trigger as it is, with its negation."""
    if denied and ontology.refusal is not None and trigger.type in ontology.refused:
        return Trigger(ontology.refusal), False
    return trigger, denied
