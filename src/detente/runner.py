"""A whole run: read the inputs, analyse new documents, store them, write the exports.

Everything the user named (paths, configuration, taxonomy, knowledge base, model,
database URL) is checked before the output folder is made, so that a mistake costs
one sentence and leaves nothing behind.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, cast

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from detente import exports, ingest, pipeline, report
from detente.actors.kb import load_kb, overlay
from detente.config import Config
from detente.errors import RunError
from detente.executors import Executor, for_workers
from detente.executors.serial import SerialExecutor
from detente.ingest.corpus import Skipped, read_corpus
from detente.records import Actor, Document, Problem, Quote, Record, Statement
from detente.stances.review import coverage
from detente.stances.taxonomy import load_taxonomy
from detente.store import engine_for, open_store, sqlite_url


@dataclass
class Summary:
    """What a run did."""

    out_dir: Path
    db_url: str
    added: int = 0
    already_stored: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    taxonomy: str = ""  # the issue taxonomy the run used
    notes: list[str] = field(default_factory=list)  # advice that is not an error

    @property
    def processed(self) -> int:
        return self.added + self.already_stored


def prepare_out_dir(out_dir: Path) -> None:
    """Create the output folder, or explain why it cannot be written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".detente-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as err:
        raise RunError(f"The output folder {out_dir} cannot be written: {err.strerror or err}.") from err


def check(config: Config, paths: Iterable[str | Path], db_url: Optional[str]) -> Executor:
    """Check everything the user named before anything is written, and return the
    executor to run with; each mistake is a UsageError naming the file or option."""
    ingest.check_paths(paths)
    ingest.Options.from_config(config.ingest)
    load_kb(config.actors.kb)
    load_taxonomy(config.stances.issues)
    if db_url:
        engine_for(db_url)
    if config.run.workers > 1:
        pipeline.build(config.replace(pipeline_stages=[]))  # the model exists; workers build the rest
        return for_workers(config.run.workers)
    return SerialExecutor(pipeline.build(config))


def write_report(records: dict[str, list[Record]], out_dir: Path, kb_dirs: Iterable[str] = ()) -> list[Path]:
    """Write the network exports and OUT/report.html; the report names first the blocs
    among the stored actors, which are those the articles mention."""
    stored = cast(list[Actor], records["actors"])
    statements = cast(list[Statement], records["statements"])
    actors = overlay(load_kb(kb_dirs).actors.values(), stored)
    written = exports.write_networks(out_dir, actors, statements)
    written.append(report.write_report(out_dir, cast(list[Document], records["documents"]), actors,
                                       cast(list[Quote], records["quotes"]), statements,
                                       mentioned=[a.id for a in stored]))
    return written


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]Analysing[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeRemainingColumn(),
        disable=quiet,
        transient=False,
    )


def run(paths: Iterable[str | Path], out_dir: Path, config: Optional[Config] = None, db_url: Optional[str] = None,
        quiet: bool = False, csv: bool = False) -> Summary:
    """Analyse the articles under `paths` into `out_dir` (and the database at `db_url`)."""
    config = config or Config()
    paths = list(paths)
    executor = check(config, paths, db_url)
    options = ingest.Options.from_config(config.ingest)
    store = open_store(db_url) if db_url else None
    prepare_out_dir(out_dir)
    db_url = db_url or sqlite_url(out_dir / "detente.db")
    store = store or open_store(db_url)
    taxonomy = load_taxonomy(config.stances.issues)
    summary = Summary(out_dir=out_dir, db_url=db_url, taxonomy=taxonomy.name)
    positions = 0

    with _progress(quiet) as progress:
        files = [p for p in ingest.discover(paths) if isinstance(p, Path)]
        task = progress.add_task("analyse", total=ingest.count(files))

        def pending() -> Iterator[Document]:
            for item in read_corpus(paths, options, stored=store.has_document):
                if isinstance(item, Document):
                    yield item
                    continue
                if isinstance(item, Skipped):
                    summary.already_stored += 1
                else:
                    summary.problems.append(item)
                progress.advance(task)

        for result in executor.map(config, pending()):
            if isinstance(result, Problem):
                summary.problems.append(result)
            elif store.add(result.document, result.records):
                summary.added += 1
                positions += sum(1 for s in cast(list[Statement], result.of("statements")) if s.stance != "neutral")
            progress.advance(task)

    records = store.read_all()
    summary.files = exports.write_records(records, out_dir, csv=csv) + write_report(records, out_dir, config.actors.kb)
    summary.files.append(write_problems(out_dir / "errors.jsonl", summary.problems))
    summary.notes += filter(None, [coverage(taxonomy, summary.added, positions)])
    summary.files.append(write_run(out_dir / "run.json", summary, taxonomy.source))
    summary.counts = store.counts()
    return summary


def write_problems(path: Path, problems: list[Problem]) -> Path:
    """Write this run's problems, one JSON object a line."""
    with open(path, "w", encoding="utf-8") as fh:
        for problem in problems:
            fh.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")
    return path


def write_run(path: Path, summary: Summary, taxonomy_file: object) -> Path:
    """Write what the run used and advised: its taxonomy (name and file) and its notes."""
    facts = {"taxonomy": summary.taxonomy, "taxonomy_file": str(taxonomy_file), "added": summary.added,
             "notes": summary.notes}
    path.write_text(json.dumps(facts, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
