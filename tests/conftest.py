"""Shared fixtures: the demo articles, and pipelines built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from detente import pipeline
from detente.config import DEFAULT_ISSUES, DEFAULT_MODEL, STAGES, Config
from helpers import ARTICLES


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


@pytest.fixture(scope="session")
def build_pipeline():
    """Détente's pipeline for some stages, KB folders and taxonomy, built once per session
    for each distinct configuration: ``build_pipeline(stages=["actors"], kb=[folder])``."""
    cache: dict[str, spacy.Language] = {}

    def build(stages=STAGES, kb=(), issues=DEFAULT_ISSUES) -> spacy.Language:
        config = Config().replace(pipeline_stages=list(stages), actors_kb=[str(k) for k in kb], stances_issues=issues)
        key = config.to_toml()
        if key not in cache:
            cache[key] = pipeline.build(config)
        return cache[key]

    return build


@pytest.fixture(scope="session")
def plain_pipeline():
    """spaCy's own model with Détente components added alone, as a spaCy user would:
    ``plain_pipeline("detente_stances", issues="iran-nuclear-2025")``; once per session."""
    cache: dict[tuple, spacy.Language] = {}

    def build(*components: str, issues: str = DEFAULT_ISSUES) -> spacy.Language:
        key = (components, issues)
        if key not in cache:
            nlp = spacy.load(DEFAULT_MODEL)
            for name in components:
                nlp.add_pipe(name, config={"issues": issues} if name == "detente_stances" else {})
            cache[key] = nlp
        return cache[key]

    return build
