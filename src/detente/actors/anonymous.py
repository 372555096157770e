"""Anonymous sources ("one senior EU diplomat", "Western officials", "a source familiar
with the talks") as document-local actors named `anonymous: <affiliation> <head noun>`."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span

from detente.actors.kb import slug
from detente.lang.en import SOURCE_NOUNS
from detente.records import Actor


def is_source(span: Span) -> bool:
    """Whether `span` is a noun phrase naming an unnamed source by its role."""
    root = span.root
    return root.lower_ in SOURCE_NOUNS and not any(t.ent_type_ == "PERSON" for t in span)


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
    head = root.text.lower()
    label = " ".join([*words, head])
    return Actor(id=f"anon:{doc_id}:{slug(label)}", name=f"anonymous: {label}", kind="anonymous",
                 country=country, description=span.text, local=True)
