"""The ``detente_actors`` spaCy component: links mentions and exposes the resolver."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.link import DocLinker, Linker, linker_for
from detente.actors.resolver import SpeakerResolver
from detente.nlp import register_extensions

register_extensions("mentions", "actors", "resolver")


class ActorLinker:
    """Sets ``doc._.mentions`` (sorted by start), ``doc._.actors`` (by id) and
    ``doc._.resolver``, the :class:`SpeakerResolver` later stages ask."""

    def __init__(self, linker: Linker):
        self.linker = linker

    def __call__(self, doc: Doc) -> Doc:
        DocLinker(self.linker, doc).link_all()
        doc._.resolver = SpeakerResolver(self.linker, doc)
        return doc


@Language.factory(
    "detente_actors",
    default_config={"kb_dirs": []},
    assigns=["doc._.mentions", "doc._.actors", "doc._.resolver"],
)
def make_actor_linker(nlp: Language, name: str, kb_dirs: list[str]) -> ActorLinker:
    """The actor linker over the shipped knowledge base and the folders `kb_dirs`."""
    return ActorLinker(linker_for(tuple(str(d) for d in kb_dirs), nlp.vocab, model_verbs(nlp)))


def model_verbs(nlp: Language) -> Optional[frozenset[str]]:
    """The verbs the model's rule-based lemmatizer lists, or None where it has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))
