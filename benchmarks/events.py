"""Events benchmark: PLOVER coding on the Zero-Shot-PLOVER PLV split and on the PLOVER
gold-standard records.

    .venv/bin/python benchmarks/events.py --plv FILE [--given-arguments]
    .venv/bin/python benchmarks/events.py --plover FILE

``--plv`` reads a PLV file (tab-separated: ``marked_sentence`` with ``<s>source</s>`` and
``<t>target</t>``, ``gold_root``). With ``--given-arguments`` Détente is told the marked
spans and codes the event between them (``events.given.code_between``): the mode
comparable with published figures. By default (end to end) it sees the plain sentence;
its event whose source and target overlap the marked spans gives the code, and no such
event is a miss; the pair recall and the share of rows without any event are printed.
PLOVER 2.0 types are mapped to PLV's roots (CONCEDE and RETREAT are YIELD).

``--plover`` reads the PLOVER gold-standard records (JSON; v0.5 labels mapped to 2.0:
DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT) and scores end to end:
the event whose trigger is the marked event (else the sentence's first) gives the type,
and its source and target are checked against the gold actors.

Both print accuracy, per-type F1 and macro-F1, and end with ``macro-F1 X.XXX``. The
default files are the development sets under ../shared/peers/events.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from detente import pipeline
from detente.config import Config
from detente.events.given import code_between
from detente.events.ontology import load_ontology
from detente.records import Document, Event, text_id

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "peers" / "events"
DEFAULT_PLV = PEERS / "zero-shot-plover" / "PLV_train.tsv"
DEFAULT_PLOVER = PEERS / "plover" / "PLOVER_GSR_CAMEO.txt"
TO_PLV = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
FROM_V05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
MARK = re.compile(r"</?[st]>")
STOP = frozenset({"the", "a", "an", "of", "and", "'s", "’s"})
NONE = "(none)"


def unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the character spans of its <s> and <t> marks."""
    text, spans, opened, at = [], {}, {}, 0
    for piece in re.split(r"(</?[st]>)", marked):
        if MARK.fullmatch(piece):
            name = piece.strip("</>")
            if piece.startswith("</"):
                spans[name] = (opened[name], at)
            else:
                opened[name] = at
        else:
            text.append(piece)
            at += len(piece)
    return "".join(text), spans


def words(text: str) -> set[str]:
    """The content words of `text`, a possessive's ending dropped ("Germany's" is Germany)."""
    found = (re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’]+", text.lower()))
    return {w for w in found if w and w not in STOP}


def overlaps(found: list[str], gold: str) -> bool:
    gold_words = words(gold)
    return any(words(f) & gold_words for f in found)


def scores(gold: list[str], pred: list[str]) -> tuple[float, dict[str, tuple[float, float, float, int]], float]:
    """Accuracy, per-label (P, R, F1, support) and macro-F1 over the gold labels."""
    labels = sorted(set(gold))
    per = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = sum(g == label != p for g, p in zip(gold, pred))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = (precision, recall, f1, tp + fn)
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return accuracy, per, sum(f for _, _, f, _ in per.values()) / len(per) if per else 0.0


def report(gold: list[str], pred: list[str]) -> float:
    """Print accuracy, per-type F1 and the confusions; return the macro-F1."""
    accuracy, per, macro = scores(gold, pred)
    print(f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for label, (p, r, f, n) in per.items():
        print(f"{label:<12}{p:>7.3f}{r:>7.3f}{f:>7.3f}{n:>6}")
    confusions = Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(8)
    print("most frequent confusions (gold → predicted): " + ", ".join(f"{g}→{p} {n}" for (g, p), n in confusions))
    print(f"accuracy {accuracy:.3f}")
    print(f"macro-F1 {macro:.3f}")
    return macro


def plv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh, delimiter="\t") if row.get("marked_sentence")]


def analyse(texts: list[str], stages: list[str]) -> list:
    """The processed Docs of `texts` through Détente's pipeline of `stages`."""
    nlp = pipeline.build(Config().replace(pipeline_stages=stages))
    docs = [pipeline.make_doc(nlp, Document(id=text_id(t) + str(n), doc=f"row{n}", source="", text=t))
            for n, t in enumerate(texts)]
    return list(nlp.pipe(docs, batch_size=64))


def plv(path: Path, given: bool, misses: bool = False) -> float:
    rows = plv_rows(path)
    plain = [unmark(row["marked_sentence"]) for row in rows]
    gold = [row["gold_root"] for row in rows]
    ontology = load_ontology("plover")
    start = time.perf_counter()
    pred = []
    if given:
        for doc, (_, spans) in zip(analyse([t for t, _ in plain], []), plain):
            found = code_between(doc, spans.get("s"), spans.get("t"), ontology)
            pred.append(TO_PLV.get(found.type, found.type) if found is not None else NONE)
        print(f"PLV {path.name}, given arguments: {len(rows)} rows, {time.perf_counter() - start:.1f} s")
    else:
        paired = empty = 0
        for doc, (text, spans) in zip(analyse([t for t, _ in plain], ["actors", "quotes", "events"]), plain):
            events: list[Event] = doc._.events or []
            empty += not events
            source, target = (text[slice(*spans[k])] if k in spans else None for k in ("s", "t"))
            pair = next((e for e in events if (source is None or overlaps(e.source_text, source))
                         and (target is None or overlaps(e.target_text, target))), None)
            paired += pair is not None
            if misses and pair is None:
                print("MISS", json.dumps({"s": source, "t": target, "text": text, "events": [
                    (e.type, e.trigger, e.source_text, e.target_text) for e in events]}, ensure_ascii=False))
            pred.append(TO_PLV.get(pair.type, pair.type) if pair is not None else NONE)
        print(f"PLV {path.name}, end to end: {len(rows)} rows, {time.perf_counter() - start:.1f} s")
        print(f"pair recall {paired / len(rows):.3f}; rows without any event {empty / len(rows):.3f}")
    return report(gold, pred)


def plover_records(path: Path) -> list[dict]:
    return [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") not in (None, "DOCUMENT")]


def actor_texts(value) -> list[str]:
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def event_words(record: dict) -> set[str]:
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""
    return {w for piece in re.findall(r"\(EVT:\s*([^)]*)\)", markup) for w in words(piece)}


def plover(path: Path, misses: bool = False) -> None:
    records = plover_records(path)
    start = time.perf_counter()
    docs = analyse([r["text"] for r in records], ["actors", "quotes", "events"])
    gold, pred = [], []
    right_type = right_args = 0
    for record, doc in zip(records, docs):
        label = FROM_V05.get(record["event"], record["event"])
        events: list[Event] = doc._.events or []
        marked = event_words(record)
        chosen: Optional[Event] = next((e for e in events if words(e.trigger) & marked), events[0] if events else None)
        gold.append(label)
        pred.append(chosen.type if chosen is not None else NONE)
        if chosen is not None and chosen.type == label:
            right_type += 1
            sources, targets = actor_texts(record.get("source")), actor_texts(record.get("target"))
            source_ok = not sources or any(overlaps(chosen.source_text + chosen.source, s) for s in sources)
            target_ok = not targets or any(overlaps(chosen.target_text + chosen.target, t) for t in targets)
            right_args += source_ok and target_ok
            if misses and not (source_ok and target_ok):
                print("ARGS", json.dumps({"s": sources, "t": targets, "text": record["text"], "event": (
                    chosen.type, chosen.trigger, chosen.source_text, chosen.target_text)}, ensure_ascii=False))
    print(f"PLOVER gold records {path.name}, end to end: {len(records)} records, {time.perf_counter() - start:.1f} s")
    print(f"source and target right where the type is right: {right_args}/{right_type}"
          f" = {right_args / right_type if right_type else 0:.3f}")
    report(gold, pred)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plv", type=Path, help=f"a PLV file (default {DEFAULT_PLV.name} when --plover is not given)")
    parser.add_argument("--given-arguments", action="store_true", help="code the event between the marked spans")
    parser.add_argument("--plover", type=Path, nargs="?", const=DEFAULT_PLOVER, help="the PLOVER gold records")
    parser.add_argument("--misses", action="store_true",
                        help="end to end, also print each row whose pair (PLV) or arguments (PLOVER) were missed")
    parser.add_argument("--floor", type=float, help="exit 1 when the PLV macro-F1 falls below this (CI's floor)")
    args = parser.parse_args()
    if args.plover is not None:
        plover(args.plover, args.misses)
        if args.plv is None:
            return
    path = args.plv or DEFAULT_PLV
    if not path.is_file():
        sys.exit(f"{path}: no such PLV file")
    macro = plv(path, args.given_arguments, args.misses)
    if args.floor is not None and macro < args.floor:
        sys.exit(f"The PLV macro-F1 {macro:.3f} is below its floor {args.floor:.3f}.")


if __name__ == "__main__":
    main()
