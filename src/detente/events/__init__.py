"""The events stage: who did what to whom, coded in PLOVER 2.0."""
from detente.events.find import find_events

__all__ = ["find_events"]
