"""Polarity of an issue phrase in its sentence: negation, modality, stance words.

From the head token of an issue phrase (a cue), ``walk`` climbs the dependency tree to
the root. At every word whose meaning scopes over the phrase it multiplies the polarity
by the word's own (``reject`` -1, ``accept`` +1), by its negation (``not``, ``never``,
``no``, ``cannot``) and by the evaluation predicated of it ("... would be a dirty one",
"... are red lines", "... has to be on the table"). Links whose head does not scope over
the dependent (a participle clause, a conjoined clause) pass the climb on unchanged, and
end it when the clause has a subject of its own.
Each step records whether a stance word was met (``marked``), whether a word that only
names a topic ("discuss", "ambivalence") neutralised it, and what role the word can play
in attributing the stance to whoever is its subject or possessor.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from detente.lang.en import (
    CONDITIONS,
    CONTINGENT,
    DEMANDING,
    DEMANDING_IF_NEGATED,
    HEDGES,
    JUDGING,
    LABELLING_VERBS,
    NECESSITY,
    NEGATORS,
    OPPOSING,
    OPPOSING_NOUNS,
    PHRASAL,
    POSTPONING,
    PROPOSALS,
    REPRISALS,
    SPEECH_VERBS,
    SUPPORTIVE,
    TIME_PREPOSITIONS,
    TOPIC_NOUNS,
    TOPICS,
    WARNING,
)

# Links whose head does not scope over the dependent's content (an agent does, it is not
# what is done: "encouraged by mild sanctions" favours no sanctions).
NON_SCOPING = frozenset({"conj", "advcl", "parataxis", "appos", "cc", "punct", "dep", "npadvmod", "agent"})
AGENT_DEPS = frozenset({"nsubj", "poss", "agent"})
TRANSITIVE_DEPS = frozenset({"dobj", "ccomp", "xcomp"})  # what a verb acts on besides its subject
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
ACTOR_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})
FIRST_PERSON = frozenset({"i", "we"})
THIRD_PERSON = frozenset({"he", "she", "they"})
NEEDING = frozenset({"need", "require", "have"})  # "Ukraine would need to ...": the speaker's demand


@dataclass(frozen=True)
class Step:
    """The climb from an issue phrase, as seen at one word on the way to the root."""

    token: Token
    polarity: int  # +1: the phrase's position is favoured at this level, -1: opposed
    marked: bool  # a stance word, negation or modality of necessity was met on the way
    worded: bool  # of these, something other than a bare negation
    neutral: bool  # a topic word ("discuss") was met: nothing more than a mention
    hedged: bool  # may, might, could, perhaps
    role: Optional[str]  # speech | stance | proposal | topic: can carry a speaker


def lexical_polarity(token: Token) -> int:
    """+1 for a supportive word, -1 for an opposing one, 0 for any other."""
    lemma = token.lemma_.lower()
    if lemma in PHRASAL:
        phrasal = phrasal_polarity(token, PHRASAL[lemma])
        if phrasal:
            return phrasal
    if lemma == "threaten" and any(c.dep_ == "xcomp" for c in token.children):
        return 1  # "threatened to cut off aid" wants what it threatens
    if lemma == "line" and any(c.lower_ == "red" for c in token.children):
        return -1
    if token.dep_ == "amod" and token.pos_ == "ADJ" and token.i == token.head.i + 1:
        return 0  # an adjective after its noun says which ones, not what they think ("the parties concerned")
    if lemma == "table" and token.head.lower_ == "on":
        return 1 if not any(c.lower_ == "off" for c in token.head.children) else -1
    if token.pos_ == "ADJ" and lemma.endswith("ed"):
        lemma = participle_verb(lemma)  # the tagger's "encouraged", "opposed": the verb's
    if lemma in OPPOSING_NOUNS and token.pos_ == "NOUN":
        return -1
    if lemma == "against" and token.head.lemma_ == "be":
        return -1  # "was not against a ceasefire": the preposition is the predicate
    return word_polarity(lemma)


def phrasal_polarity(token: Token, particles: dict[str, int]) -> int:
    """The polarity a phrasal stance word takes from its particle ("rule out"), which may
    also mark the clause it governs ("called for inspectors to be allowed back"); 0 without one."""
    marks = (g for c in token.children if c.dep_ in ("ccomp", "xcomp", "advcl") for g in c.children if g.dep_ == "mark")
    return next((particles[c.lower_] for c in itertools.chain(token.children, marks) if c.lower_ in particles), 0)


def participle_verb(word: str) -> str:
    """The stance verb a participle used as an adjective comes from ("encouraged":
    encourage, "committed": commit), or `word` itself when there is none."""
    for cut in (0, 1, 2, 3):
        stem = word[:len(word) - cut]
        if word_polarity(stem):
            return stem
    return word


def names_topic(token: Token) -> bool:
    """Whether `token` only names a topic ("discuss", "no sign of"), as a noun for the words
    of ``TOPIC_NOUNS``."""
    lemma = token.lemma_.lower()
    return lemma in TOPICS or (lemma in TOPIC_NOUNS and token.pos_ == "NOUN")


def role_of(token: Token) -> Optional[str]:
    """What a word on the climb can do for attribution, if anything."""
    lemma = token.lemma_.lower()
    if names_topic(token):
        return "topic"
    if token.pos_ in ("NOUN", "PROPN") and lemma in PROPOSALS:
        return "proposal"
    if lexical_polarity(token):
        return "stance"
    if lemma in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
        return "speech"
    return None


def negated(token: Token, skip: frozenset = frozenset()) -> bool:
    """Whether `token` carries a negation (children not, never, no ...) outside `skip`."""
    count = sum(
        1 for c in token.children
        if c.i not in skip and c.lower_ in NEGATORS and c.dep_ in ("neg", "det", "advmod", "preconj")
    )
    return count % 2 == 1


def predicate_polarity(token: Token) -> tuple[int, bool]:
    """Polarity of what is predicated of a subject: "is a dirty one", "are red lines",
    "has to be on the table", "will fail". Returns (polarity, marked)."""
    for comp in _complements(token):
        for word in [comp, *comp.children, *(g for c in comp.children for g in c.children)]:
            value = clause_polarity(word) if word.dep_ == "relcl" else lexical_polarity(word)
            if value:
                return value, True
    return 1, False


def clause_polarity(verb: Token) -> int:
    """The polarity of a relative clause over the noun it describes: its verb's, times that of
    the clauses it governs ("something I hope we can resolve": -1); 0 without a stance word."""
    value = lexical_polarity(verb)
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        inner = clause_polarity(clause)
        value = (value or 1) * inner if inner else value
    return value


def _complements(token: Token):
    for child in token.children:
        if child.dep_ in ("acomp", "attr", "oprd"):
            yield child
        elif child.dep_ == "xcomp":
            yield child
            yield from _complements(child)
        elif child.dep_ == "prep" and child.lower_ in ("on", "of"):  # "on the table", "of great importance"
            yield from (g for g in child.children if g.dep_ == "pobj")


def hedge(token: Token) -> bool:
    """Whether `token` is softened by may, might, could, perhaps."""
    return any(c.lower_ in HEDGES for c in token.children)


def light_verb_polarity(token: Token) -> int:
    """The polarity a verb takes from its object noun: "voiced support (for X)",
    "unleashed criticism (for X)"; 0 where it takes none."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_ in SPEECH_VERBS:
        return 0
    return next((lexical_polarity(c) for c in token.children if c.dep_ == "dobj"), 0)


def naming_polarity(verb: Token, named: Token) -> int:
    """The polarity of what a naming verb calls its object `named` ("called the treaty a
    hoax", "described the deal as a disaster"); 0 for any other verb."""
    if verb.lemma_.lower() not in LABELLING_VERBS:
        return 0
    for child in [*verb.children, *(c for c in named.children if c.dep_ == "appos")]:  # "a farce", parsed apart
        if child.i == named.i:
            continue
        names = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "as" else (
            [child] if child.dep_ in ("oprd", "dobj", "attr", "acomp", "appos") else [])
        for name in names:
            value = lexical_polarity(name) or next(
                (v for g in name.children if g.dep_ == "amod" for v in [lexical_polarity(g)] if v), 0)
            if value:
                return value
    last = named.doc[named.right_edge.i]  # "called the idea of giving up land unacceptable", parsed inside it
    if last.pos_ == "ADJ" and last.i > named.i and last.head.i != verb.i:
        return word_polarity(last.lemma_.lower())
    return 0


def word_polarity(lemma: str) -> int:
    """+1 for a supportive lemma, -1 for an opposing one, 0 for any other."""
    return -1 if lemma in OPPOSING else 1 if lemma in SUPPORTIVE else 0


def hypothetical(token: Token, within: Optional[Token] = None) -> bool:
    """Whether `token` sits in a clause of condition, introduced by if, unless, until,
    before ... ("before granting any relief"), below `within` when given (such as the top
    of a quotation or the word that holds the position)."""
    for node in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in node.children):
            return True
        if node.dep_ == "pcomp" and node.head.lower_ in CONDITIONS:
            return True
        if within is not None and node.i == within.i:
            break
    return False


def contingent(token: Token, within: Token) -> bool:
    """Whether `token` sits, below `within`, in the main clause of a condition with a
    subject of its own ("if they punish us, we will answer in kind"): a threat or a
    promise, which states a side less surely than a plain position."""
    for node in [token, *token.ancestors]:
        if any(_contingency(c) for c in node.children):
            return True
        if node.i == within.i:
            break
    return False


def _contingency(clause: Token) -> bool:
    return (clause.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in CONTINGENT for c in clause.children)
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children))


def demanded(token: Token, within: Optional[Token] = None, warning: bool = False) -> int:
    """+1 or -1 when `token` sits in a condition that names what the speaker demands (a
    threat's "unless the freeze is lifted": +1; "if the jets cannot be bought": -1, the
    negation undone) or warns against (a `warning`'s or a reprisal's "if Turkey is
    sanctioned": -1), below `within` when given; 0 for any other clause or condition."""
    for node in [token, *token.ancestors]:
        mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in CONDITIONS), None)
        if mark is not None:
            warned = warning or reprisal(node.head)
            if not (warned or threat(node.head)):
                return 0
            if mark.lower_ in DEMANDING:
                return 1
            return -1 if mark.lower_ in DEMANDING_IF_NEGATED and (warned or negated(node)) else 0
        if within is not None and node.i == within.i:
            break
    return 0


def reprisal(verb: Token) -> bool:
    """Whether `verb` is, or takes as its object, a reprisal ("we will retaliate", "threatened
    retaliation")."""
    return any(t.lemma_.lower() in REPRISALS for t in [verb, *(c for c in verb.children if c.dep_ == "dobj")])


def threat(verb: Token) -> bool:
    """Whether `verb` states what an actor will do ("Turkey will look for alternatives",
    "we would retaliate"), not what will follow ("that will be a signal")."""
    actor = any(c.dep_ == "nsubj" and (c.ent_type_ in ACTOR_ENTITIES or c.lower_ in ACTOR_PRONOUNS
                                         or any(g.dep_ == "poss" for g in c.children))  # "our farmers"
                for c in verb.children)
    return actor and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)


def reported_act(token: Token, within: Token) -> bool:
    """Whether `token` sits, below `within`, in a clause that tells what someone other than the
    speaker did ("Russian and DPRK leaders signed a treaty, paving the way for ..."): a verb
    in the past with a subject of its own, not I or we."""
    for node in [token, *token.ancestors]:
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.pos_ in ("VERB", "AUX") and subjects:
            past = node.tag_ == "VBD" or (node.tag_ == "VBN" and any(c.lemma_ == "have" for c in node.children))
            return past and not any(s.lower_ in FIRST_PERSON for s in subjects)
        if node.i == within.i:
            break
    return False


def others_attitude(steps: list[Step]) -> Optional[Step]:
    """The step of a quotation's climb at the first verb above a stance word that has a
    subject of its own, when that subject is someone other than the speaker: the attitude
    verb itself ("she wants to take your guns away", "they refuse any truce") or a verb that
    makes the stance another's act ("he doubted Republicans would act to stop the tariffs").
    Someone else is a third person, a name or "who" ("critics who called for ..."), not I or
    we; a word of necessity makes it the speaker's demand ("Russia must withdraw"). None when
    the speaker holds the stance."""
    stance_seen = False
    for step in steps:
        verb = step.token
        attitude = step.role == "stance" and verb.pos_ == "VERB" and bool(lexical_polarity(verb))
        stance_seen = stance_seen or attitude
        if not stance_seen or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in NEEDING or any(c.dep_ == "aux" and c.lemma_.lower() in NECESSITY
                                                 for c in verb.children):
            return None
        sharer = verb.head if verb.dep_ == "conj" else verb  # "he defied Congress and demanded a wall"
        subjects = [c for c in [*verb.children, *sharer.children] if c.dep_ == "nsubj"]
        if not subjects:
            continue  # "wants to stop ...": the verb that has one says whose it is
        if any(s.lower_ in THIRD_PERSON or (s.tag_ == "WP" and not includes_speaker(s))
               or (s.pos_ == "PROPN" and s.ent_type_ in ACTOR_ENTITIES) for s in subjects):
            return step
        return None
    return None


def includes_speaker(relative: Token) -> bool:
    """Whether the noun a relative pronoun stands for counts the speaker in ("those of us
    who oppose tariffs", "we who want peace")."""
    noun = relative.head.head if relative.head.dep_ == "relcl" else relative
    return noun.lower_ in FIRST_PERSON or any(
        g.lower_ in ("us", "we") for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def predicted_act(token: Token, within: Token) -> bool:
    """Whether `token` sits, below `within`, in a clause that guesses what a named actor may
    do ("because Trump may start threatening military action"): a verb softened by may,
    might or could, with a named subject of its own, and no word of necessity ("Kyiv may
    have to accept ..." is still a position)."""
    for node in [token, *token.ancestors]:
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.pos_ in ("VERB", "AUX") and subjects:
            auxiliaries = {c.lemma_.lower() for c in node.children if c.dep_ == "aux"}
            necessary = node.lemma_ in ("have", "need") or bool(auxiliaries & NECESSITY)
            return (bool(auxiliaries & HEDGES) and not necessary
                    and any(s.ent_type_ in ACTOR_ENTITIES for s in subjects))
        if node.i == within.i:
            break
    return False


def postponed(token: Token, within: Token) -> bool:
    """Whether `token` sits in a clause of ``POSTPONING`` (before, until) that `within`, a
    stance word, governs ("asked for a full inspection before easing the sanctions")."""
    for node in [token, *token.ancestors]:
        if node.i == within.i:
            return False
        if any(c.dep_ == "mark" and c.lower_ in POSTPONING for c in node.children):
            return node.head.i == within.i
        if node.dep_ == "pcomp" and node.head.lower_ in POSTPONING:
            return node.head.head.i == within.i
    return False


def walk(anchor: Token, span: frozenset, polarity: int, stop: Optional[frozenset] = None,
         keep_negation: bool = True) -> list[Step]:
    """Climb from `anchor`, the head of an issue phrase covering token indices `span`,
    starting at `polarity` (+1 for a phrase of the supported position, -1 for the
    opposite). With `stop` (token indices of a quotation), the climb ends at its edge.
    Without `keep_negation`, a negation inside the phrase is taken as part of its
    meaning ("no military solution") rather than applied to it."""
    steps: list[Step] = []
    marked = worded = neutral = hedged = False
    token, scoping = anchor, True
    came_from: Optional[Token] = None
    seen: set[int] = set()
    while token.i not in seen and (stop is None or token.i in stop):
        seen.add(token.i)
        named = False  # a naming verb took its polarity from what it calls the phrase
        if scoping:
            inside = token.i in span
            value = 0 if inside or acts_on_another(token, came_from) else lexical_polarity(token)
            if not value and not inside and came_from is not None and came_from.dep_ == "prep":
                value = light_verb_polarity(token)
            if not value and not inside and came_from is not None and came_from.dep_ in ("dobj", "prep"):
                value = naming_polarity(token, came_from)
                named = bool(value)
            if value:
                polarity *= value
                worded = True
            if any(c.lemma_.lower() in NECESSITY for c in token.children if c.dep_ == "aux"):
                worded = True
            if token.lemma_ == "have" and came_from is not None and came_from.dep_ == "xcomp":
                worded = True  # "will have to cede"
            if came_from is not None and came_from.dep_ in ("nsubj", "nsubjpass", "csubj"):
                value, was_marked = predicate_polarity(token)
                polarity *= value
                worded = worded or was_marked
            if warned_of_act(token, came_from, seen):
                polarity, worded = -polarity, True
            if negated(token, skip=frozenset() if keep_negation else span):
                polarity, marked = -polarity, True
            marked = marked or worded
            if not inside and names_topic(token):
                neutral = True
            hedged = hedged or hedge(token)
        role = role_of(token) or ("speech" if named else None)  # "called the treaty a hoax"
        steps.append(Step(token, polarity, marked, worded, neutral, hedged, role))
        if token.head.i == token.i:
            break
        purpose = any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)
        timing = token.dep_ == "prep" and token.lower_ in TIME_PREPOSITIONS  # "during talks"
        scoping = (token.dep_ not in NON_SCOPING or purpose) and not timing
        if not scoping and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break  # a clause with its own subject ("..., while Trump plans to discuss X")
        came_from, token = token, token.head
    return steps


def warned_of_act(verb: Token, came_from: Optional[Token], climbed: set[int]) -> bool:
    """Whether `verb` warns that a course of action the climb came up from would do
    something ("warned that lifting sanctions now would reward Moscow"): what one warns of
    is harm, so the course is opposed. A thing that would fail or collapse ("warned that the
    truce would collapse") is no course of action."""
    if came_from is None or came_from.dep_ != "ccomp" or verb.lemma_.lower() not in WARNING:
        return False
    return any(c.dep_ in ("nsubj", "csubj") and c.pos_ == "VERB" and c.i in climbed for c in came_from.children)


def acts_on_another(verb: Token, came_from: Optional[Token]) -> bool:
    """Whether `verb` is reached from its active subject and has an object or clause of its
    own and does not judge its subject (``JUDGING``): then the subject does what the verb
    says to something else ("the court's president rejected the request" rejects the
    request, not the court), where an intransitive verb says what becomes of its subject
    ("sanctions must end")."""
    return (came_from is not None and came_from.dep_ in ("nsubj", "csubj") and verb.lemma_.lower() not in JUDGING
            and any(c.dep_ in TRANSITIVE_DEPS for c in verb.children))


def agents(token: Token) -> list[Token]:
    """Heads of the noun phrases that hold the position a word expresses: its subject,
    possessor or by-agent; for a participle or conjoined clause without one, its head's."""
    found = [c for c in token.children if c.dep_ in AGENT_DEPS]
    for c in token.children:
        if c.dep_ == "agent":
            found.extend(g for g in c.children if g.dep_ == "pobj")
    if token.dep_ == "compound":
        found = []
    head = token.head
    light = token.dep_ == "dobj" and token.pos_ == "NOUN" and not lexical_polarity(head)
    if not found and light and lexical_polarity(token) and token.lemma_.lower() not in PROPOSALS:
        # the object of a light verb: "voiced support", "unleashed criticism"
        if head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
            return [head]  # the tagger missed the verb: "Trump unleashed criticism"
        return agents(head)
    if not found and token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in PROPOSALS:
        found = [c for c in token.children if c.dep_ == "compound"]
    if not found and token.dep_ in ("advcl", "conj", "xcomp", "acomp") and token.head.i != token.i:
        return agents(token.head)
    return [t for t in found if t.dep_ != "agent"]
