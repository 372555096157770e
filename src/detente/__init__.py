"""Détente: who said what, who stands where, and where coalitions crack, from news text.

``detente.analyze(paths, taxonomy=…, kb=…, model=…)`` analyses articles in memory;
``detente.open(OUT)`` loads a stored run; both give a :class:`Result` of tables.
"""

from detente.version import __version__

__all__ = ["Config", "DetenteError", "Result", "analyze", "open", "__version__"]


def __getattr__(name: str):
    """The public API, imported on first use (workers start faster)."""
    if name in ("Result", "analyze", "open"):
        from detente import result

        return getattr(result, name)
    if name == "Config":
        from detente.config import Config

        return Config
    if name == "DetenteError":
        from detente.errors import DetenteError

        return DetenteError
    raise AttributeError(f"module 'detente' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(globals()))
