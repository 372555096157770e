"""Natural-language plumbing every stage shares: loading the spaCy model, the Doc
extensions, quotation marks, and facts of a parsed document worked out once.

Models come from installed packages only: nothing is downloaded at run time.
"""
from detente.nlp.extensions import register_extensions
from detente.nlp.model import load_model

__all__ = ["load_model", "register_extensions"]
