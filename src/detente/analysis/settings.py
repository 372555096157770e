"""The analysis layer's thresholds, read once from `data/settings.yaml`."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

SETTINGS = Path(__file__).parent / "data" / "settings.yaml"


@lru_cache(maxsize=1)
def settings() -> dict:
    """The settings as a mapping (see the comments in data/settings.yaml)."""
    return yaml.safe_load(SETTINGS.read_text(encoding="utf-8"))
