"""`detente config`: print the configuration a run would use."""
from __future__ import annotations

import click

from detente.cli.common import config_option, console, friendly_errors, load_config


@click.command("config")
@config_option
@friendly_errors
def show_config(config_path):
    """Print the defaults (or FILE's settings, with --config FILE) as a detente.toml.

    Example: detente config > detente.toml
    """
    console.print(load_config(config_path).to_toml(), markup=False, highlight=False, end="")
