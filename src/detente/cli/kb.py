"""`detente kb`: check the knowledge base, look actors up."""
from __future__ import annotations

import sys

import click

from detente.actors import kb as knowledge_base
from detente.cli.common import console, err_console, friendly_errors, kb_option


@click.group()
def kb():
    """The actor knowledge base: check it, look actors up."""


@kb.command("check")
@kb_option
@friendly_errors
def kb_check(kb_dirs):
    """Validate the shipped knowledge base and your own folders.

    Example: detente kb check --kb my-actors/
    """
    problems = knowledge_base.check(kb_dirs)
    for problem in problems:
        err_console.print(problem, markup=False, highlight=False)
    if problems:
        sys.exit(1)
    console.print(f"The knowledge base is valid: {len(knowledge_base.load_kb(kb_dirs).actors)} actors.")


@kb.command("show")
@click.argument("name")
@kb_option
@friendly_errors
def kb_show(name, kb_dirs):
    """Print what the knowledge base knows of NAME (a name, alias, surname or id).

    Example: detente kb show "the Kremlin"
    """
    base = knowledge_base.load_kb(kb_dirs)
    found = knowledge_base.find(base, name)
    if not found:
        err_console.print(f"The knowledge base knows no actor called {name!r}.", markup=False)
        sys.exit(1)
    console.print("\n\n".join(knowledge_base.describe(actor, base) for actor in found), markup=False)
