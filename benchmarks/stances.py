"""Stance benchmark: P/R/F1 of ``statements.jsonl`` against the development gold.

Runs ``detente run`` (the installed command) on

- the seed articles and the VOA development stories under the shipped
  ``ukraine-peace-2025`` taxonomy, scored on the seeds and on the VOA Ukraine stories;
- the Korean-peninsula and Turkey-S-400 VOA stories under the analyst-written, pattern-free
  taxonomies of ``shared/taxonomies``;
- the seeds and the VOA Ukraine stories again under ``ukraine-peace-2025-minimal`` (the same
  issues without patterns), beside the full-pattern figures;

and scores each with ``shared/tools/score.py stances``. Every taxonomy runs over all the VOA
stories: the positions it finds in stories about other conflicts (``off-topic``) are false
positives a user would see. With ``--timing`` it also times the
stance stage against the whole pipeline on the same articles.

usage: python benchmarks/stances.py [--shared ../shared] [--out DIR] [--timing]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
OTHER_TAXONOMIES = {
    "korean-peninsula": ("voa_6184244", "voa_6181235", "voa_7677701"),
    "turkey-s400-2019": ("voa_6180015", "voa_6180932"),
}
NOT_UKRAINE = tuple(doc for docs in OTHER_TAXONOMIES.values() for doc in docs)
UKRAINE = ("voa_8005899", "voa_8008456", "voa_8010842")  # the VOA stories of the Ukraine gold


def detente() -> str:
    found = pathlib.Path(sys.executable).with_name("detente")
    return str(found) if found.exists() else "detente"


def run(paths: list[pathlib.Path], out: pathlib.Path, issues: str | None = None) -> float:
    shutil.rmtree(out, ignore_errors=True)  # a store left by an earlier run would skip the articles
    command = [detente(), "run", *map(str, paths), "-o", str(out), "--quiet"]
    if issues:
        command += ["--issues", issues]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def attempt(name: str, paths: list[pathlib.Path], out: pathlib.Path, issues: str | None = None) -> float | None:
    """`run`, or None (with the error printed) when the run fails."""
    try:
        return run(paths, out, issues)
    except subprocess.CalledProcessError as err:
        print(f"{name}: the run failed: {(err.stderr.strip().splitlines() or [''])[-1][:160]}")
        return None


def score(shared: pathlib.Path, gold: pathlib.Path, pred: pathlib.Path) -> tuple[float, float, float, int, int]:
    result = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "stances", str(gold), str(pred)],
                            check=True, capture_output=True, text=True).stdout
    p, r, f = (float(x) for x in re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+)", result).groups())
    ngold, npred = (int(x) for x in re.search(r"gold=(\d+) predicted=(\d+)", result).groups())
    return p, r, f, ngold, npred


def off_topic(statements: pathlib.Path, own: tuple[str, ...]) -> int:
    """Positions taken (support or oppose) in VOA stories other than the taxonomy's `own`."""
    rows = [json.loads(line) for line in statements.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sum(1 for r in rows if r["doc"].startswith("voa_") and r["stance"] != "neutral"
               and not any(doc in r["doc"] for doc in own))


def gold_lines(path: pathlib.Path, keep) -> str:
    return "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if keep(line))


def timing(shared: pathlib.Path, issues: str) -> None:
    """Seconds of the stance stage against the whole pipeline, on seeds and VOA."""
    from detente import pipeline
    from detente.config import Config
    from detente.records import Document, text_id

    nlp = pipeline.build(Config().replace(stances_issues=issues))
    texts = [p.read_text(encoding="utf-8") for folder in ("seeds", "voa-dev")
             for p in sorted((shared / "corpus" / folder).glob("*.txt"))]
    stage = nlp.get_pipe("detente_stances")
    total = in_stage = 0.0
    for text in texts:
        doc = pipeline.make_doc(nlp, Document(id=text_id(text), doc="x.txt", source="x.txt", text=text))
        start = time.perf_counter()
        for name, proc in nlp.pipeline:
            if name == "detente_stances":
                mark = time.perf_counter()
                doc = proc(doc)
                in_stage += time.perf_counter() - mark
            else:
                doc = proc(doc)
        total += time.perf_counter() - start
    print(f"\ntiming: pipeline {total:.2f}s, stance stage {in_stage:.2f}s ({100 * in_stage / total:.1f}%)"
          f" over {len(texts)} articles ({stage.taxonomy.name})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=pathlib.Path, default=None)
    parser.add_argument("--timing", action="store_true")
    args = parser.parse_args()
    shared = args.shared.resolve()
    out = args.out or pathlib.Path(tempfile.mkdtemp(prefix="detente-stances-"))
    out.mkdir(parents=True, exist_ok=True)
    corpus, gold = shared / "corpus", shared / "gold"
    seeds_gold, voa_gold = gold / "seeds.stances.jsonl", gold / "voa-dev.stances.jsonl"
    ukraine_gold = out / "voa-ukraine.gold.jsonl"
    ukraine_gold.write_text(gold_lines(voa_gold, lambda line: not any(d in line for d in NOT_UKRAINE)))
    both_gold = out / "seeds+voa-ukraine.gold.jsonl"
    both_gold.write_text(seeds_gold.read_text(encoding="utf-8") + ukraine_gold.read_text(encoding="utf-8"))

    rows = []
    minimal = shared / "taxonomies" / "ukraine-peace-2025-minimal.yaml"
    times = {name: attempt(name, [corpus / "seeds", corpus / "voa-dev"], out / name, issues)
             for name, issues in (("full", None), ("minimal", str(minimal)))}
    for label, g in (("seeds", seeds_gold), ("VOA Ukraine", ukraine_gold), ("seeds + VOA Ukraine", both_gold)):
        full, bare = (score(shared, g, out / name / "statements.jsonl") if times[name] is not None else None
                      for name in ("full", "minimal"))
        rows.append((f"{label} (ukraine-peace-2025)", full, bare))
    off = {f"ukraine-peace-2025{suffix}": off_topic(out / name / "statements.jsonl", UKRAINE)
           for name, suffix in (("full", ""), ("minimal", "-minimal")) if times[name] is not None}
    for name, docs in OTHER_TAXONOMIES.items():
        taxonomy = shared / "taxonomies" / f"{name}.yaml"
        own_gold = out / f"{name}.gold.jsonl"
        own_gold.write_text(gold_lines(voa_gold, lambda line, docs=docs: any(d in line for d in docs)))
        if attempt(name, [corpus / "voa-dev"], out / name, str(taxonomy)) is not None:
            rows.append((f"VOA {name} (minimal)", None, score(shared, own_gold, out / name / "statements.jsonl")))
            off[name] = off_topic(out / name / "statements.jsonl", docs)

    def cell(s):
        return "      -                    " if s is None else f"{s[0]:.2f} {s[1]:.2f} {s[2]:.2f} ({s[3]:>3}/{s[4]:>3})"

    print(f"{'set':42} {'full patterns: P R F1 (gold/pred)':30}  {'no patterns: P R F1 (gold/pred)':30}")
    for label, full, bare in rows:
        print(f"{label:42} {cell(full):30}  {cell(bare):30}")
    print("\noff-topic positions (in the VOA stories about other conflicts): "
          + ", ".join(f"{name} {n}" for name, n in off.items()))
    seconds = ", ".join(f"{name} {t:.1f}s" for name, t in times.items() if t is not None)
    print(f"\nrun time on seeds + VOA: {seconds}; outputs in {out}")
    if args.timing:
        timing(shared, "ukraine-peace-2025")
        timing(shared, str(minimal))


if __name__ == "__main__":
    main()
