"""The version of Détente, in one place."""

__version__ = "0.2.0"
