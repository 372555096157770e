"""Shared fixtures: the demo articles, pipelines built once per test session, and Debian's
headless Chromium for the browser tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from detente import pipeline
from detente.config import DEFAULT_ISSUES, DEFAULT_MODEL, STAGES, Config
from helpers import ARTICLES

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


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
    """Détente's pipeline for some stages, KB folders, taxonomy and kinds of stance holder,
    built once per session for each distinct configuration: ``build_pipeline(stages=["actors"],
    kb=[folder])``."""
    cache: dict[str, spacy.Language] = {}

    def build(stages=STAGES, kb=(), issues=DEFAULT_ISSUES, holders=None) -> spacy.Language:
        config = Config().replace(pipeline_stages=list(stages), actors_kb=[str(k) for k in kb], stances_issues=issues,
                                  stances_holders=holders)
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


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by playwright (never `playwright install`); skips the test
    where either is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    if executable is None:
        pytest.skip("the browser test needs Chromium at /usr/bin/chromium (Debian package `chromium`)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
