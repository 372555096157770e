"""Quotes: who said what, in quotation marks or reported (``find_quotes``)."""
from detente.quotes.find import find_quotes

__all__ = ["find_quotes"]
