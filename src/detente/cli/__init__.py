"""The `detente` command: one sub-command per task, one module per sub-command."""
from __future__ import annotations

import click

from detente.cli.config import show_config
from detente.cli.evaluate import evaluate
from detente.cli.kb import kb
from detente.cli.report import report
from detente.cli.restance import restance
from detente.cli.run import run
from detente.cli.serve import serve
from detente.cli.taxonomy import taxonomy


@click.group()
@click.version_option(package_name="detente")
def cli():
    """Détente: who said what, who stands where, and where coalitions crack, from news articles."""


for command in (run, report, restance, kb, evaluate, show_config, taxonomy, serve):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="detente")

