"""Actors: the knowledge base (``kb``) and mention linking (``link``)."""
from detente.actors.kb import KbError, KnowledgeBase, check, describe, load_kb

__all__ = ["KbError", "KnowledgeBase", "check", "describe", "load_kb"]
