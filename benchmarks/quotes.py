"""Quotation benchmark: Détente against textacy's direct_quotations and the Gender Gap
Tracker's QuoteExtractor on the same articles.

Runs the systems on the seed articles and the VOA development stories (scored with
shared/tools/score.py against their gold: attribution and span F1, recall by kind) and on
the PolNeAR dev split (scored with shared/tools/score_polnear.py, overall and on quotes with
quotation marks, Détente's quotes rewritten in PolNeAR's span conventions by
detente.evaluation.polnear), prints each scorer's output and a table of the systems side by
side, counts the articles on which a peer raised, and times the quote stage against the
whole pipeline.

The peers run in interpreters of their own, because they do not belong in Détente's install
(benchmarks/quote_peers.py has their adapters): textacy in --peer-python
(`python -m venv /tmp/tx && /tmp/tx/bin/pip install textacy==0.13.0` and the spaCy model),
the Gender Gap Tracker from the checkout --ggt in --ggt-python (spaCy, the spaCy model and
pymongo, for their `bson` import). Without one, that peer is skipped with a note.

usage: python benchmarks/quotes.py [--shared ../shared] [--peer-python /tmp/tx/bin/python]
                                   [--ggt DIR --ggt-python /tmp/ggt-venv/bin/python] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import spacy

from detente import pipeline
from detente.config import DEFAULT_MODEL, Config
from detente.evaluation.polnear import polnear_records, with_quotation_marks
from detente.quotes import find_quotes
from detente.records import Document, text_id
from quote_peers import GGT_IMPORT, GGT_SCRIPT, TEXTACY_SCRIPT, ggt_file_records, peer_runs, run_adapter

REPO = pathlib.Path(__file__).resolve().parent.parent
SETS = ("seeds", "voa-dev", "polnear")
TITLES = {"detente": "Détente", "textacy": "textacy 0.13.0",
          "ggt": "GGT QuoteExtractor (no coreference)"}


def build_pipeline(model: str) -> spacy.Language:
    """The spaCy model with Détente's actors and quotes stages (actors link the speakers)."""
    return pipeline.build(Config().replace(pipeline_model=model, pipeline_stages=["actors", "quotes"]))


def run_detente(nlp: spacy.Language, paths: list[pathlib.Path],
                published: str | None) -> tuple[list[dict], list[dict], float, float]:
    """Quotes of every article, the same in PolNeAR's conventions, the pipeline's total
    time and the quote stage's time."""
    records, converted, total, quoting = [], [], 0.0, 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        document = Document(id=text_id(text), doc=path.name, source=str(path), text=text, published=published)
        t0 = time.perf_counter()
        doc = nlp(pipeline.make_doc(nlp, document))
        total += time.perf_counter() - t0
        t0 = time.perf_counter()
        find_quotes(doc, doc._.resolver)
        quoting += time.perf_counter() - t0
        records += [q.to_dict() for q in doc._.quotes]
        converted += polnear_records([q.to_dict() for q in doc._.quotes], doc)
    return records, converted, total, quoting


def write_jsonl(path: pathlib.Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def score(args: list[str]) -> str:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True).stdout.rstrip()


def read_jsonl(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run_textacy(python: str, model: str, articles: dict[str, list[pathlib.Path]],
                out: pathlib.Path) -> dict[str, int] | None:
    """textacy's quotations of each set of `articles` written to `out`; how many articles of
    each it raised on, or None when `python` has no textacy."""
    if not peer_runs(python, "import textacy"):
        print(f"note: {python} does not import textacy, so textacy is skipped; give it its own "
              "environment (python -m venv /tmp/tx && /tmp/tx/bin/pip install textacy==0.13.0 and the spaCy model).")
        return None
    return {name: run_adapter(python, TEXTACY_SCRIPT, [model], paths, out / f"textacy.{name}.jsonl")
            for name, paths in articles.items()}


def run_ggt(python: str, checkout: str | None, model: str, articles: dict[str, list[pathlib.Path]],
            out: pathlib.Path) -> dict[str, int] | None:
    """The Gender Gap Tracker's quotes of each set of `articles` (its raw output beside them),
    as our records in `out`; how many articles of each it raised on, or None when there is no
    checkout or `python` cannot import its extractor."""
    if checkout is None:
        print("note: no Gender Gap Tracker checkout (--ggt DIR), so it is skipped.")
        return None
    if not peer_runs(python, GGT_IMPORT, checkout):
        print(f"note: {python} cannot import {checkout}/nlp/english/quote_extractor.py, so the Gender Gap Tracker "
              "is skipped; give it its own environment (spaCy, the spaCy model and pymongo).")
        return None
    raised = {}
    for name, paths in articles.items():
        raw = out / f"ggt.{name}.raw.jsonl"
        raised[name] = run_adapter(python, GGT_SCRIPT, [checkout, model], paths, raw)
        texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
        write_jsonl(out / f"ggt.{name}.jsonl", ggt_file_records(raw, texts))
    return raised


def scores(system: str, shared: pathlib.Path, out: pathlib.Path) -> dict[str, str]:
    """The scorers' outputs for `system`'s predictions in `out`: the seed gold, the VOA gold,
    PolNeAR dev over all attributions and over those with quotation marks."""
    tools, gold = shared / "tools", shared / "gold"
    dev = shared / "peers" / "polnear" / "data" / "dev"
    return {
        "seeds": score([str(tools / "score.py"), "quotes", str(gold / "seeds.quotes.jsonl"),
                        str(out / f"{system}.seeds.jsonl")]),
        "voa-dev": score([str(tools / "score.py"), "quotes", str(gold / "voa-dev.quotes.jsonl"),
                          str(out / f"{system}.voa-dev.jsonl")]),
        "polnear": score([str(tools / "score_polnear.py"), str(dev), str(out / f"{system}.polnear.jsonl")]),
        "polnear-direct": score([str(tools / "score_polnear.py"), str(dev), str(out / f"{system}.polnear-direct.jsonl"),
                                 "--direct-only"]),
    }


def print_scores(found: dict[str, str]) -> None:
    """The scorers' outputs of one system, each under its heading."""
    for heading, key in (("seed gold", "seeds"), ("VOA development stories", "voa-dev"),
                         ("PolNeAR dev, all attributions", "polnear"),
                         ("PolNeAR dev, attributions with quotation marks (predictions: those whose content has one)",
                          "polnear-direct")):
        print(f"-- {heading}")
        print(found[key])


def figure(output: str, pattern: str) -> str:
    """The first group of `pattern` in a scorer's `output` (one line), or — when it is absent."""
    found = re.search(pattern, output, re.MULTILINE)
    return found.group(1) if found else "—"


def who_said_what(output: str) -> str:
    """score_polnear.py's who-said-what figure as "F1 (P p, R r)", or — when it is absent."""
    found = re.search(r"^who-said-what .*P=(\S+) R=(\S+) F1=(\S+)", output, re.MULTILINE)
    return f"{found.group(3)} (P {found.group(1)}, R {found.group(2)})" if found else "—"


def summary_rows(found: dict[str, str]) -> list[tuple[str, str]]:
    """The table's rows for one system's scorer outputs: (label, figure)."""
    rows = []
    for key, label in (("seeds", "seed gold"), ("voa-dev", "VOA development stories")):
        rows += [(f"{label}, attribution F1", figure(found[key], r"^attribution .*F1=(\S+)")),
                 (f"{label}, span F1", figure(found[key], r"^span .*F1=(\S+)")),
                 (f"{label}, attributed recall by kind", figure(found[key], r"^recall by kind: (.*)$"))]
    for key, label in (("polnear", "all attributions"), ("polnear-direct", "quotation marks")):
        rows += [(f"PolNeAR dev, who-said-what F1, {label}", who_said_what(found[key])),
                 (f"PolNeAR dev, content exact-span F1, {label}", figure(found[key], r"^content .*?exact .*?F1=(\S+)")),
                 (f"PolNeAR dev, source exact-span F1, {label}", figure(found[key], r"^source .*?exact .*?F1=(\S+)"))]
    return rows


def summary(found: dict[str, dict[str, str]], raised: dict[str, dict[str, int]], sizes: dict[str, int]) -> str:
    """A Markdown table of the systems' figures side by side, and the articles each peer raised on."""
    systems = list(found)
    labels = [label for label, _ in summary_rows(found[systems[0]])]
    columns = {system: dict(summary_rows(found[system])) for system in systems}
    lines = ["| | " + " | ".join(TITLES[s] for s in systems) + " |", "| --- |" + " --- |" * len(systems)]
    lines += [f"| {label} | " + " | ".join(columns[s][label] for s in systems) + " |" for label in labels]
    counts = {s: ", ".join(f"{name} {raised[s][name]}/{sizes[name]}" for name in SETS) if s in raised else "—"
              for s in systems}
    lines.append("| articles on which it raised | " + " | ".join(counts[s] for s in systems) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared folder (gold, peers, tools)")
    parser.add_argument("--peer-python", default="/tmp/tx/bin/python", help="interpreter with textacy==0.13.0")
    parser.add_argument("--ggt", help="a checkout of the Gender Gap Tracker (the folder holding nlp/english)")
    parser.add_argument("--ggt-python", default="/tmp/ggt-venv/bin/python",
                        help="interpreter with spaCy, the spaCy model and pymongo, for the Gender Gap Tracker")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--out", help="folder for the predictions (default: a temporary folder)")
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    out = pathlib.Path(args.out or tempfile.mkdtemp(prefix="detente-quotes-"))
    out.mkdir(parents=True, exist_ok=True)
    articles = {"seeds": sorted((shared / "corpus" / "seeds").glob("*.txt")),
                "voa-dev": sorted((shared / "corpus" / "voa-dev").glob("*.txt")),
                "polnear": sorted((shared / "peers" / "polnear" / "data" / "dev" / "text").glob("*.txt"))}
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles["polnear"]}
    nlp = build_pipeline(args.model)

    seed_quotes, _, seed_time, seed_quote_time = run_detente(nlp, articles["seeds"], "2025-08-12")
    write_jsonl(out / "detente.seeds.jsonl", seed_quotes)
    voa_quotes, _, voa_time, voa_quote_time = run_detente(nlp, articles["voa-dev"], None)
    write_jsonl(out / "detente.voa-dev.jsonl", voa_quotes)
    pn_quotes, converted, pn_time, pn_quote_time = run_detente(nlp, articles["polnear"], None)
    write_jsonl(out / "detente.polnear.records.jsonl", pn_quotes)
    write_jsonl(out / "detente.polnear.jsonl", converted)
    raised = {name: counts for name, counts in (
        ("textacy", run_textacy(args.peer_python, args.model, articles, out)),
        ("ggt", run_ggt(args.ggt_python, args.ggt, args.model, articles, out))) if counts is not None}
    found = {}
    for system in ("detente", *raised):
        polnear_found = read_jsonl(out / f"{system}.polnear.jsonl")
        write_jsonl(out / f"{system}.polnear-direct.jsonl", with_quotation_marks(polnear_found, texts))
        found[system] = scores(system, shared, out)
        print(f"==== {TITLES[system]}")
        print_scores(found[system])
    print("==== side by side (speakers as each system gives them; the GGT's pipeline resolves its speakers "
          "with neuralcoref, which needs spaCy 2.1 and is not run)")
    print(summary(found, raised, {name: len(paths) for name, paths in articles.items()}))
    quoting, total = seed_quote_time + voa_quote_time + pn_quote_time, seed_time + voa_time + pn_time
    print(f"==== speed: the quote stage takes {quoting:.2f}s of the pipeline's {total:.2f}s on "
          f"{sum(len(paths) for paths in articles.values())} articles: it adds {quoting / (total - quoting):.1%} "
          "to the other stages")
    print(f"predictions in {out}")


if __name__ == "__main__":
    main()
