"""An event's arguments on the parse: source, target, place, date, negation and tense.

The source is the trigger's subject (the agent of a passive, the controller of a
to-infinitive: the object of "urged Y to withdraw", else the subject of "decided to
withdraw"); the target its object, dative or the object of a target preposition
("met with", "sanctions on"), the possessor of a thing that is no actor ("rejected
Kyiv's proposal"), or the subject of a demand's clause ("demanded that Y withdraw").
Conjuncts make compound actors. Actors are resolved through the SpeakerResolver when
the actors stage ran, else they are the named entities or actor nouns of the phrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from detente.actors.resolver import SpeakerResolver
from detente.events.ontology import Ontology
from detente.events.triggers import Match, governor, noun_trigger, purpose_clause
from detente.lang.en import (
    ACTOR_NOUNS,
    AREA_NOUNS,
    AREA_PREPOSITIONS,
    CONDITION_MARKS,
    DEPLOYMENT_VERBS,
    FORCE_NOUNS,
    FUTURE_MARKERS,
    NEGATORS,
    NOUN_TARGET_PREPOSITIONS,
    ORGANISATION_NOUNS,
    PLACE_PREPOSITIONS,
    SOURCE_NOUNS,
    TARGET_PREPOSITIONS,
    THING_PREPOSITIONS,
    TRANSFER_VERBS,
)

SUBJECT_DEPS = ("nsubj", "csubj")
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "country"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_THINGS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})  # "on Monday" is no recipient
REPORTED_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
PERSONAL = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them"})
QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                        "group", "number", "members", "member", "some", "many", "several"})
MONTHS = {m: n for n, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b")
MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b")


@dataclass(frozen=True)
class Party:
    """One actor of an event: canonical name, id (None when unlinked) and the words;
    `thing` when the words name no actor but what the event is done to."""

    name: str
    actor_id: Optional[str]
    text: str
    start: int
    end: int
    thing: bool = False


class Arguments:
    """Finds the arguments of triggers in one document."""

    def __init__(self, doc: Doc, resolver: Optional[SpeakerResolver], ontology: Ontology):
        self.doc, self.resolver, self.ontology = doc, resolver, ontology
        # read once: Doc.ents (and Span.ents, which reads it) is slow
        ents = doc.ents
        self.ents = [e for e in ents if e.label_ in ENTITY_KINDS or e.label_ in PLACE_LABELS]
        self.dates = [e for e in ents if e.label_ == "DATE"]

    def sources(self, found: Match) -> list[Party]:
        head = found.head
        for child in head.children:
            if child.dep_ == "agent":
                return self.parties(g for g in child.children if g.dep_ == "pobj")
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if not subjects:
            controller = _controller(head)
            subjects = [controller] if controller is not None else []
        subjects = [_reporter(s) or s for s in subjects]
        if not subjects and any(c.dep_ == "nsubjpass" for c in head.children):
            # "was arrested in Rwanda": an agentless passive is the state's where it happened
            ent = self._place_entity(head, found.tokens, [])
            if ent is not None and ent.label_ == "GPE":
                return [Party(ent.text, None, ent.text, ent.start_char, ent.end_char)]
        return self.parties(subjects) or self.named(subjects)

    def named(self, heads: list[Token]) -> list[Party]:
        """A subject that names no known actor kind ("The NGO denounced …"), by its words."""
        found = []
        for head in heads:
            if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.tag_ != "VBG"):
                span = _phrase(head)
                found.append(Party(span.text, None, span.text, span.start_char, span.end_char))
        return found

    def targets(self, found: Match, sources: list[Party]) -> list[Party]:
        """The event's targets, else those of the event it governs ("offered to hand them
        over to Britain") or of its purpose ("struck to protest X"), else the subject of its
        condition ("threatened to strike unless X resigns"), else the thing it is done to
        ("attacked an army camp"), else the place it happened in ("lifted the curfew in Gaza"),
        else the owner of its trigger noun ("halted the journalist's deportation")."""
        clauses = ((found.head, found.tokens), *((c, (c,)) for c in found.head.children
                                                 if c.dep_ in ("xcomp", "ccomp") or purpose_clause(c)),
                   *((n, (n,)) for n in self._aims(found)))
        for head, tokens in clauses:
            parties = self._targets_of(head, tokens, sources)
            if parties:
                return parties
        conditions = [c for head, _ in clauses for c in head.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)]
        for clause in conditions:  # "threatened to strike unless the government resigns"
            parties = _others(self.parties(_doers(clause)), sources)
            if parties:
                return parties
        for head, tokens in clauses:
            ent = self._place_entity(head, tokens, sources)
            if ent is not None and ent.label_ in PLACE_LABELS - {"FAC"}:
                return [Party(ent.text, None, ent.text, ent.start_char, ent.end_char)]
            parties = _others(self.things(head, tokens), sources)
            if parties:
                return parties
        for head, tokens in clauses:  # "imposed a curfew in the border districts"
            parties = _others(_area(head, tokens), sources)
            if parties:
                return parties
        owners = [o for t in found.tokens if t is not found.head and t.pos_ == "NOUN"
                  for o in [_author(t)] if o is not None]
        return _others(self.parties(owners), sources)  # "halted the journalist's deportation"

    def _aims(self, found: Match) -> list[Token]:
        """The event nouns the trigger is done for ("mobilised the army for an offensive
        against X"): their targets are its own."""
        return [g for h in _heads(found.head, found.tokens) for c in h.children if c.dep_ == "prep"
                and c.lower_ == "for" for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                and noun_trigger(g, self.ontology) is not None]

    def things(self, head: Token, tokens: tuple[Token, ...]) -> list[Party]:
        """The trigger's object, or the object of its target preposition, when it names no
        actor ("condemned the bombing of the school", "an ultimatum to her colleagues"),
        as PLOVER's recipient of last resort: its words, no actor id."""
        preps = [g for objects in _prepositional(head, tokens, THING_PREPOSITIONS) for g in objects]
        recipients = _recipients(head, tokens) if head.lemma_.lower() in TRANSFER_VERBS else []
        for token in (*recipients, *_objects(head), *preps):  # "returned the manuscript to its owners"
            if token.pos_ in ("NOUN", "PROPN") and token not in tokens and token.ent_type_ not in NOT_THINGS \
                    and not _means(head, token):
                span = _phrase(token, rest=True)
                return [Party(span.text, None, span.text, span.start_char, span.end_char, thing=True)]
        return []

    def _targets_of(self, verb: Token, tokens: tuple[Token, ...], sources: list[Party]) -> list[Party]:
        transfer = verb.lemma_.lower() in TRANSFER_VERBS
        if transfer:  # "sent troops to Haiti": Haiti receives them
            parties = _others(self.parties(_recipients(verb, tokens)), sources)
            if parties:
                return parties
        resultative = [o for t in tokens if t.pos_ == "ADJ" and t.head == verb for o in _objects(t)]
        for token in (*_objects(verb), *resultative):  # "set free the prisoners"
            if token in tokens or _owned(token) or (transfer and token.dep_ == "dobj") or _means(verb, token):
                continue  # "declared a state of siege", "withdrew its troops", "sent troops"
            parties = _others(self.parties([token], possessor=True), sources)
            if parties:
                return parties
        for objects in _prepositional(verb, tokens):  # "sanctions on Russia's oil exports", not "for X's rights"
            owned = bool(objects) and objects[0].head.lower_ in (*THING_PREPOSITIONS, *NOUN_TARGET_PREPOSITIONS)
            parties = _others(self.parties(objects, possessor=owned), sources)
            if parties:
                return parties
        for child in verb.children:  # "demanded that Russia withdraw"
            if child.dep_ == "ccomp":
                parties = _others(self.parties(c for c in child.children if c.dep_ in SUBJECT_DEPS), sources)
                if parties:
                    return parties
        return []

    def parties(self, heads: Iterable[Token], possessor: bool = False) -> list[Party]:
        """The actors the noun phrases headed by `heads` and their conjuncts name; with
        `possessor`, a phrase that names no actor gives its author's ("Kyiv's proposal",
        "the threats made by the militia", "a bid by the mayor")."""
        found: list[Party] = []
        for head in heads:
            for member in _members(head):
                party = self.party(member)
                if party is None and possessor:
                    owner = _author(member)
                    party = self.party(owner) if owner is not None else None
                if party is not None and all(p.name != party.name for p in found):
                    found.append(party)
        return found

    def party(self, token: Token) -> Optional[Party]:
        """The actor of the noun phrase headed by `token`, or None when it names none:
        "dozens of protesters" names the protesters, "to Ukraine" Ukraine, "Israeli jets"
        Israel's (as the resolver or the entity says)."""
        if token.pos_ == "ADP":
            token = next((c for c in token.children if c.dep_ == "pobj"), token)
        if token.pos_ == "NUM" or token.lemma_.lower() in QUANTITIES:
            token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), token)
        span = _phrase(token)
        if self.resolver is not None:
            mention = self.resolver.mention_at(token)
            if mention is None and (token.pos_ == "PRON" or token.tag_ == "NN"):  # "he", "the minister"
                mention = self.resolver.resolve(span)
            if mention is not None and mention.actor:
                return Party(mention.actor, mention.actor_id, span.text, span.start_char, span.end_char)
        ent = _entity(self.ents, token)
        if ent is not None:
            words = [t for t in ent if t.tag_ != "POS" and t.lower_ != "the"]
            name = self.doc[words[0].i:words[-1].i + 1].text if words else ent.text
            return Party(name, None, span.text, span.start_char, span.end_char)
        lemma = token.lemma_.lower()
        nouns = ACTOR_NOUNS | ORGANISATION_NOUNS | SOURCE_NOUNS
        if token.pos_ == "PRON" and token.lower_ in PERSONAL or lemma in nouns or token.lower_ in nouns:
            return Party(span.text, None, span.text, span.start_char, span.end_char)
        modifier = next((_entity(self.ents, c) for c in token.children if c.dep_ in ("amod", "compound", "poss")
                         and _entity(self.ents, c) is not None), None)
        if modifier is not None:  # "Israeli jets", "the rebels' convoy"
            return Party(modifier.text, None, span.text, span.start_char, span.end_char)
        return None

    def place(self, found: Match, parties: list[Party]) -> Optional[str]:
        """A place the trigger's clause puts the event in ("in Vienna", "near the border")."""
        ent = self._place_entity(found.head, found.tokens, parties)
        return ent.text if ent is not None else None

    def _place_entity(self, verb: Token, tokens: tuple[Token, ...], parties: list[Party]) -> Optional[Span]:
        taken = [(p.start, p.end) for p in parties]
        heads = [n for h in _heads(verb, tokens) for n in ([h] if h.dep_ != "dobj" else _nouns_of(h))]
        for child in (c for head in dict.fromkeys(heads) for c in head.children):  # "set up a team of doctors in X"
            if child.dep_ != "prep" or child.lower_ not in PLACE_PREPOSITIONS:
                continue
            for obj in (g for p in child.children if p.dep_ == "pobj" for g in _nouns_of(p)):  # "in parts of X"
                ent = next((e for e in self.ents if e.start <= obj.i < e.end and e.label_ in PLACE_LABELS), None)
                if ent is not None and not any(s <= ent.start_char < e for s, e in taken):
                    return ent
        return None

    def date(self, sent: Span) -> Optional[str]:
        """The sentence's own full date ("on 4 October 2007"), else the article's."""
        for ent in self.dates:
            if sent.start <= ent.start and ent.end <= sent.end:
                found = _full_date(ent.text)
                if found is not None:
                    return found
        document = self.doc._.document
        return getattr(document, "published", None)


def negated(found: Match, ontology: Ontology) -> bool:
    """Whether the event is denied: a negator on the trigger or on the verb that governs
    it ("did not agree", "never met"), or a governing verb of failure ("failed to agree")."""
    token: Optional[Token] = found.head
    for _ in range(3):
        if token is None:
            return False
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg")) for c in token.children):
            return True
        outer = governor(token) if token.dep_ == "xcomp" else None
        if outer is not None and outer.lemma_.lower() in ontology.negating_heads:
            return True
        token = outer
    return False


def tense(found: Match, ontology: Ontology) -> str:
    """future ("will meet", "plans to meet", "is going to meet", "would meet" reported),
    past (a past-tense verb or perfect), or present."""
    token: Optional[Token] = found.head
    for _ in range(3):
        if token is None:
            break
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_MARKERS or a.lemma_.lower() in FUTURE_MARKERS or
               (a.lower_ == "would" and token.dep_ == "ccomp") for a in auxiliaries):
            return "future"
        if token.lemma_.lower() in ontology.future_heads and token is not found.head:
            return "future"
        if token.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in auxiliaries):
            return "past"
        if token.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
            return "present"
        token = governor(token) if token.dep_ == "xcomp" else None
    return "past"


def _heads(verb: Token, tokens: tuple[Token, ...]) -> list[Token]:
    """The tokens whose prepositions may name a target or place: the trigger's, its
    direct objects' ("granted asylum to X") and its particle's object ("called for
    sanctions against X")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    particles = [g for t in tokens if t.dep_ == "prep" and t.head == verb for g in t.children if g.dep_ == "pobj"]
    participles = [c for o in (*tokens, *objects) if o.pos_ == "NOUN" for c in o.children
                   if c.dep_ == "acl" and c.tag_ == "VBN"]  # "lifted the sanctions imposed on X"
    return list(dict.fromkeys([*tokens, *objects, *particles, *participles]))


def _recipients(verb: Token, tokens: tuple[Token, ...]) -> list[Token]:
    """The "to" objects of a verb of transfer: on the trigger's heads, or on the nouns of
    what is handed over ("sent a team of experts to Iran", "a grant and a loan to the
    agency")."""
    goods = [g for h in _heads(verb, tokens) for g in _nouns_of(h)]
    return [g for h in dict.fromkeys(goods) for c in h.children if c.dep_ == "prep"
            and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]


def _nouns_of(token: Token) -> list[Token]:
    """`token`, its conjuncts and the objects of their of-phrases ("a team of experts,
    equipment and drugs")."""
    found = []
    for member in _members(token):
        found.append(member)
        for prep in (c for c in member.children if c.dep_ == "prep" and c.lower_ == "of"):
            found.extend(g for pobj in prep.children if pobj.dep_ == "pobj" for g in _nouns_of(pobj))
    return found


def _prepositional(verb: Token, tokens: tuple[Token, ...],
                   only: frozenset[str] = frozenset()) -> Iterable[list[Token]]:
    """The objects of the target prepositions of the trigger's heads (`only` those of
    `only` when given), by order of preference, then those of a trigger noun's patient
    ("the arrest of X", "an investigation into X")."""
    heads = _heads(verb, tokens)
    preps = {h.i: [(c.lower_, c) for c in h.children if c.dep_ in ("prep", "dative") and c not in tokens]
             for h in heads}  # each head's children read once, not once per preposition
    order = [(p, heads) for p in TARGET_PREPOSITIONS if not only or p in only]
    order += [(p, [h for h in heads if h.pos_ == "NOUN"]) for p in NOUN_TARGET_PREPOSITIONS]
    for prep, among in order:
        for head in among:
            for word, child in preps[head.i]:
                if word == prep:
                    yield [g for g in child.children if g.dep_ == "pobj"]


def _reporter(subject: Token) -> Optional[Token]:
    """The speaker a pronoun subject of reported speech stands for: "Farc said it would
    release him" is Farc's release."""
    if subject.pos_ != "PRON" or subject.lower_ not in REPORTED_PRONOUNS:
        return None
    clause = subject.head
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head == clause:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
    return speaker if speaker is not None and speaker.pos_ != "PRON" else None


def _owned(token: Token) -> bool:
    """Whether the noun phrase `token` heads is the subject's own, by a possessive pronoun
    ("withdrew its troops from X", "held their first meeting with X"): no target."""
    return token.tag_ == "PRP$" or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)


def _means(verb: Token, token: Token) -> bool:
    """Whether the object `token` names the forces a verb of deployment moves
    ("mobilised the army"): the subject's means, no target."""
    return verb.lemma_.lower() in DEPLOYMENT_VERBS and token.dep_ == "dobj" and (
        token.lemma_.lower() in FORCE_NOUNS or token.lower_ in FORCE_NOUNS)


def _others(parties: list[Party], sources: list[Party]) -> list[Party]:
    """The `parties` that are not among the `sources`: no one acts on themselves."""
    names = {p.name for p in sources}
    spans = {(p.start, p.end) for p in sources}
    return [p for p in parties if p.name not in names and (p.start, p.end) not in spans]


def _entity(ents: list[Span], token: Token) -> Optional[Span]:
    """The named entity of an actor kind among `ents` that holds `token`."""
    return next((e for e in ents if e.start <= token.i < e.end and e.label_ in ENTITY_KINDS), None)


def _controller(head: Token) -> Optional[Token]:
    """The implied subject of a to-infinitive or a conjoined verb: the object of the verb
    it depends on ("urged Kyiv to withdraw"), else that verb's subject."""
    token = head
    for _ in range(3):
        if token.dep_ == "acl" and token.head.head is not token.head:  # "put out a report accusing X"
            token = token.head
        if token.dep_ not in ("xcomp", "conj", "advcl", "dobj", "pobj", "acomp") or token.head == token:
            return None
        outer = token.head
        if token.dep_ == "xcomp":
            obj = next((c for c in outer.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        subject = next((c for c in outer.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        agent = next((g for c in outer.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        token = outer
    return None


def _area(verb: Token, tokens: tuple[Token, ...]) -> list[Party]:
    """The area the trigger's clause happens in or moves from when it names no place
    entity ("in the border districts", "from a buffer zone"): PLOVER's recipient of last
    resort, its words."""
    for child in (c for head in _heads(verb, tokens) for c in head.children):
        if child.dep_ != "prep" or child.lower_ not in AREA_PREPOSITIONS:
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            if obj.lemma_.lower() in AREA_NOUNS or obj.lower_ in AREA_NOUNS:
                span = _phrase(obj, rest=True)
                return [Party(span.text, None, span.text, span.start_char, span.end_char, thing=True)]
    return []


def _author(thing: Token) -> Optional[Token]:
    """Whose the thing a noun names is: its possessor, the agent of its participle ("the
    plan drawn up by the ministry") or the object of its "by" ("a bid by the mayor"); not
    a possessive pronoun ("their plans" are the speaker's own as often as another's)."""
    owner = next((c for c in thing.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner if owner.tag_ != "PRP$" else None
    bys = [c for c in thing.children if c.dep_ == "prep" and c.lower_ == "by"] + [
        g for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in c.children if g.dep_ == "agent"]
    return next((g for by in bys for g in by.children if g.dep_ == "pobj"), None)


def _doers(clause: Token) -> list[Token]:
    """Who acts in `clause`: its subject, else the agent of its passive ("until their
    demands are met by the ministry")."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return subjects or [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _objects(head: Token) -> list[Token]:
    """The trigger's direct objects and datives, then the subject of its passive."""
    found = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    return found + [c for c in head.children if c.dep_ == "nsubjpass"]


def _members(token: Token) -> list[Token]:
    """`token` and the tokens it lists as conjuncts."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_members(child))
    return found


def _phrase(token: Token, rest: bool = False) -> Span:
    """The noun phrase `token` heads, without its conjuncts, relative clauses and
    trailing modifiers (with `rest`, with its prepositional modifiers)."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and doc[start].dep_ in ("det", "punct", "cc"):
        start += 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and (rest or child.lower_ == "of" and any(
                t.ent_type_ for t in child.subtree))):  # "the leaders of France", not "the party of fraud"
            end = child.right_edge.i + 1
        else:
            break
    return doc[start:end]


def _full_date(text: str) -> Optional[str]:
    for pattern, order in ((DAY_MONTH_YEAR, (0, 1, 2)), (MONTH_DAY_YEAR, (1, 0, 2))):
        found = pattern.search(text)
        if found is None:
            continue
        day, month, year = (found.group(k + 1) for k in order)
        number = MONTHS.get(month.lower())
        if number is None:
            continue
        try:
            return Date(int(year), number, int(day)).isoformat()
        except ValueError:
            return None
    return None
