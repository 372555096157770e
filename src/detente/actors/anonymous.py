"""Anonymous sources ("one senior EU diplomat", "Western officials", "a source familiar
with the talks") as document-local actors named `anonymous: <affiliation> <head noun>`."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from detente.actors.kb import slug
from detente.lang.en import (
    BELIEF_VERBS,
    BODY_NOUNS,
    NOT_PERSON_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_NOUN_ENDINGS,
    PERSON_NOUNS,
    SOURCE_DOCUMENT_NOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
)
from detente.records import Actor


def is_source(span: Span) -> bool:
    """Whether `span` is a noun phrase naming an unnamed source by its role."""
    root = span.root
    return root.lower_ in SOURCE_NOUNS and not any(t.ent_type_ == "PERSON" for t in span)


def is_person_noun(token: Token) -> bool:
    """Whether a common noun names a person by role (a receptionist, a JetBlue pilot), by
    its lemma or an agent noun's ending; things (medical supplies, the border) do not."""
    lemma, word = token.lemma_.lower(), token.lower_
    if word in SOURCE_NOUNS or lemma in PERSON_NOUNS or lemma in NOT_PERSON_NOUNS:
        return word in SOURCE_NOUNS or lemma in PERSON_NOUNS
    return lemma.endswith(PERSON_NOUN_ENDINGS) and len(lemma) > 4


def speaks_by_role(span: Span) -> bool:
    """Whether a noun phrase with a common noun at its head can be an unnamed source: the
    noun names a person, a body or a text (the group, a recent report), or the phrase is
    the subject of a verb of speech or belief, or the source of "according to"."""
    root = span.root
    if is_person_noun(root) or root.lemma_.lower() in ORGANISATION_NOUNS | SOURCE_DOCUMENT_NOUNS | BODY_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0:
        return span.doc[root.head.i - 1].lower_ == "according"
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS


def anonymous_actor(span: Span, doc_id: str, affiliation_of: Callable[[Span], Optional[Actor]]) -> Actor:
    """The anonymous actor `span` names, distinct per document; `affiliation_of` links a
    modifier ("EU", "Western", "Ukrainian") to the body the source speaks for."""
    root = span.root
    words, country = [], None
    for tok in span:
        if tok.i >= root.i or tok.pos_ in ("DET", "NUM", "PRON", "PUNCT") or not (tok.is_title or tok.is_upper):
            continue
        words.append(tok.text)
        found = affiliation_of(span.doc[tok.i:tok.i + 1])
        country = country or (found.id if found else None)
    head = root.lemma_.lower() if root.tag_ == "NNS" else root.text.lower()  # a source by its singular: official
    label = " ".join([*words, head])
    return Actor(id=f"anon:{doc_id}:{slug(label)}", name=f"anonymous: {label}", kind="anonymous",
                 country=country, description=span.text, local=True)
