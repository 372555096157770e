"""A whole run: read the inputs, analyse new documents, store them, write the exports.

Everything the user named (paths, configuration, taxonomy, knowledge base, model,
database URL) is checked before the output folder is made, so that a mistake costs
one sentence and leaves nothing behind.
"""
from __future__ import annotations

import dataclasses
import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, cast

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from detente import analysis, exports, ingest, pipeline, report
from detente.actors.kb import load_kb, overlay
from detente.config import Config
from detente.errors import RunError
from detente.events.ontology import load_ontology
from detente.executors import Executor, for_workers
from detente.executors.serial import SerialExecutor
from detente.exports.files import replacing
from detente.ingest.corpus import Skipped, read_corpus
from detente.records import Actor, Document, Event, Problem, Quote, Record, Statement, record_id
from detente.stances.review import coverage
from detente.stances.taxonomy import Taxonomy, load_taxonomy
from detente.store import Store, engine_for, open_store, sqlite_url

if sys.platform != "win32":
    import fcntl

LOCK_FILE = ingest.OUTPUT_MARKERS[0]


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
    undated: int = 0  # stored articles whose date could not be found
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


@contextmanager
def holding(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock (OUT/.detente-run, which also marks the folder as
    Détente's, never read as input) for the block; another run holding it is a RunError."""
    path = out_dir / LOCK_FILE
    with open(path, "a", encoding="utf-8") as handle:
        if sys.platform != "win32":
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise RunError(f"Another Détente run is writing to {out_dir} (it holds {path}); wait for it to "
                               "finish, or write to another output folder.") from err
        for stale in out_dir.glob(".*.tmp"):  # left by a run that was killed while writing
            stale.unlink(missing_ok=True)
        yield


def check(config: Config, paths: Iterable[str | Path], db_url: Optional[str]) -> tuple[Executor, Taxonomy]:
    """Check everything the user named before anything is written, and return the
    executor to run with and the issue taxonomy, loaded once for the whole run; each
    mistake is a UsageError naming the file or option."""
    ingest.check_paths(paths)
    ingest.Options.from_config(config.ingest)
    load_kb(config.actors.kb)
    taxonomy = load_taxonomy(config.stances.issues)
    load_ontology(config.events.ontology)
    if db_url:
        engine_for(db_url)
    if config.run.workers > 1:
        pipeline.build(config.replace(pipeline_stages=[]))  # the model exists; workers build the rest
        return for_workers(config.run.workers), taxonomy
    return SerialExecutor(pipeline.build(config)), taxonomy


def stamped(records: dict[str, list[Record]], taxonomy: str, kb_dirs: Iterable[str]) -> dict[str, list[Record]]:
    """`records` with each statement naming the taxonomy and the KB folders it came from; its
    id names the taxonomy too, so that statements of two taxonomies never share one."""
    statements = [dataclasses.replace(s, id=record_id(s.id, taxonomy), taxonomy=taxonomy, kb=list(kb_dirs))
                  for s in cast(list[Statement], records.get("statements", []))]
    return {**records, "statements": cast(list[Record], statements)}


def write_report(records: Mapping[str, Iterable[Record]], out_dir: Path, kb_dirs: Iterable[str] = (),
                 duplicates: Optional[str] = None) -> list[Path]:
    """Write the network exports, the analysis tables and OUT/report.html, counting repeated
    statements as `duplicates` says (DNA's options); the report names first the blocs among
    the stored actors, which are those the articles mention. Only the record types the
    analyses read are held (a store's `records()` streams the others, never read here)."""
    stored = cast(list[Actor], list(records["actors"]))
    statements = cast(list[Statement], list(records["statements"]))
    actors = overlay(load_kb(kb_dirs).actors.values(), stored)
    documents = cast(list[Document], list(records["documents"]))
    quotes = cast(list[Quote], list(records["quotes"]))
    found = analysis.analyse(documents, actors, quotes, statements, mentioned=[a.id for a in stored],
                             duplicates=duplicates)
    written = exports.write_networks(out_dir, actors, found.statements) + exports.write_analysis(out_dir, found.tables)
    written.append(report.write_report(out_dir, documents, actors, quotes, statements,
                                       mentioned=[a.id for a in stored], findings=found,
                                       events=cast(list[Event], list(records.get("events", [])))))
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
        quiet: bool = False, csv: bool = False, executor: Optional[Executor] = None) -> Summary:
    """Analyse the articles under `paths` into `out_dir` (and the database at `db_url`),
    with `executor` if given (a Ray executor), else the one for `config.run.workers`."""
    config = config or Config()
    paths = list(paths)
    # a given executor (Ray) builds its own pipelines: only the model is checked here
    checked, taxonomy = check(config if executor is None else config.replace(run_workers=2), paths, db_url)
    executor = executor or checked
    store = open_store(db_url) if db_url else None
    prepare_out_dir(out_dir)
    with holding(out_dir):
        db_url = db_url or sqlite_url(out_dir / "detente.db")
        return _run(paths, out_dir, config, executor, taxonomy, store or open_store(db_url), db_url, quiet, csv)


def _run(paths: list[str | Path], out_dir: Path, config: Config, executor: Executor, taxonomy: Taxonomy,
         store: Store, db_url: str, quiet: bool, csv: bool) -> Summary:
    options = ingest.Options.from_config(config.ingest)
    summary = Summary(out_dir=out_dir, db_url=db_url, taxonomy=taxonomy.name)
    started = datetime.now(timezone.utc)
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
            elif store.add(result.document, stamped(result.records, taxonomy.name, config.actors.kb), result.parsed):
                summary.added += 1
                positions += sum(1 for s in cast(list[Statement], result.of("statements")) if s.stance != "neutral")
            else:  # stored meanwhile, by a run writing to the same database
                summary.already_stored += 1
            progress.advance(task)

    records = store.records()  # streamed from the store by each export, never all held
    summary.files = exports.write_records(records, out_dir, csv=csv) + write_report(records, out_dir, config.actors.kb,
                                                                              config.analysis.duplicates)
    if csv and "events" in config.pipeline.stages:
        summary.files.append(exports.write_events_csv(
            out_dir / "events_polecat.csv", cast(Iterable[Event], records["events"]),
            cast(list[Actor], store.read("actors")), cast(Iterable[Document], records["documents"])))
    summary.files.append(write_problems(out_dir / "errors.jsonl", summary.problems))
    summary.notes += filter(None, [coverage(taxonomy, summary.added, positions),
                                   _restance_advice(summary, store.distinct("statements", "taxonomy"),
                                                    config.stances.issues)])
    summary.files.append(write_run(out_dir / "run.json", summary, taxonomy.source))
    summary.counts = store.counts()
    summary.undated = store.count_missing("documents", "published")
    store.add_run(config, started, summary.added, summary.already_stored, len(summary.problems))
    return summary


def _restance_advice(summary: Summary, taxonomies: Iterable[str], issues: str) -> Optional[str]:
    """Advice for articles stored before with another taxonomy (`taxonomies`, those of the
    stored statements), which this run did not analyse again."""
    found = set(taxonomies)
    if not summary.already_stored or summary.taxonomy in found or not found:
        return None
    return (f"{summary.already_stored} article(s) were stored before and keep the statements of "
            f"{', '.join(sorted(found))}; `detente restance {summary.out_dir} --issues {issues}` finds their "
            f"stances on the issues of {summary.taxonomy} without parsing them again.")


def write_problems(path: Path, problems: list[Problem]) -> Path:
    """Write this run's problems, one JSON object a line."""
    with replacing(path) as fh:
        for problem in problems:
            fh.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")
    return path


def write_run(path: Path, summary: Summary, taxonomy_file: object) -> Path:
    """Write what the run used and advised: its taxonomy (name and file) and its notes."""
    facts = {"taxonomy": summary.taxonomy, "taxonomy_file": str(taxonomy_file), "added": summary.added,
             "notes": summary.notes}
    with replacing(path) as fh:
        fh.write(json.dumps(facts, ensure_ascii=False, indent=2) + "\n")
    return path
