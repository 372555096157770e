"""Re-analysis: the stances stage run again, with another issue taxonomy, on the parses the
store keeps of each article (``detente restance``), without parsing them again.

The actors and quotes stages run again on each stored parse first (cheap next to parsing),
so that the stances stage sees the same mentions, speakers and quotes as in a full run. The
statements of that taxonomy are replaced, those of other taxonomies kept, and the exports
and the report rewritten; running it twice gives the same store.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, cast

from rich.progress import Progress

from detente import exports, pipeline, runner
from detente.actors.kb import load_kb
from detente.config import Config
from detente.errors import InputPathError
from detente.records import Actor, Document, Statement
from detente.stances.taxonomy import load_taxonomy
from detente.store import Store, engine_for, open_store, sqlite_url

STAGES = ["actors", "quotes", "stances"]  # those the stances stage reads from


@dataclass
class Restanced:
    """What a re-analysis did."""

    out_dir: Path
    taxonomy: str
    documents: int = 0
    statements: int = 0  # of the taxonomy, stored now
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # advice that is not an error


def restance(out_dir: Path, issues: str, config: Optional[Config] = None, db_url: Optional[str] = None,
             quiet: bool = False, csv: bool = False) -> Restanced:
    """Run the stances stage again with the taxonomy `issues` on the documents stored in
    `out_dir` (or the database at `db_url`), with the model and KB folders of the last run
    unless `config` names KB folders; replace that taxonomy's statements and rewrite the
    exports and the report."""
    config = config or Config()
    taxonomy = load_taxonomy(issues)
    load_kb(config.actors.kb)
    if db_url:
        engine_for(db_url)
    elif not (out_dir / "detente.db").is_file():
        raise InputPathError(f"{out_dir} holds no Détente run (no detente.db); run `detente run … -o {out_dir}` first.")
    runner.prepare_out_dir(out_dir)
    with runner.holding(out_dir):
        store = open_store(db_url or sqlite_url(out_dir / "detente.db"))
        config = _as_stored(config, store).replace(stances_issues=issues, pipeline_stages=STAGES)
        return _restance(out_dir, config, taxonomy.name, store, quiet, csv)


def _as_stored(config: Config, store: Store) -> Config:
    """`config` with the model (and, unless it names some, the KB folders) of the last run."""
    runs = store.runs()
    if not runs:
        return config
    last = runs[-1]
    return config.replace(pipeline_model=last["model"], actors_kb=None if config.actors.kb else list(last["kb"]))


def _restance(out_dir: Path, config: Config, taxonomy: str, store: Store, quiet: bool, csv: bool) -> Restanced:
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    nlp = pipeline.build(config)
    documents = {d.id: d for d in cast(list[Document], store.read("documents"))}
    done = Restanced(out_dir=out_dir, taxonomy=taxonomy)
    statements: list[Statement] = []
    actors: dict[str, Actor] = {}
    doc_ids: list[str] = []
    with Progress(disable=quiet, transient=True) as progress:
        task = progress.add_task("Re-analysing", total=len(documents))
        for doc_id, parsed in store.parses():
            found = runner.stamped(pipeline.rerun(nlp, documents[doc_id], parsed).records, taxonomy,
                                   config.actors.kb)
            statements += cast(list[Statement], found["statements"])
            actors.update((a.id, a) for a in cast(list[Actor], found.get("actors") or []))
            doc_ids.append(doc_id)
            progress.advance(task)
    store.replace_statements(taxonomy, doc_ids, statements, list(actors.values()))
    records = store.records()  # streamed from the store by each export, never all held
    done.files = exports.write_records(records, out_dir, csv=csv) + runner.write_report(
        records, out_dir, config.actors.kb, config.analysis.duplicates)
    done.documents, done.statements = len(doc_ids), len(statements)
    done.notes += filter(None, [shared_issues(cast(list[Statement], store.read("statements")), taxonomy)])
    store.add_run(config, started, 0, len(doc_ids), 0)
    done.seconds = time.perf_counter() - clock
    return done


def shared_issues(statements: list[Statement], taxonomy: str) -> Optional[str]:
    """A note when statements of `taxonomy` and of another taxonomy in the store name the
    same issue id, which the analyses then count as one issue."""
    mine = {s.issue for s in statements if s.taxonomy == taxonomy}
    others = {s.taxonomy for s in statements if s.taxonomy != taxonomy and s.issue in mine}
    if not others:
        return None
    both = sorted(mine & {s.issue for s in statements if s.taxonomy in others})
    return (f"The store also holds statements of {', '.join(sorted(others))} on the issue(s) {', '.join(both)}, "
            f"which the report and the analysis tables count together with those of {taxonomy}; run into a new "
            "output folder to keep the two apart.")
