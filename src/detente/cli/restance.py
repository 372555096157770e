"""`detente restance`: the stances of a stored run again, with another issue taxonomy."""
from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from detente import restance as reanalysis
from detente.cli.common import config_option, console, db_option, err_console, friendly_errors, kb_option, load_config


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--issues", required=True, help="Issue taxonomy: a shipped name or a YAML file.")
@config_option
@db_option
@kb_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--csv", "write_csv", is_flag=True, help="Write CSV files beside the JSON Lines.")
@friendly_errors
def restance(out_dir, issues, config_path, db_url, kb_dirs, quiet, write_csv):
    """Find the stances of the articles stored in OUT again, on the issues of another
    taxonomy, without parsing them again; that taxonomy's statements are replaced, the
    exports and the report rewritten.

    Example: detente restance out/ --issues iran-nuclear-2025
    """
    config = load_config(config_path).replace(actors_kb=list(kb_dirs) or None)
    done = reanalysis.restance(out_dir, issues, config, db_url=db_url, quiet=quiet, csv=write_csv)
    console.print(f"Found {done.statements} statement(s) on the issues of {done.taxonomy} in {done.documents} "
                  f"stored document(s), in {done.seconds:.1f} s; the report is {out_dir / 'report.html'}.",
                  markup=False, highlight=False)
    for note in done.notes:
        err_console.print(f"[yellow]Note[/yellow] {escape(note)}", highlight=False)
