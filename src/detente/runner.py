"""A whole run: read the inputs, analyse new documents, store them, write the exports."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import analysis, export, ingest, pipeline, report
from . import nlp as nlp_module
from .actors.kb import load_kb, overlay
from .records import Actor, Document, Mention, Problem, Quote, Statement
from .store import Store, open_store, sqlite_url

RECORD_TYPES = {
    "documents": Document,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "statements": Statement,
}


class RunError(Exception):
    """The run cannot start at all; the message says why."""


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


def _pending(
    files: list[Path], options: ingest.Options, store: Store, summary: Summary, on_skip: Callable[[], None]
) -> Iterator[Document]:
    """Documents not yet stored, in input order; problems and skips are recorded on the way."""
    seen: set[str] = set()
    for path in files:
        for item in ingest.read(path, options):
            if isinstance(item, Problem):
                summary.problems.append(item)
                on_skip()
            elif item.id in seen or store.has_document(item.id):
                summary.already_stored += 1
                on_skip()
            else:
                seen.add(item.id)
                yield item


def load_records(store: Store) -> dict[str, list]:
    """Every record type the store holds, read once for the exports and the report."""
    return {name: getattr(store, name)() for name in RECORD_TYPES}


def export_all(records: dict[str, list], out_dir: Path, csv: bool = False) -> list[Path]:
    """Write every record type as JSON Lines (and CSV)."""
    written = []
    for name, cls in RECORD_TYPES.items():
        written.append(export.write_jsonl(out_dir / f"{name}.jsonl", records[name]))
        if csv:
            written.append(export.write_csv(out_dir / f"{name}.csv", records[name], cls.fields()))
    return written


def write_report(records: dict[str, list], out_dir: Path, kb_dirs: Iterable[str] = ()) -> list[Path]:
    """Write the network exports and OUT/report.html; the report names first the blocs
    among the stored actors, which are those the articles mention."""
    stored, statements = records["actors"], records["statements"]
    actors = overlay(load_kb(kb_dirs).actors.values(), stored)
    written = analysis.export_all(out_dir, actors, statements)
    written.append(report.write_report(out_dir, records["documents"], actors, records["quotes"], statements,
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


def run(
    paths: Iterable[str | Path],
    out_dir: Path,
    settings: Optional[nlp_module.Settings] = None,
    db_url: Optional[str] = None,
    workers: int = 1,
    quiet: bool = False,
    options: Optional[ingest.Options] = None,
    csv: bool = False,
) -> Summary:
    """Analyse the articles under `paths` into `out_dir` (and the database at `db_url`)."""
    settings = settings or nlp_module.Settings()
    options = options or ingest.Options()
    prepare_out_dir(out_dir)
    db_url = db_url or sqlite_url(out_dir / "detente.db")
    summary = Summary(out_dir=out_dir, db_url=db_url)
    store = open_store(db_url)

    files = []
    for item in ingest.discover(paths):
        (summary.problems.append if isinstance(item, Problem) else files.append)(item)

    with _progress(quiet) as progress:
        task = progress.add_task("analyse", total=ingest.count(files))
        pending = _pending(files, options, store, summary, lambda: progress.advance(task))
        if workers > 1:
            results = pipeline.analyze_parallel(settings, pending, workers)
        else:
            results = pipeline.analyze_documents(nlp_module.load(settings), pending)
        for result in results:
            if isinstance(result, Problem):
                summary.problems.append(result)
            elif store.add(result.document, result.actors, result.mentions, result.quotes, result.statements):
                summary.added += 1
            progress.advance(task)

    records = load_records(store)
    summary.files = export_all(records, out_dir, csv=csv) + write_report(records, out_dir, settings.kb_dirs)
    summary.files.append(write_problems(out_dir / "errors.jsonl", summary.problems))
    summary.counts = store.counts()
    return summary


def write_problems(path: Path, problems: list[Problem]) -> Path:
    """Write this run's problems, one JSON object a line."""
    with open(path, "w", encoding="utf-8") as fh:
        for problem in problems:
            fh.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")
    return path
