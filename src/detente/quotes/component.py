"""The ``detente_quotes`` spaCy component."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp import register_extensions
from detente.quotes.find import find_quotes

register_extensions("quotes", "resolver")


class QuoteExtractor:
    """Sets ``doc._.quotes``; links speakers through ``doc._.resolver`` when the actors
    stage ran before it."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, doc._.resolver)
        return doc


@Language.factory("detente_quotes", assigns=["doc._.quotes"])
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    """The quote extraction component."""
    return QuoteExtractor()
