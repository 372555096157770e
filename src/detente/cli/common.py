"""What every sub-command shares: consoles, the error handler, common options."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional

import click
from rich.console import Console
from rich.markup import escape

from detente import config as configuration
from detente.errors import DetenteError

err_console = Console(stderr=True, soft_wrap=True)
console = Console(soft_wrap=True)
SHARED = Path(__file__).resolve().parents[4] / "shared"  # the project's shared folder, beside a checkout


def friendly_errors(command: Callable) -> Callable:
    """Turn errors into one sentence: exit 2 for a usage mistake, 1 for a run that could
    not go on; DETENTE_DEBUG=1 shows tracebacks."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DetenteError as err:
            if os.environ.get("DETENTE_DEBUG"):
                raise
            err_console.print(f"[red]Error:[/red] {escape(str(err))}", markup=True, highlight=False)
            sys.exit(err.exit_code)
        except Exception as err:
            if os.environ.get("DETENTE_DEBUG"):
                raise
            err_console.print(
                f"[red]Error:[/red] Détente stopped on an unexpected {type(err).__name__}: {escape(str(err))}. "
                "Run again with DETENTE_DEBUG=1 for the details, and please report it.", highlight=False
            )
            sys.exit(1)

    return wrapper


def load_config(path: Optional[Path]) -> configuration.Config:
    """The configuration of --config FILE, or the defaults."""
    return configuration.load(path) if path else configuration.Config()


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
    help="A detente.toml file (see `detente config`); options given here override it.")
kb_option = click.option(
    "--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False),
    help="Folder of actor YAML files that add to or override the shipped knowledge base.")
db_option = click.option("--db", "db_url", help="SQLAlchemy database URL (default: sqlite in OUT/detente.db).")
