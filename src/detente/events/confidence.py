"""The events stage's confidences, one table."""
from __future__ import annotations

CONFIDENCE: dict[str, float] = {
    "verb": 0.7,  # a trigger verb by its lemma
    "phrasal": 0.75,  # a phrasal trigger ("pull out", "call on")
    "noun": 0.65,  # a light verb and its trigger noun ("imposed sanctions")
    "linked_bonus": 0.15,  # added when the source is an actor of the knowledge base
    "no_target_penalty": 0.1,  # taken off an event without a target
}
