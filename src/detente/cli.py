"""The `detente` command: one sub-command per task."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click
from rich.console import Console

from . import evaluate as evaluation
from . import ingest, runner
from .actors import kb as knowledge_base
from .nlp import DEFAULT_ISSUES, DEFAULT_MODEL, ModelNotFound, Settings
from .store import StoreError, open_store, sqlite_url

err_console = Console(stderr=True, soft_wrap=True)
console = Console(soft_wrap=True)

KNOWN_ERRORS = (runner.RunError, ModelNotFound, StoreError, evaluation.EvaluationError, knowledge_base.KbError)
SHARED = Path(__file__).resolve().parents[3] / "shared"  # the project's shared folder, beside a checkout


def friendly_errors(command):
    """Turn errors into one-sentence messages and exit code 1; DETENTE_DEBUG=1 shows tracebacks."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KNOWN_ERRORS as err:
            err_console.print(f"[red]Error:[/red] {err}")
            sys.exit(1)
        except Exception as err:
            if os.environ.get("DETENTE_DEBUG"):
                raise
            err_console.print(
                f"[red]Error:[/red] Détente stopped on an unexpected {type(err).__name__}: {err}. "
                "Run again with DETENTE_DEBUG=1 for the details, and please report it."
            )
            sys.exit(1)

    return wrapper


def _parse_fields(values: tuple[str, ...]) -> dict[str, str]:
    fields = {}
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or ours not in ingest.tabular.FIELDS:
            raise click.BadParameter(
                f"{value!r} should read FIELD=COLUMN with FIELD one of {', '.join(ingest.tabular.FIELDS)}",
                param_hint="--field",
            )
        fields[ours] = theirs
    return fields


@click.group()
@click.version_option(package_name="detente")
def cli():
    """Détente: who said what, who stands where, and where coalitions crack, from news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the database, the exports and the report.")
@click.option("--db", "db_url", help="SQLAlchemy database URL (default: sqlite in OUT/detente.db).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes to use.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--csv", "write_csv", is_flag=True, help="Write CSV files beside the JSON Lines.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline to use.")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of actor YAML files that add to or override the shipped knowledge base.")
@click.option("--issues", default=DEFAULT_ISSUES, show_default=True,
              help="Issue taxonomy: a shipped name or a YAML file.")
@click.option("--max-size", default=ingest.DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Largest article file to read, in bytes.")
@click.option("--encoding", help="Text encoding of the inputs when they are not UTF-8.")
@click.option("--field", "fields", multiple=True, metavar="FIELD=COLUMN",
              help="Field name mapping for JSONL/CSV input, e.g. --field text=body.")
@friendly_errors
def run(paths, out_dir, db_url, workers, quiet, write_csv, model, kb_dirs, issues, max_size, encoding, fields):
    """Analyse the articles in PATHS (files or folders) into OUT."""
    settings = Settings(model=model, kb_dirs=list(kb_dirs), issues=issues)
    options = ingest.Options(max_bytes=max_size, encoding=encoding, fields=_parse_fields(fields))
    summary = runner.run(paths, out_dir, settings, db_url=db_url, workers=workers, quiet=quiet,
                         options=options, csv=write_csv)
    _print_summary(summary)
    sys.exit(0 if summary.processed else 1)


def _print_summary(summary: runner.Summary) -> None:
    counts = summary.counts
    console.print(
        f"Analysed {summary.added} new document(s)"
        + (f", {summary.already_stored} already stored" if summary.already_stored else "")
        + f". The store holds {counts['documents']} documents, {counts['actors']} actors, "
        f"{counts['mentions']} mentions, {counts['quotes']} quotes and {counts['statements']} statements."
    )
    for problem in summary.problems:
        err_console.print(f"[yellow]Skipped[/yellow] {problem.source}: {problem.reason}")
    console.print(f"Results are in {summary.out_dir}/ (database: {summary.db_url}); "
                  f"open {summary.out_dir / 'report.html'} in a browser.")


@cli.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--db", "db_url", help="SQLAlchemy database URL (default: sqlite in OUT/detente.db).")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of actor YAML files that add to or override the shipped knowledge base.")
@friendly_errors
def report(out_dir, db_url, kb_dirs):
    """Write OUT/report.html and the network exports from the store of an earlier run.

    Example: detente report out/
    """
    store = open_store(db_url or sqlite_url(out_dir / "detente.db"))
    for path in runner.write_report(runner.load_records(store), out_dir, kb_dirs):
        console.print(f"Wrote {path}")


@cli.group()
def kb():
    """The actor knowledge base: check it, look actors up."""


@kb.command("check")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Your own folder(s) of actor YAML files, checked with the shipped ones.")
def kb_check(kb_dirs):
    """Validate the shipped knowledge base and your own folders.

    Example: detente kb check --kb my-actors/
    """
    problems = knowledge_base.check(kb_dirs)
    for problem in problems:
        err_console.print(problem)
    if problems:
        sys.exit(1)
    console.print(f"The knowledge base is valid: {len(knowledge_base.load_kb(kb_dirs).actors)} actors.")


@kb.command("show")
@click.argument("name")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False))
@friendly_errors
def kb_show(name, kb_dirs):
    """Print what the knowledge base knows of NAME (a name, alias, surname or id).

    Example: detente kb show "the Kremlin"
    """
    base = knowledge_base.load_kb(kb_dirs)
    found = knowledge_base.find(base, name)
    if not found:
        err_console.print(f"The knowledge base knows no actor called {name!r}.")
        sys.exit(1)
    console.print("\n\n".join(knowledge_base.describe(actor, base) for actor in found), markup=False)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--gold", "gold_dir", default=str(SHARED / "gold"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of *.quotes/stances/actors.jsonl gold files.")
@click.option("--scorer", default=str(SHARED / "tools" / "score.py"), show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The project's score.py.")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the run that is scored.")
@click.option("--issues", default=DEFAULT_ISSUES, show_default=True, help="Issue taxonomy: a shipped name or a YAML file.")
@friendly_errors
def evaluate(articles, gold_dir, scorer, out_dir, issues):
    """Analyse ARTICLES and score actors, quotes and stances against gold annotations.

    Example: detente evaluate ../shared/corpus/seeds -o /tmp/eval
    """
    runner.run(articles, out_dir, Settings(issues=issues), quiet=True)
    for result in evaluation.score(gold_dir, out_dir, scorer):
        console.print(f"[bold]{result.task}[/bold]\n{result.report}\n")


def main() -> None:
    cli(prog_name="detente")


if __name__ == "__main__":
    main()
