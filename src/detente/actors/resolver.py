"""The SpeakerResolver: how the stages after the actors stage learn who a span names.

The actors stage sets ``doc._.resolver`` to one resolver per document. Quotes, stances
and any later stage receive it and ask it, never the linker or the knowledge base, so
that no stage reaches into another.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from detente.actors.link import DocLinker, Linker
from detente.records import Actor, Mention


class SpeakerResolver:
    """Resolves speaker and holder phrases of one document to actors, adding the mentions
    and actors it finds to ``doc._.mentions`` and ``doc._.actors``."""

    def __init__(self, linker: Linker, doc: Doc):
        self._linker = linker
        self._doc = doc
        self.speakers: list[str] = []  # actor ids resolved as speakers, in order
        self._doc_linker: Optional[DocLinker] = None
        self._actors_known: tuple[str, ...] = ()

    def resolve(self, span: Span) -> Optional[Mention]:
        """The mention of the actor who speaks as `span` (a name, title, pronoun, anonymous
        source or metonym a later stage found); None when no actor can be told."""
        if len(span) == 0:
            return None
        linker = self._current_linker()
        found = linker.speaker(span)
        if found is not None and found.actor_id and found.actor_id not in self.speakers:
            self.speakers.append(found.actor_id)
            linker.speakers.add(found.actor_id)
        return found

    def _current_linker(self) -> DocLinker:
        """The document's linker, made again whenever the document's actors have changed
        (it reads the names of the local ones when made)."""
        known = tuple(self._doc._.actors or ())
        if self._doc_linker is None or known != self._actors_known:
            self._doc_linker = DocLinker(self._linker, self._doc, self.speakers)
            self._actors_known = tuple(self._doc._.actors)
        return self._doc_linker

    def mention_at(self, token: Token) -> Optional[Mention]:
        """The first linked mention that covers `token`."""
        return next((m for m in self.mentions if m.actor and m.start <= token.idx < m.end), None)

    def actor(self, actor_id: Optional[str]) -> Optional[Actor]:
        """The actor with id `actor_id` among the document's actors."""
        return self.actors.get(actor_id) if actor_id else None

    @property
    def mentions(self) -> list[Mention]:
        return self._doc._.mentions

    @property
    def actors(self) -> dict[str, Actor]:
        return self._doc._.actors
