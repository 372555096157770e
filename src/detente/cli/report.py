"""`detente report`: rebuild the report and network exports of a stored run."""
from __future__ import annotations

from pathlib import Path

import click

from detente import runner
from detente.cli.common import console, db_option, friendly_errors, kb_option
from detente.errors import InputPathError
from detente.store import open_store, sqlite_url


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@db_option
@kb_option
@friendly_errors
def report(out_dir, db_url, kb_dirs):
    """Write OUT/report.html and the network exports from the store of an earlier run.

    Example: detente report out/
    """
    if db_url is None and not (out_dir / "detente.db").is_file():
        raise InputPathError(f"{out_dir} holds no Détente run (no detente.db); run `detente run … -o {out_dir}` first.")
    runner.prepare_out_dir(out_dir)
    with runner.holding(out_dir):
        store = open_store(db_url or sqlite_url(out_dir / "detente.db"))
        written = runner.write_report(store.read_all(), out_dir, kb_dirs)
    for path in written:
        console.print(f"Wrote {path}", markup=False, highlight=False)
