"""`detente report`: rebuild the report and network exports of a stored run."""
from __future__ import annotations

from pathlib import Path

import click

from detente import runner
from detente.cli.common import config_option, console, db_option, friendly_errors, kb_option, load_config
from detente.config import DUPLICATES
from detente.errors import InputPathError
from detente.store import open_store, sqlite_url

duplicates_option = click.option(
    "--duplicates", type=click.Choice(DUPLICATES),
    help="Which repeated statements count (DNA's options): all, one per actor, issue and stance in each "
         "document (the default), week, month, year, or over the whole range.")


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@config_option
@db_option
@kb_option
@duplicates_option
@friendly_errors
def report(out_dir, config_path, db_url, kb_dirs, duplicates):
    """Write OUT/report.html, the network exports and the analysis tables from the store
    of an earlier run.

    Example: detente report out/ --duplicates week
    """
    config = load_config(config_path).replace(actors_kb=list(kb_dirs) or None, analysis_duplicates=duplicates)
    if db_url is None and not (out_dir / "detente.db").is_file():
        raise InputPathError(f"{out_dir} holds no Détente run (no detente.db); run `detente run … -o {out_dir}` first.")
    runner.prepare_out_dir(out_dir)
    with runner.holding(out_dir):
        store = open_store(db_url or sqlite_url(out_dir / "detente.db"))
        written = runner.write_report(store.records(), out_dir, config.actors.kb, config.analysis.duplicates)
    for path in written:
        console.print(f"Wrote {path}", markup=False, highlight=False)
