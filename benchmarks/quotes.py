"""Quotation benchmark: Détente against textacy's direct_quotations on the same articles.

Runs both systems on the seed articles and the VOA development stories (scored with
shared/tools/score.py against their gold: attribution and span F1, recall by kind) and on
the PolNeAR dev split (scored with shared/tools/score_polnear.py,
overall and on quotes with quotation marks, Détente's quotes rewritten in PolNeAR's span
conventions by detente.evaluation.polnear), counts the articles on which textacy raised,
and times the quote stage against the whole pipeline.

textacy is run by a separate interpreter (--peer-python), because it does not belong in
Détente's install: `python -m venv /tmp/tx && /tmp/tx/bin/pip install textacy==0.13.0`.
Without one, the textacy part is skipped with a note.

usage: python benchmarks/quotes.py [--shared ../shared] [--peer-python /tmp/tx/bin/python] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import pathlib
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

REPO = pathlib.Path(__file__).resolve().parent.parent

TEXTACY_SCRIPT = r"""
import json, sys, spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])
raised = 0
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for path in json.load(open(sys.argv[2])):
        text = open(path, encoding="utf-8").read()
        doc = nlp(text)
        try:
            triples = list(direct_quotations(doc))
        except Exception:
            raised += 1
            continue
        for speaker, cue, content in triples:
            rec = {"doc": path.rsplit("/", 1)[-1], "kind": "direct", "text": content.text,
                   "start": content.start_char, "end": content.end_char,
                   "speaker": " ".join(t.text for t in speaker) or None}
            if speaker:
                rec.update(speaker_start=speaker[0].idx, speaker_end=speaker[-1].idx + len(speaker[-1]))
            if cue:
                rec.update(cue_start=cue[0].idx, cue_end=cue[-1].idx + len(cue[-1]))
            out.write(json.dumps(rec) + "\n")
print(raised)
"""


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


def has_textacy(peer_python: str) -> bool:
    """Whether the interpreter `peer_python` exists and imports textacy."""
    try:
        return subprocess.run([peer_python, "-c", "import textacy"], capture_output=True).returncode == 0
    except OSError:
        return False


def run_textacy(peer_python: str, model: str, paths: list[pathlib.Path], out: pathlib.Path) -> int:
    """Run textacy in the peer interpreter; returns how many articles it raised on."""
    listing = out.with_suffix(".paths.json")
    listing.write_text(json.dumps([str(p) for p in paths]))
    done = subprocess.run([peer_python, "-c", TEXTACY_SCRIPT, model, str(listing), str(out)],
                          capture_output=True, text=True, check=True)
    return int(done.stdout.strip().splitlines()[-1])


def write_jsonl(path: pathlib.Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def score(args: list[str]) -> str:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True).stdout.rstrip()


def run_peer(peer_python: str, model: str, seeds: list[pathlib.Path], voa: list[pathlib.Path],
             polnear: list[pathlib.Path], texts: dict[str, str], out: pathlib.Path) -> tuple[int, int] | None:
    """textacy's quotations of the seeds, the VOA stories and PolNeAR dev written beside Détente's; how
    many articles of each it raised on, or None when `peer_python` has no textacy."""
    if not has_textacy(peer_python):
        print(f"note: {peer_python} does not import textacy, so textacy is skipped; give it its own "
              "environment (python -m venv /tmp/tx && /tmp/tx/bin/pip install textacy==0.13.0 and the spaCy model).")
        return None
    seed_raised = run_textacy(peer_python, model, seeds, out / "textacy.seeds.jsonl")
    run_textacy(peer_python, model, voa, out / "textacy.voa-dev.jsonl")
    polnear_raised = run_textacy(peer_python, model, polnear, out / "textacy.polnear.jsonl")
    found = [json.loads(line) for line in (out / "textacy.polnear.jsonl").read_text(encoding="utf-8").splitlines()]
    write_jsonl(out / "textacy.polnear-direct.jsonl", with_quotation_marks(found, texts))
    return seed_raised, polnear_raised


def print_scores(system: str, shared: pathlib.Path, out: pathlib.Path) -> None:
    """The scores of `system`'s predictions in `out` on the seed gold and on PolNeAR dev."""
    tools = shared / "tools"
    dev = shared / "peers" / "polnear" / "data" / "dev"
    gold = shared / "gold" / "seeds.quotes.jsonl"
    print("-- seed gold")
    print(score([str(tools / "score.py"), "quotes", str(gold), str(out / f"{system}.seeds.jsonl")]))
    print("-- VOA development stories")
    print(score([str(tools / "score.py"), "quotes", str(shared / "gold" / "voa-dev.quotes.jsonl"),
                 str(out / f"{system}.voa-dev.jsonl")]))
    print("-- PolNeAR dev, all attributions")
    print(score([str(tools / "score_polnear.py"), str(dev), str(out / f"{system}.polnear.jsonl")]))
    print("-- PolNeAR dev, attributions with quotation marks (predictions: those whose content has one)")
    direct = out / f"{system}.polnear-direct.jsonl"
    print(score([str(tools / "score_polnear.py"), str(dev), str(direct), "--direct-only"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared folder (gold, peers, tools)")
    parser.add_argument("--peer-python", default="/tmp/tx/bin/python", help="interpreter with textacy==0.13.0")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--out", help="folder for the predictions (default: a temporary folder)")
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    out = pathlib.Path(args.out or tempfile.mkdtemp(prefix="detente-quotes-"))
    out.mkdir(parents=True, exist_ok=True)
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    voa = sorted((shared / "corpus" / "voa-dev").glob("*.txt"))
    polnear = sorted((shared / "peers" / "polnear" / "data" / "dev" / "text").glob("*.txt"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in polnear}
    nlp = build_pipeline(args.model)

    seed_quotes, _, seed_time, seed_quote_time = run_detente(nlp, seeds, "2025-08-12")
    write_jsonl(out / "detente.seeds.jsonl", seed_quotes)
    voa_quotes, _, voa_time, voa_quote_time = run_detente(nlp, voa, None)
    write_jsonl(out / "detente.voa-dev.jsonl", voa_quotes)
    pn_quotes, converted, pn_time, pn_quote_time = run_detente(nlp, polnear, None)
    write_jsonl(out / "detente.polnear.records.jsonl", pn_quotes)
    write_jsonl(out / "detente.polnear.jsonl", converted)
    write_jsonl(out / "detente.polnear-direct.jsonl", with_quotation_marks(converted, texts))
    raised = run_peer(args.peer_python, args.model, seeds, voa, polnear, texts, out)

    print("==== detente")
    print_scores("detente", shared, out)
    if raised is not None:
        print("==== textacy")
        print(f"articles on which textacy raised: seeds {raised[0]}/{len(seeds)}, "
              f"PolNeAR dev {raised[1]}/{len(polnear)}")
        print_scores("textacy", shared, out)
    quoting, total = seed_quote_time + voa_quote_time + pn_quote_time, seed_time + voa_time + pn_time
    print(f"==== speed: the quote stage takes {quoting:.2f}s of the pipeline's {total:.2f}s on "
          f"{len(seeds) + len(voa) + len(polnear)} articles: it adds {quoting / (total - quoting):.1%} "
          "to the other stages")
    print(f"predictions in {out}")


if __name__ == "__main__":
    main()
