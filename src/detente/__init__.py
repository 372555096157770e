"""Détente: who said what, who stands where, and where coalitions crack, from news text."""

__version__ = "0.1.0"
__all__ = ["Result", "analyze", "__version__"]


def __getattr__(name: str):
    """`detente.analyze` and `detente.Result`, imported on first use (workers start faster)."""
    if name in ("Result", "analyze"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'detente' has no attribute {name!r}")
