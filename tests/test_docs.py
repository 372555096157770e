"""The documentation is tested against the code: every `detente` command the README and
docs show exists, and every module the architecture page names is there."""
from __future__ import annotations

import re

import pytest

from detente.cli import cli
from helpers import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
COMMAND = re.compile(r"(?:^|\s|`)(?:\.venv/bin/)?detente ((?:[a-z]+ ?){1,2})")


def commands_in(text: str) -> set[tuple[str, ...]]:
    return {tuple(m.group(1).split()) for m in COMMAND.finditer(text)}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_command_the_docs_show_exists(path):
    for words in commands_in(path.read_text(encoding="utf-8")):
        name = words[0]
        if name not in cli.commands:
            pytest.fail(f"{path.name} shows `detente {name}`, which does not exist")
        sub = cli.commands[name]
        if len(words) > 1 and hasattr(sub, "commands") and words[1] not in sub.commands:
            pytest.fail(f"{path.name} shows `detente {' '.join(words)}`, which does not exist")


def test_the_architecture_page_names_modules_that_exist():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = text.split("## Layout", 1)[1].split("```")[1]
    for line in layout.splitlines():
        name = line.split()[0] if line.strip() else ""
        if name.endswith("/") and not name.startswith(("tests", "benchmarks", "docs", "src")):
            assert (ROOT / "src" / "detente" / name).is_dir(), name
