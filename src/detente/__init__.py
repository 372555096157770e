"""Détente: who said what, who stands where, and where coalitions crack, from news text."""

__version__ = "0.1.0"

from .api import Result, analyze  # noqa: E402

__all__ = ["Result", "analyze", "__version__"]
