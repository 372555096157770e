"""Time per stage on dense articles of growing length (VOA sentences end to end, no
paragraph breaks): every stage should grow linearly, and a document over the time budget
([run] time_budget) is reported instead of stalling the run.

usage: python benchmarks/dense.py [KB ...]   (default 50 100 200 400)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from detente import pipeline
from detente.config import Config
from detente.records import Document, text_id

VOA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "voa-dev"


def dense_article(size: int) -> str:
    paragraphs = [p.replace("\n", " ") for path in sorted(VOA.glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if "said" in p]
    text, i = "", 0
    while len(text) < size:
        text += paragraphs[i % len(paragraphs)] + " "
        i += 1
    return text


def main() -> None:
    sizes = [int(kb) * 1000 for kb in sys.argv[1:]] or [50_000, 100_000, 200_000, 400_000]
    nlp = pipeline.build(Config())
    print("size_kb  " + "  ".join(f"{name:>15s}" for name, _ in nlp.pipeline) + "    total  s/100KB")
    for size in sizes:
        text = dense_article(size)
        doc = nlp.make_doc(text)
        doc._.document = Document(id=text_id(text), doc="dense.txt", source="dense.txt", text=text)
        times, start = [], time.perf_counter()
        for _, component in nlp.pipeline:
            began = time.perf_counter()
            doc = component(doc)
            times.append(time.perf_counter() - began)
        total = time.perf_counter() - start
        print(f"{size // 1000:7d}  " + "  ".join(f"{t:15.2f}" for t in times)
              + f"  {total:7.1f}  {total / size * 100_000:7.1f}")


if __name__ == "__main__":
    main()
