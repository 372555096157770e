"""Throughput, memory and API latency of Détente beside bare spaCy, in one run.

    .venv/bin/python benchmarks/throughput.py [--corpus large|dev] [--repeat N] [--skip PART ...]

Parts (each can be skipped with --skip):

- ``speed``: articles/s of bare spaCy ``nlp.pipe`` (``n_process`` 1 and 2) and of
  Détente's whole pipeline with 1 worker (serial), 2 workers (the process pool) and Ray
  with 2 CPUs (when ray is installed), each beside bare spaCy with as many processes,
  and how much of bare spaCy's own two-process speed-up two workers keep. The large
  corpus is all 840 PolNeAR train articles plus the VOA dev stories; ``dev`` is the 84
  PolNeAR dev articles. Best of --repeat rounds, each running every system once in
  turn, so that a slower spell of a shared machine falls on all alike; start-up
  included for two workers.
- ``stages``: seconds on one worker as the stages are added one by one, on the first
  --stage-sample articles of the corpus (a sample, so that this part stays short).
- ``memory``: peak RSS of ``detente run`` over 100 and 2,000 articles (real articles
  repeated with distinct ids), read from /proc while it runs.
- ``api``: median and 95th-percentile latency of the heaviest API endpoints on a
  1,000-article store, a bounded loop of requests against 127.0.0.1 only. The store is
  the VOA dev stories and the seeds, analysed once, their records stored again and again
  under distinct ids up to 1,000 articles (the API reads records, so copies cost it what
  new articles would).

Every part is bounded: on two idle cores, with --repeat 1, the large corpus takes about
20 minutes in all (speed about 9, stages 2, memory 7, api 2); --repeat N multiplies the
speed part by N. Each table is printed with the load average it was measured under
(timings under load are noise: compare ratios from one run only).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

import spacy

from detente import pipeline
from detente.config import DEFAULT_MODEL, Config
from detente.executors.pool import PoolExecutor
from detente.executors.serial import SerialExecutor
from detente.records import Document, text_id

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "large": [SHARED / "peers" / "polnear" / "data" / "train" / "text", SHARED / "corpus" / "voa-dev"],
    "dev": [SHARED / "peers" / "polnear" / "data" / "dev" / "text"],
}
STORIES = [SHARED / "corpus" / "voa-dev", SHARED / "corpus" / "seeds"]
"""The API's store is made of these (coverage of the shipped taxonomy's negotiations, so
that the analyses have statements to work on)."""
API_ARTICLES = 1000
HEAVY_ENDPOINTS = ["/api/positions", "/api/networks?aggregation=conflict", "/api/cohesion?window_days=30",
                   "/api/fractures", "/api/quotes?q=peace+talks&limit=100", "/api/shifts?window_days=30",
                   "/api/voice?limit=100"]
API_REQUESTS = 40  # per endpoint
STAGE_SAMPLE = 200  # articles the stages part times


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as `uptime` says it."""
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def load_documents(folders: list[Path]) -> list[Document]:
    docs = []
    for folder in folders:
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


def best_of_interleaved(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The best seconds of each of `runs` over `repeat` rounds, each round running every
    one once, so that a slower spell of a shared machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, func in runs.items():
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
    return {name: min(seconds) for name, seconds in times.items()}


def speed(config: Config, docs: list[Document], repeat: int) -> None:
    texts = [d.text for d in docs]
    nlp = spacy.load(config.pipeline.model)
    systems = [("Détente serial", 1, SerialExecutor(pipeline.build(config))), ("Détente pool", 2, PoolExecutor(2))]
    try:
        import ray

        from detente.executors.ray import RayExecutor

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        systems.append(("Détente Ray (2 CPUs)", 2, RayExecutor(2)))
    except ModuleNotFoundError:
        print("ray is not installed: the Ray row is left out (pip install 'detente[ray]').")
    print(f"{len(docs)} articles; {load_average()} before")
    runs: dict[str, Callable[[], object]] = {
        f"bare {n}": (lambda n=n: list(nlp.pipe(texts, batch_size=config.pipeline.batch_size, n_process=n)))
        for n in (1, 2)}
    runs.update({name: (lambda executor=executor: list(executor.map(config, docs))) for name, _, executor in systems})
    best = best_of_interleaved(repeat, runs)
    bare = {n: best[f"bare {n}"] for n in (1, 2)}
    print("| system | workers | seconds | articles/s | vs bare spaCy, same processes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for n in (1, 2):
        print(f"| bare spaCy nlp.pipe | {n} | {bare[n]:.1f} | {len(docs) / bare[n]:.2f} | 1.00x |")
    for name, n, _ in systems:
        print(f"| {name} | {n} | {best[name]:.1f} | {len(docs) / best[name]:.2f} | {bare[n] / best[name]:.2f}x |")
    spacy_speedup = bare[1] / bare[2]
    print(f"bare spaCy's two-process speed-up: {spacy_speedup:.2f}x")
    for name, _, _ in systems[1:]:
        speedup = best["Détente serial"] / best[name]
        print(f"{name}: {speedup:.2f}x over one worker = {speedup / spacy_speedup:.0%} of bare spaCy's speed-up")
    print(f"{load_average()} after")


def stage_costs(config: Config, docs: list[Document], repeat: int) -> None:
    """Seconds on one worker as the stages are added one by one, and what each adds."""
    texts = [d.text for d in docs]
    nlp = spacy.load(config.pipeline.model)
    bare = best_of(repeat, lambda: list(nlp.pipe(texts, batch_size=config.pipeline.batch_size)))
    print(f"{len(docs)} articles; {load_average()} before")
    print("| stages, one worker | seconds | adds to the previous row | vs bare spaCy |")
    print("| --- | ---: | ---: | ---: |")
    previous = bare
    for n in range(1, len(config.pipeline.stages) + 1):
        staged = config.replace(pipeline_stages=list(config.pipeline.stages[:n]))
        executor = SerialExecutor(pipeline.build(staged))
        seconds = best_of(repeat, lambda executor=executor, staged=staged: list(executor.map(staged, docs)))
        print(f"| {'+'.join(staged.pipeline.stages)} | {seconds:.1f} | {seconds / previous - 1:+.0%} | "
              f"{bare / seconds:.2f}x |")
        previous = seconds
    print(f"bare spaCy nlp.pipe: {bare:.1f} s; {load_average()} after")


def write_corpus(docs: list[Document], n: int, folder: Path) -> Path:
    """`n` articles made of `docs` repeated, each copy with its own closing line (so its own id)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(f"{docs[i % len(docs)].text}\nCopy {i}.\n", encoding="utf-8")
    return folder


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of a command (the high-water mark /proc keeps), in MB."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            peak = max(peak, int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))))
        except (OSError, StopIteration):
            pass
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {proc.returncode}")
    return peak / 1024


def detente_run(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "detente.cli", "run", str(corpus), "-o", str(out), "--quiet"]


def memory(docs: list[Document], work: Path, sizes: list[int]) -> None:
    figures = {n: peak_rss_mb(detente_run(write_corpus(docs, n, work / f"in{n}"), work / f"out{n}")) for n in sizes}
    print("peak RSS of detente run: " + ", ".join(f"{mb:.0f} MB for {n} articles" for n, mb in figures.items())
          + f" ({figures[sizes[-1]] / figures[sizes[0]]:.2f}x; memory does not depend on the load)")


def store_of_copies(docs: list[Document], work: Path, total: int) -> Path:
    """A store of `total` articles: the records of `docs`, analysed once, stored again and
    again under ids of their own."""
    from dataclasses import replace

    from detente.records import RECORD_TYPES
    from detente.store import open_store

    out = work / "stories"
    if not (out / "detente.db").exists():
        subprocess.run(detente_run(write_corpus(docs, len(docs), work / "in-stories"), out), check=True)
    source = open_store(f"sqlite:///{out / 'detente.db'}").read_all()
    target = work / f"copies{total}.db"
    target.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{target}")
    by_doc: dict[str, dict[str, list]] = {}
    for name in RECORD_TYPES:
        if name not in ("documents", "actors"):
            for r in source[name]:
                by_doc.setdefault(r.doc_id, {}).setdefault(name, []).append(r)
    documents = source["documents"]
    for n in range(total):
        i, d = n // len(documents), documents[n % len(documents)]
        new_id = f"{d.id}-{i}"
        records = {name: [replace(r, doc_id=new_id, **({"id": f"{r.id}-{i}"} if hasattr(r, "id") else {}))
                          for r in found] for name, found in by_doc.get(d.id, {}).items()}
        for r in [*records.get("statements", []), *records.get("events", [])]:  # the copies' own quotes
            r.quote_id = r.quote_id and f"{r.quote_id}-{i}"
        records["actors"] = source["actors"] if n == 0 else []
        store.add(replace(d, id=new_id, doc=f"{i}-{d.doc}"), records)
    return target


def api(work: Path) -> None:
    import httpx
    import uvicorn

    from detente.serve import create_app
    from detente.store.query import read_only

    app = create_app(read_only(f"sqlite:///{store_of_copies(load_documents(STORIES), work, API_ARTICLES)}"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8765, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    print(f"| endpoint (1,000-article store; {load_average()}) | median ms | 95th percentile ms |")
    print("| --- | ---: | ---: |")
    with httpx.Client(base_url="http://127.0.0.1:8765", timeout=60) as client:
        for path in HEAVY_ENDPOINTS:
            client.get(path).raise_for_status()  # warm
            times = []
            for _ in range(API_REQUESTS):
                start = time.perf_counter()
                client.get(path).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(f"| {path} | {statistics.median(times):.0f} | {p95:.0f} |")
    server.should_exit = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="large")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip", nargs="*", choices=["speed", "stages", "memory", "api"], default=[])
    parser.add_argument("--stage-sample", type=int, default=STAGE_SAMPLE, help="articles the stages part times")
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 2000], help="corpus sizes for the memory part")
    parser.add_argument("--work", type=Path, help="folder for the generated corpora and stores (default: a temp one)")
    args = parser.parse_args()
    config = Config().replace(pipeline_model=args.model)
    docs = load_documents(CORPORA[args.corpus])
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        if "speed" not in args.skip:
            speed(config, docs, args.repeat)
        if "stages" not in args.skip:
            stage_costs(config, docs[:args.stage_sample], args.repeat)
        if "memory" not in args.skip:
            memory(docs, work, args.sizes)
        if "api" not in args.skip:
            api(work)


if __name__ == "__main__":
    main()
