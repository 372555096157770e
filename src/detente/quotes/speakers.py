"""Cue words and their speakers: which verbs and nouns report speech, and who speaks.

The word lists are English language data (``detente.lang.en``); this module reads the
parse around them.
"""
from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Span, Token

from detente.actors.anonymous import is_person_noun
from detente.lang.en import (
    BELIEF_VERBS,
    BODY_NOUNS,
    CARRY_ON_VERBS,
    DIRECTIVE_VERBS,
    GENERIC_SOURCES,
    INTENTION_VERBS,
    NAMING_VERBS,
    ORGANISATION_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TEXT_VERBS,
    TEXTS,
    VERB_ENDINGS,
)

SUBJECTS = ("nsubj", "nsubjpass")
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
SENTENCE_END = frozenset(".!?")
NON_LABEL_POS = frozenset({"VERB", "AUX", "ADP", "PRON", "ADV", "SCONJ", "PART"})
CLAUSE_GOES_ON = frozenset({"ADP", "PART", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "DET", "NUM"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "me", "us"})
EMPTY_PRONOUNS = frozenset({"it", "there", "this", "that", "which", "what"})
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MAX_CLIMB = 8
CUE_VERBS = SPEECH_VERBS | DIRECTIVE_VERBS  # X said …; X urged Y to …
POSITION_VERBS = BELIEF_VERBS | INTENTION_VERBS  # X believes that …; X vowed to …
INFINITIVE_VERBS = DIRECTIVE_VERBS | INTENTION_VERBS  # X urged Y to …; X refused to …
INVERTED_CUES = SPEECH_VERBS | CARRY_ON_VERBS  # Said Ellis: “…”; Continued Kallas: “…”
CARRY_ON_LEMMAS = frozenset(v.split()[0] for v in CARRY_ON_VERBS)
CUE_LEXICON = CUE_VERBS | POSITION_VERBS | TEXT_VERBS | CARRY_ON_LEMMAS | NAMING_VERBS
TRAILING_CUE_ENDS = CONTRAST_MARKS | {"but"}  # “…,” though she noted …: another statement


def cue_lemma(t: Token) -> str:
    """A verb's lemma, read from its surface form when the lemmatiser's lemma is no cue
    but the word is a cue's inflection (hopes, lemmatised "hop": hope)."""
    return _cue_form(t.lemma_.lower(), t.lower_)


@functools.lru_cache(maxsize=16384)
def _cue_form(lemma: str, word: str) -> str:
    """`cue_lemma` of a word and its lemma, kept: every cue test of every verb asks."""
    if lemma in CUE_LEXICON:
        return lemma
    for ending, replacement in VERB_ENDINGS:
        if word.endswith(ending) and (stem := word[:-len(ending)] + replacement) in CUE_LEXICON:
            return stem
    return lemma


def is_cue_verb(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma = cue_lemma(t)
    if lemma in CUE_VERBS:
        return True
    if lemma in TEXT_VERBS:
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in TEXTS for c in t.children)
    if lemma not in CARRY_ON_LEMMAS:
        return False
    phrasal = " ".join([lemma] + [c.lower_ for c in t.children if c.dep_ == "prt"])
    return phrasal in CARRY_ON_VERBS and not any(c.dep_ in ("xcomp", "dobj") for c in t.children)


def is_naming_verb(t: Token) -> bool:
    """A verb that gives its object a name or label, which in quotation marks is the
    subject's own word: Christie described Clinton as a “disgrace”."""
    return t.pos_ == "VERB" and cue_lemma(t) in NAMING_VERBS


def cue_span(t: Token) -> Span:
    """The cue word with its verb particle (laid out)."""
    end = t.i + 1
    while end < len(t.doc) and t.doc[end].dep_ == "prt" and t.doc[end].head == t:
        end += 1
    return t.doc[t.i:end]


def speaker_of(verb: Token, limit: Optional[int] = None) -> Optional[Span]:
    """The subject of a speech verb (before token `limit`, when given: the quotation the
    verb introduces). A verb without one (a participle: Kallas echoed the sentiment,
    declaring …) takes the speaker of the nearest speech verb above it, or else the
    subject of the nearest clause above it (Silverman was joined on stage and joked, “…”)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ not in ("VERB", "AUX")
                and (limit is None or c.i < limit)]
    if subjects:  # the nearest, when the parser gives a verb several
        subject = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subject = verb.head  # a relative pronoun stands for its antecedent: a letter that says …
        return noun_phrase(subject)
    named = _name_set_off_before(verb)
    if named is not None:
        return named  # a name the parser hung elsewhere: In Oslo, Ana Ruiz, a lawyer, says …
    before = verb.doc[verb.i - 1] if verb.i else verb
    if verb.tag_ in ("VBD", "VBZ") and before.pos_ == "PROPN" and before.head != verb \
            and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return noun_phrase(before)  # a name the parser attached elsewhere: …, Bill Clinton said his wife …
    absolute = _with_subject(verb)
    if absolute is not None:
        return absolute  # an absolute with-phrase: … with Brussels warning that …
    previous = _word_before(verb)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in SPEECH_NOUNS | TEXTS:
        return owner_of(verb.head)  # a text's words are its author's: Oslo issued a statement calling …
    if verb.dep_ == "acl" or (verb.tag_ == "VBG" and previous.pos_ in ("NOUN", "PROPN")
                              and previous.dep_ != "npadvmod"):
        return None  # a participle modifying a noun: the “legacy media” reporting that … (not a date: … Monday saying)
    fallback, node = None, verb
    for _ in range(MAX_CLIMB):
        if node.head == node:
            break
        node = node.head
        if is_cue_verb(node):
            speaker = speaker_of(node)
            if speaker is not None:
                return speaker
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and (limit is None or c.i < limit)]
        if subjects and fallback is None and not _disagrees(verb, subjects[0]):
            fallback = noun_phrase(subjects[0])
    return fallback


def _disagrees(verb: Token, subject: Token) -> bool:
    """Whether a coordinated verb in the present tense cannot share `subject` by number: a
    plural form after a singular subject (… that the trial is unfair and maintain that …),
    or a singular one after a plural subject. A bare form coordinated with a present tense
    is present too; after a modal or in the past any subject agrees."""
    if verb.dep_ != "conj":
        return False
    head_forms = {verb.head.tag_} | {c.tag_ for c in verb.head.children if c.dep_ == "aux"}
    form = "VBP" if verb.tag_ == "VB" and head_forms & {"VBZ", "VBP"} and "MD" not in head_forms else verb.tag_
    singular = subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it")
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we")
    return (form == "VBP" and singular) or (form == "VBZ" and plural)


def _name_set_off_before(verb: Token) -> Optional[Span]:
    """The person named before a finite cue verb without a subject, with only the words
    describing them between (a phrase set off by commas, with no verb outside a relative
    clause on the name): "In Oslo, Ana Ruiz, coordinator for a rights group, says …"; None
    otherwise."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.dep_ != "ROOT":
        return None
    people = [e for e in verb.doc.ents if e.label_ == "PERSON" and verb.sent.start <= e.start and e.end < verb.i]
    for name in reversed(people):
        between = verb.doc[name.end:verb.i]
        if between[0].text != "," or between[-1].text != "," \
                or any(a.dep_ == "relcl" for a in name.root.ancestors):
            continue  # a name inside the relative clause describes the speaker: Ana Ruiz, who knew Per Olsen, says
        described = {t.i for t in name.root.subtree}  # a relative clause on the name: Ana Ruiz, who …, says
        if all(t.pos_ not in ("VERB", "AUX") or t.i in described for t in between):
            return name
    return None


def _with_subject(verb: Token) -> Optional[Span]:
    """The object of "with" right before a participle, its subject in an absolute phrase
    (talks stalled, with Brussels warning that …); None otherwise."""
    if verb.tag_ != "VBG" or verb.i < 2:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.lower_ == "with" \
            and noun.head.i == noun.left_edge.i - 1:
        return noun_phrase(noun)
    return None


def _word_before(t: Token) -> Token:
    i = t.i - 1
    while i > 0 and t.doc[i].is_punct and t.doc[i].text not in ",:;":
        i -= 1
    return t.doc[max(i, 0)]


def owner_of(noun: Token) -> Optional[Span]:
    """Who a speech noun belongs to: its possessor, else the subject of its clause."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return noun_phrase(owners[0])
    node = noun
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return speaker_of(node)
    return None


def noun_phrase(head: Token) -> Span:
    """The speaker mention: the head with its left modifiers (titles, names, determiners);
    a plural common noun with "including NAME" stands for the named member."""
    doc = head.doc
    if head.i > 1 and doc[head.i - 1].text in "[(" and doc[head.i - 2].pos_ == "PROPN":
        head = doc[head.i - 2]  # a handle in brackets after the name: Donald Tusk [@donaldtusk]
    if head.tag_ == "NNS":
        for prep in head.children:
            if prep.lower_ == "including":
                named = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if named:
                    return noun_phrase(named[0])
    if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ != "PERSON"):
        bare = head.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in head.children)
        named = [c for c in head.children if (c.dep_ == "appos" or (c.dep_ == "conj" and bare)) and c.i > head.i
                 and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG")
                 and (head.pos_ == "NOUN" or c.ent_type_ == "PERSON")]
        if named:  # Amirov's lawyer, Michael Martin, said …; said social worker and activist Ryan Ito
            return noun_phrase(named[0])
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc" or "\n" in doc[start:head.i].text):
        start += 1
    return doc[start:head.i + 1]


def is_generic(speaker: Span) -> bool:
    """A bare plural with no determiner or name: "officials", "European officials"."""
    root = speaker.root
    return root.lower_ in GENERIC_SOURCES and not any(
        t.pos_ in ("DET", "PROPN", "NUM") or t.dep_ == "poss" for t in speaker)


def holds_views(speaker: Span) -> bool:
    """Whether a subject can believe or intend: a name, a personal pronoun, a plural (polls
    show …) or a determined noun phrase (the campaign), not a bare abstraction (mutual
    mistrust threatens to …) or an empty "it" (it is hard to imagine …)."""
    root = speaker.root
    if root.pos_ == "PRON":
        return root.lower_ not in EMPTY_PRONOUNS
    return root.pos_ == "PROPN" or root.tag_ == "NNS" or root.ent_type_ in AGENT_ENTITIES or any(
        t.dep_ in ("det", "poss") or t.pos_ == "PROPN" for t in speaker)


def is_agent(speaker: Span) -> bool:
    """Whether a subject is a person or a body (a name, a pronoun for one, a noun for a
    person or an organisation by its role), not a thing or an event (the dispute)."""
    root = speaker.root
    if root.pos_ == "PRON":
        return root.lower_ not in EMPTY_PRONOUNS
    return root.pos_ == "PROPN" or root.ent_type_ in AGENT_ENTITIES or is_person_noun(root) \
        or root.lemma_.lower() in ORGANISATION_NOUNS | BODY_NOUNS


def inverted_subject(verb: Token) -> Optional[Span]:
    """The noun phrase right after a cue verb, in inverted order (… said the minister)."""
    for c in verb.rights:
        if c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj", "dative"):
            return noun_phrase(c)
    return _name_after(verb)


def _name_after(verb: Token) -> Optional[Span]:
    """A person's name right after a cue verb behind the words that describe them, however
    the parser attached it: … said international relations lecturer Ana Ruiz of …."""
    doc, i = verb.doc, verb.i + 1
    while i < min(len(doc), verb.i + MAX_CLIMB) and doc[i].ent_type_ != "PERSON":
        if doc[i].pos_ not in ("ADJ", "NOUN", "DET") or doc[i].ent_type_:
            return None
        i += 1
    if i >= len(doc) or doc[i].ent_type_ != "PERSON":
        return None
    end = i
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and (end == i or doc[end].ent_iob_ == "I"):
        end += 1
    return doc[verb.i + 1:end]


def outermost_report(cue: Token) -> Token:
    """The outermost speech verb whose reported clause holds `cue`: the article attributes
    nested speech to its outer reporter (Tusk said Orbán once described the pipeline as
    “the best bargain”: Tusk's claim), as PolNeAR's guidelines annotate it."""
    node, outer = cue, cue
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp") or node.head == node or node.head.pos_ != "VERB":
            break
        node = node.head
        if is_cue_verb(node) and speaker_of(node) is not None:
            outer = node
    return outer
