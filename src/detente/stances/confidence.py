"""The stance stage's confidences, one table."""
from __future__ import annotations

CONFIDENCE: dict[str, float] = {
    "quoted": 0.8,  # a position in the speaker's own words
    "reported": 0.7,  # a position the article reports (X rejected …)
    "proposal_rejected": 0.5,  # "X rejected the plan", the plan described just before
    "neutral_penalty": 0.3,  # taken off a mention without a side
    "hedge_penalty": 0.2,  # taken off a position under may, might, could
}
