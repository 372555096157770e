"""Throughput of the whole Détente pipeline beside bare spaCy on the same articles.

    .venv/bin/python benchmarks/throughput.py [--texts DIR] [--repeat N]

Prints articles/s and tokens/s of bare spaCy `nlp.pipe` and of Détente's pipeline (each
stage added in turn), with 1 and 2 workers, and their ratios. The default articles are
the PolNeAR dev split (../shared/peers/polnear/data/dev/text), 84 real news articles.
Each figure is the best of --repeat runs; model loading and process start-up are
excluded for one worker and included for two (as a user would see them).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from detente import pipeline
from detente.config import DEFAULT_MODEL, Config
from detente.executors.pool import PoolExecutor
from detente.executors.serial import SerialExecutor
from detente.records import Document, text_id

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "peers" / "polnear" / "data" / "dev" / "text"


def load_documents(folder: Path) -> list[Document]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(Document(id=text_id(text), doc=path.name, source=str(path), text=text))
    return docs


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_spacy(config: Config, texts: list[str], workers: int, repeat: int) -> float:
    nlp = spacy.load(config.pipeline.model)
    return best_of(repeat, lambda: list(nlp.pipe(texts, batch_size=config.pipeline.batch_size, n_process=workers)))


def detente(config: Config, docs: list[Document], workers: int, repeat: int) -> float:
    """Best time of Détente's pipeline over `docs`: built once beforehand for one worker,
    with the pool's start-up for more."""
    if workers == 1:
        executor = SerialExecutor(pipeline.build(config))
    else:
        executor = PoolExecutor(workers)
    return best_of(repeat, lambda: list(executor.map(config, docs)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt articles")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    config = Config().replace(pipeline_model=args.model)
    docs = load_documents(args.texts)
    texts = [d.text for d in docs]
    tokens = sum(len(doc) for doc in spacy.load(args.model).tokenizer.pipe(texts))
    print(f"{len(docs)} articles, {tokens} tokens, from {args.texts}")
    print(f"{'system':<34}{'workers':>8}{'seconds':>9}{'articles/s':>12}{'tokens/s':>10}{'vs spaCy':>10}")

    stage_sets = [("actors",), ("actors", "quotes"), ("actors", "quotes", "stances"),
                  ("actors", "quotes", "stances", "events")]
    full = {}
    for workers in (1, 2):
        base = bare_spacy(config, texts, workers, args.repeat)
        rows = [("bare spaCy nlp.pipe", base)]
        for stages in stage_sets:
            staged = config.replace(pipeline_stages=list(stages))
            rows.append(("Détente: " + "+".join(stages), detente(staged, docs, workers, args.repeat)))
        for name, seconds in rows:
            print(f"{name:<34}{workers:>8}{seconds:>9.2f}{len(docs) / seconds:>12.1f}"
                  f"{tokens / seconds:>10.0f}{base / seconds:>9.2f}x")
        full[workers] = rows[-1][1]
    print(f"Détente, whole pipeline: 2 workers run {full[1] / full[2]:.2f}x as fast as 1 worker")


if __name__ == "__main__":
    main()
