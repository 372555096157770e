"""Stances: who stands where on each issue of a taxonomy (``find_statements``)."""
from detente.stances.find import find_statements
from detente.stances.taxonomy import Taxonomy, load_taxonomy

__all__ = ["Taxonomy", "find_statements", "load_taxonomy"]
