"""Quotation benchmark: Détente against textacy's direct_quotations on the same articles.

Runs both systems on the seed articles (scored with shared/tools/score.py against the
seed gold) and on the PolNeAR dev split (scored with shared/tools/score_polnear.py,
overall and on quotes with quotation marks), counts the articles on which textacy
raised, and times the quote stage against the whole pipeline.

textacy is run by a separate interpreter (--peer-python), because it does not belong in
Détente's install: `python -m venv /tmp/tx && /tmp/tx/bin/pip install textacy==0.13.0`.

usage: python benchmarks/quotes.py [--shared ../shared] [--peer-python /tmp/tx/bin/python] [--out DIR]
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
from spacy.tokens import Doc

from detente import nlp as dn
from detente.quotes import extract_quotes
from detente.records import Document, text_id

REPO = pathlib.Path(__file__).resolve().parent.parent
OPENING = "\"“‘'„«"
CLOSING = "\"”’'»"
QUOTATION_MARK = re.compile(r"[\"“”]")

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
    """The spaCy model with Détente's actors and quotes stages (quotes alone when the
    actors stage is not available)."""
    try:
        return dn.load(dn.Settings(model=model, stages=("actors", "quotes")))
    except ImportError as err:
        print(f"note: the actors stage could not be loaded ({err}); speakers are not linked.")
        import detente.quotes  # noqa: F401  (registers the component)
        nlp = spacy.load(model)
        nlp.add_pipe("detente_quotes")
        return nlp


def run_detente(nlp: spacy.Language, paths: list[pathlib.Path],
                published: str | None) -> tuple[list[dict], list[dict], float, float]:
    """Quotes of every article, the same in PolNeAR's conventions, the pipeline's total
    time and the quote stage's time."""
    records, converted, total, quoting = [], [], 0.0, 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        doc = nlp.make_doc(text)
        doc._.document = Document(id=text_id(text), doc=path.name, source=str(path), text=text, published=published)
        t0 = time.perf_counter()
        doc = nlp(doc)
        total += time.perf_counter() - t0
        t0 = time.perf_counter()
        extract_quotes(doc)
        quoting += time.perf_counter() - t0
        records += [q.to_dict() for q in doc._.quotes]
        converted += polnear_records([q.to_dict() for q in doc._.quotes], doc)
    return records, converted, total, quoting


def polnear_records(records: list[dict], doc: Doc) -> list[dict]:
    """Quotes of the parsed article `doc` in PolNeAR's conventions: the source as the whole
    noun phrase (with appositions, relative clauses and their closing comma); content with
    its enclosing quotation marks; indirect content with its complementiser "that"; a
    quotation inside a reported clause (X said that “…”, X told Fox “…”) as the whole clause,
    from the complementiser to the end of the sentence; and one relation per speech act
    (quotes sharing a cue are merged into one span from the first to the last)."""
    text = doc.text
    out: list[dict] = []
    for record in records:
        r = dict(record)
        start, end = r["start"], r["end"]
        if r["kind"] == "indirect":
            before = text[:start].rstrip(" ,")
            if before.lower().endswith(" that"):
                start = len(before) - 4
            end = _close_open_quotation(text, start, end)
        else:
            start -= start > 0 and text[start - 1] in OPENING
            end += text[end:end + 1] in CLOSING
            clause = _reported_clause(doc, r, start, end)
            if clause is not None:
                start, end = clause
        if r["speaker_start"] is not None:
            r["speaker_start"], r["speaker_end"] = _source_phrase(doc, r["speaker_start"], r["speaker_end"])
        r["start"], r["end"] = start, end
        last = out[-1] if out else None
        if last and r["cue_start"] is not None and last["cue_start"] == r["cue_start"] and last["kind"] == r["kind"]:
            last["end"] = max(last["end"], end)
            continue
        out.append(r)
    return out


def _reported_clause(doc: Doc, record: dict, start: int, end: int) -> tuple[int, int] | None:
    """The reported clause holding a quotation, when its cue comes before it in the same
    sentence: the cue's complement clause ("that" included), or else for a partial quote
    the words from the cue to the end of the sentence (X called it “…”)."""
    cue_start, cue_end = record["cue_start"], record["cue_end"]
    if cue_end is None or cue_end >= start or re.search(r"[.!?\n]", doc.text[cue_end:start]):
        return None
    cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
    quote = doc.char_span(start, start + 1, alignment_mode="expand")
    if cue is None or quote is None:
        return None
    for comp in cue.root.children:
        if comp.dep_ in ("ccomp", "xcomp") and comp.left_edge.i <= quote.start <= comp.right_edge.i:
            first, last = comp.left_edge, comp.right_edge
            while first.is_punct and first.i < quote.start:
                first = doc[first.i + 1]
            while last.is_punct and last.text not in CLOSING and last.i > first.i:
                last = doc[last.i - 1]
            return min(first.idx, start), max(end, last.idx + len(last))
    if record["kind"] != "partial":
        return None
    rights = [c for c in cue.root.rights if c.dep_ not in ("conj", "cc", "punct")]
    if rights and rights[0].left_edge.idx <= start and end <= rights[-1].right_edge.idx + len(rights[-1].right_edge) + 1:
        last = rights[-1].right_edge  # the cue's own object and complements: called it their “crystal ball”
        return rights[0].left_edge.idx, max(end, last.idx + len(last))
    gap = doc.text[cue_end:start]
    return cue_end + len(gap) - len(gap.lstrip(" ,")), _clause_end(doc.text, end)


def _source_phrase(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The source as PolNeAR marks it: the speaker's whole noun phrase within its sentence
    and paragraph, with appositions, prepositional phrases, relative clauses, and the
    comma that closes a parenthetical pair (Jean-Marc Ayrault, the foreign minister of France,)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    head = span.root
    last = span.end - 1
    for t in doc[span.end:head.right_edge.i + 1]:
        if "\n" in t.text or t.text in OPENING + CLOSING or t.sent != head.sent:
            break
        last = t.i
    while last >= span.end and doc[last].is_punct and not (doc[last].text == ")" and "(" in doc[head.i:last].text):
        last -= 1
    after = last + 1
    if after < len(doc) and doc[after].text == "," and "," in doc[head.i:after].text:
        last = after
    return min(start, doc[span.start].idx), max(end, doc[last].idx + len(doc[last]))


def _close_open_quotation(text: str, start: int, end: int) -> int:
    """Where content that ends inside a quotation ends with the quotation: after the
    punctuation and closing mark that follow it (… favors a “strongman approach.”)."""
    inside = text[start:end]
    if inside.count("“") <= inside.count("”") and inside.count('"') % 2 == 0:
        return end
    m = re.compile(r"[.,!?]?[\"”]").match(text, end)
    return m.end() if m else end


def with_quotation_marks(records: list[dict], texts: dict[str, str]) -> list[dict]:
    """The records whose content holds a quotation mark: the criterion by which the
    scorer's --direct-only selects gold attributions."""
    return [r for r in records if QUOTATION_MARK.search(texts[r["doc"]][r["start"]:r["end"]])]


def _clause_end(text: str, pos: int) -> int:
    """Where the sentence running on at `pos` ends: before its full stop, or after a
    quotation mark that closes over the full stop (which may be the quotation's own)."""
    if pos >= 2 and text[pos - 2] in ".!?" and text[pos - 1] in CLOSING:
        return pos
    m = re.compile(r"[.!?]([\"”’']?)(?=\s|$)|\n").search(text, pos)
    if m is None:
        return len(text)
    return m.end() if m.group(0) != "\n" and m.group(1) else m.start()


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared folder (gold, peers, tools)")
    parser.add_argument("--peer-python", default="/tmp/tx/bin/python", help="interpreter with textacy==0.13.0")
    parser.add_argument("--model", default=dn.DEFAULT_MODEL)
    parser.add_argument("--out", help="folder for the predictions (default: a temporary folder)")
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    out = pathlib.Path(args.out or tempfile.mkdtemp(prefix="detente-quotes-"))
    out.mkdir(parents=True, exist_ok=True)
    tools = shared / "tools"
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    dev = shared / "peers" / "polnear" / "data" / "dev"
    polnear = sorted((dev / "text").glob("*.txt"))
    nlp = build_pipeline(args.model)

    seed_quotes, _, seed_time, seed_quote_time = run_detente(nlp, seeds, "2025-08-12")
    write_jsonl(out / "detente.seeds.jsonl", seed_quotes)
    pn_quotes, converted, pn_time, pn_quote_time = run_detente(nlp, polnear, None)
    write_jsonl(out / "detente.polnear.records.jsonl", pn_quotes)
    write_jsonl(out / "detente.polnear.jsonl", converted)
    texts = {p.name: p.read_text(encoding="utf-8") for p in polnear}
    write_jsonl(out / "detente.polnear-direct.jsonl", with_quotation_marks(converted, texts))
    tx_seed_raised = run_textacy(args.peer_python, args.model, seeds, out / "textacy.seeds.jsonl")
    tx_pn_raised = run_textacy(args.peer_python, args.model, polnear, out / "textacy.polnear.jsonl")
    textacy = [json.loads(line) for line in (out / "textacy.polnear.jsonl").read_text(encoding="utf-8").splitlines()]
    write_jsonl(out / "textacy.polnear-direct.jsonl", with_quotation_marks(textacy, texts))

    gold = shared / "gold" / "seeds.quotes.jsonl"
    for system, raised in (("detente", None), ("textacy", (tx_seed_raised, tx_pn_raised))):
        print(f"==== {system}")
        if raised:
            print(f"articles on which textacy raised: seeds {raised[0]}/{len(seeds)}, PolNeAR dev {raised[1]}/{len(polnear)}")
        print("-- seed gold")
        print(score([str(tools / "score.py"), "quotes", str(gold), str(out / f"{system}.seeds.jsonl")]))
        print("-- PolNeAR dev, all attributions")
        print(score([str(tools / "score_polnear.py"), str(dev), str(out / f"{system}.polnear.jsonl")]))
        print("-- PolNeAR dev, attributions with quotation marks (predictions: those whose content has one)")
        print(score([str(tools / "score_polnear.py"), str(dev), str(out / f"{system}.polnear-direct.jsonl"), "--direct-only"]))
    quoting, total = seed_quote_time + pn_quote_time, seed_time + pn_time
    print(f"==== speed: the quote stage takes {quoting:.2f}s of the pipeline's {total:.2f}s on "
          f"{len(seeds) + len(polnear)} articles: it adds {quoting / (total - quoting):.1%} to the other stages")
    print(f"predictions in {out}")


if __name__ == "__main__":
    main()
