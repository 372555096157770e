"""Shared fixtures: the demo articles and a pipeline loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def articles() -> Path:
    return ARTICLES


@pytest.fixture(scope="session")
def seed_text():
    """The text of a demo article by its file-name prefix ("000" ...)."""

    def read(prefix: str) -> str:
        (path,) = ARTICLES.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read
