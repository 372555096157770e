"""Actors: the knowledge base (``kb``), mention linking (``link``), and the
:class:`SpeakerResolver` the later stages receive (``resolver``)."""
from detente.actors.kb import KnowledgeBase, check, describe, load_kb
from detente.actors.resolver import SpeakerResolver

__all__ = ["KnowledgeBase", "SpeakerResolver", "check", "describe", "load_kb"]
