"""The ``detente_stances`` spaCy component."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.config import DEFAULT_HOLDERS, DEFAULT_ISSUES
from detente.nlp import register_extensions
from detente.stances.find import find_statements
from detente.stances.taxonomy import Taxonomy, load_taxonomy

register_extensions("statements", "quotes", "resolver")


class StanceDetector:
    """Sets ``doc._.statements`` from the taxonomy, ``doc._.quotes`` and ``doc._.resolver``
    (each used when the stage that fills it ran before)."""

    def __init__(self, taxonomy: Taxonomy, actor_kinds: tuple[str, ...] = DEFAULT_HOLDERS,
                 resolve_conflicts: bool = True):
        self.taxonomy = taxonomy
        self.actor_kinds = actor_kinds
        self.resolve_conflicts = resolve_conflicts

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = find_statements(doc, doc._.quotes or [], doc._.resolver, self.taxonomy,
                                           self.actor_kinds, self.resolve_conflicts)
        return doc


@Language.factory(
    "detente_stances",
    default_config={"issues": DEFAULT_ISSUES, "actor_kinds": list(DEFAULT_HOLDERS), "resolve_conflicts": True},
    assigns=["doc._.statements"],
)
def make_stances(nlp: Language, name: str, issues: str, actor_kinds: list[str],
                 resolve_conflicts: bool) -> StanceDetector:
    """The stance component, for the taxonomy `issues` (a shipped name or a file path)."""
    return StanceDetector(load_taxonomy(issues), tuple(actor_kinds), resolve_conflicts)
