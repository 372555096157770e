"""The ``detente_events`` spaCy component."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.config import DEFAULT_ONTOLOGY
from detente.events.find import find_events
from detente.events.ontology import Ontology, load_ontology
from detente.nlp import register_extensions

register_extensions("events", "quotes", "resolver")


class EventCoder:
    """Sets ``doc._.events`` from the ontology, ``doc._.resolver`` and ``doc._.quotes``
    (each used when the stage that fills it ran before)."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, doc._.resolver, self.ontology, doc._.quotes or [])
        return doc


@Language.factory("detente_events", default_config={"ontology": DEFAULT_ONTOLOGY}, assigns=["doc._.events"])
def make_event_coder(nlp: Language, name: str, ontology: str) -> EventCoder:
    """The events component, for the event ontology `ontology` (a shipped name or a file path)."""
    return EventCoder(load_ontology(ontology))
