"""`detente kb`: check the knowledge base, look actors up, suggest records from a run."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from detente.actors import kb as knowledge_base
from detente.actors import suggest as suggestions
from detente.cli.common import console, err_console, friendly_errors, kb_option
from detente.result import open as stored_run


@click.group()
def kb():
    """The actor knowledge base: check it, look actors up, suggest records."""


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


@kb.command("suggest")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False),
              help="YAML file to write (default: OUT/kb-suggestions.yaml; - for standard output).")
@click.option("--min-mentions", default=1, show_default=True, type=int,
              help="Suggest only actors mentioned or quoted at least this often.")
@kb_option
@friendly_errors
def kb_suggest(out, output, min_mentions, kb_dirs):
    """Draft records for the people and organisations the run in OUT found that the
    knowledge base lacks, with the titles the articles gave them and their counts.

    Example: detente kb suggest runs/today --kb my-actors/
    """
    run = stored_run(out)  # the run's store, not its exports: a sentence when OUT holds no run
    found = suggestions.suggest(run.actors, run.mentions, run.quotes, knowledge_base.load_kb(kb_dirs),
                                min_mentions=min_mentions)
    text = suggestions.to_yaml(found)
    if output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output) if output else Path(out) / "kb-suggestions.yaml"
    target.write_text(text, encoding="utf-8")
    console.print(f"{len(found)} draft records written to {target}.", markup=False, highlight=False)
