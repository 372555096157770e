"""`detente taxonomy`: check an issue taxonomy, show one."""
from __future__ import annotations

import click

from detente.cli.common import console, err_console, friendly_errors
from detente.stances.review import advice, describe
from detente.stances.taxonomy import load_taxonomy, shipped


@click.group()
def taxonomy():
    """Issue taxonomies: check your own, show a shipped one."""


@taxonomy.command("check")
@click.argument("file")
@friendly_errors
def taxonomy_check(file):
    """Validate the taxonomy FILE (or a shipped name) and say what would make it weaker.

    Example: detente taxonomy check my-negotiation.yaml
    """
    loaded = load_taxonomy(file)
    for warning in advice(loaded):
        err_console.print(f"warning: {warning}", markup=False, highlight=False)
    patterned = sum(1 for issue in loaded.issues if issue.cues)
    console.print(f"The taxonomy {loaded.name!r} is valid: {len(loaded.issues)} issues, {patterned} with patterns, "
                  f"{len(loaded.issues) - patterned} recognised by their words.", markup=False)


@taxonomy.command("show")
@click.argument("name", required=False)
@friendly_errors
def taxonomy_show(name):
    """Print the issues of the taxonomy NAME (a shipped name or a file); without NAME,
    list the shipped taxonomies.

    Example: detente taxonomy show ukraine-peace-2025
    """
    if name is None:
        console.print("\n".join(shipped()), markup=False)
        return
    console.print(describe(load_taxonomy(name)), markup=False, highlight=False)
