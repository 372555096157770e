"""Stances on SEESAW: holder and direction on US political news, under minimal taxonomies.

SEESAW (Zhang, Beauchamp and Wang, EMNLP 2022; ``shared/peers/seesaw``, evaluation only)
marks, sentence by sentence, who is positive or negative towards what. Its "Topic" entities
(a bill, a policy, "gun control") are issues, so each article gets the taxonomy an analyst
would write in a minute: one issue per topic, its label the topic's name, its meanings
"favouring" and "opposing" it, no examples and no patterns. Nobody tuned Détente on these
articles or these topics, so the figures say how the stance stage carries to a negotiation
and a vocabulary it never saw.

Gold: the (subject, topic, POS/NEG) triplets whose subject is a person or organisation, one
per article, subject and topic (the majority sentiment; a tie is left out). Prediction: the
support and oppose statements of the article, their actor matched to the subject as
``shared/tools/score.py`` matches speakers (surname or organisation name). Printed: P, R, F1
of (subject, topic, side) per article, the side's accuracy where subject and topic are found,
and the pairs found with no side.

usage: python benchmarks/seesaw.py [--shared ../shared] [--stories 0-99] [--errors] [--floor F]
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
from dataclasses import dataclass

REPO = pathlib.Path(__file__).resolve().parent.parent
HOLDER_KINDS = ("People", "Organization")
SIDES = {"POS": "support", "NEG": "oppose"}


def taxonomy_of(annotation: dict) -> dict:
    """The minimal taxonomy of one article: an issue per Topic entity."""
    topics = [e[0] for e in annotation["entity lists"] if e[1][0] == "Topic"]
    issues = [{"id": f"topic-{n}", "label": topic, "support": f"Favouring {topic}.", "oppose": f"Opposing {topic}."}
              for n, topic in enumerate(topics)]
    return {"name": "seesaw-article", "label": annotation["title"], "issues": issues}


def gold_of(annotation: dict) -> dict[tuple[str, str], str]:
    """(subject, issue id) -> side, by majority over the article's sentences."""
    kinds = {e[0]: e[1][0] for e in annotation["entity lists"]}
    ids = {issue["label"]: issue["id"] for issue in taxonomy_of(annotation)["issues"]}
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for triplets in annotation["sentence-level stances"].values():
        for t in triplets:
            if kinds.get(t["subject"]) in HOLDER_KINDS and t["object"] in ids and t["sentiment"] in SIDES:
                votes[(t["subject"], ids[t["object"]])][SIDES[t["sentiment"]]] += 1
    gold = {}
    for key, counter in votes.items():
        (side, n), *rest = counter.most_common()
        if not rest or rest[0][1] < n:
            gold[key] = side
    return gold


@dataclass
class Tally:
    """Counts over the articles scored so far."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0
    found: int = 0  # gold (subject, topic) pairs with a side predicted
    same_side: int = 0  # of those, with the gold side
    sideless: int = 0  # gold pairs predicted only without a side


def score_article(name: str, taxonomy: dict, gold: dict, statements: list, speaker_ok, tally: Tally,
                  errors: bool) -> None:
    """Add one article's counts to `tally`; with `errors`, print its misses and false positions."""
    labels = {issue["id"]: issue["label"] for issue in taxonomy["issues"]}
    taken = {(s.actor, s.issue, s.stance) for s in statements if s.stance != "neutral"}
    unsided = {(s.actor, s.issue) for s in statements} - {(a, i) for a, i, _ in taken}
    tally.gold += len(gold)
    tally.predicted += len(taken)
    right = set()
    for (subject, issue), side in gold.items():
        mine = {t for t in taken if t[1] == issue and speaker_ok(t[0], [subject])}
        sides = {t[2] for t in mine}
        tally.found += bool(sides)
        tally.same_side += side in sides
        neutral = [s for s in statements if (s.actor, s.issue) in unsided and s.issue == issue
                   and speaker_ok(s.actor, [subject])] if not sides else []
        tally.sideless += bool(neutral)
        if side in sides:
            tally.correct += 1
            right.update(t for t in mine if t[2] == side)
        elif errors:
            unsure = f" | no side: {' '.join(neutral[0].evidence.split())[:240]}" if neutral else ""
            print(f"FN {name} {subject} | {labels[issue]} {side}{unsure}")
    for actor, issue, side in sorted(taken - right) if errors else ():
        evidence = next(s.evidence for s in statements if (s.actor, s.issue, s.stance) == (actor, issue, side))
        print(f"FP {name} {actor} | {labels[issue]} {side} | {' '.join(evidence.split())[:240]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--stories", default="0-99", help="range of story numbers (the dev split is 0-99)")
    parser.add_argument("--errors", action="store_true", help="print each miss and false position")
    parser.add_argument("--floor", type=float, help="exit 1 when the stance F1 falls below this (CI's floor)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "tools"))
    from score import speaker_ok  # the shared scorer's speaker match

    from detente import pipeline
    from detente.config import Config
    from detente.stances.taxonomy import parse_taxonomy

    first, last = (int(x) for x in args.stories.split("-"))
    root = args.shared / "peers" / "seesaw"
    nlp = pipeline.build(Config())
    stage = nlp.get_pipe("detente_stances")
    tally = Tally()
    for path in sorted((root / "annotations").glob("TRIPLET_*_DOCUMENT_*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        taxonomy = taxonomy_of(annotation)
        if not first <= int(path.name.split("_")[1]) <= last or not taxonomy["issues"]:
            continue
        article = json.loads((root / "articles" / path.name).read_text(encoding="utf-8"))
        stage.taxonomy = parse_taxonomy(taxonomy, path.name)
        doc = nlp(annotation["title"] + "\n\n" + " ".join(s["text"] for s in article["text"]))
        score_article(path.name, taxonomy, gold_of(annotation), doc._.statements, speaker_ok, tally, args.errors)
    p = tally.correct / tally.predicted if tally.predicted else 0.0
    r = tally.correct / tally.gold if tally.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"SEESAW stories {first}-{last}: gold={tally.gold} predicted={tally.predicted} correct={tally.correct}")
    print(f"stance      P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"side right where subject and topic are found: {tally.same_side}/{tally.found}; "
          f"found with no side: {tally.sideless}")
    if args.floor is not None and f < args.floor:
        sys.exit(f"The SEESAW stance F1 {f:.3f} is below its floor {args.floor:.3f}.")


if __name__ == "__main__":
    main()
