"""Quotation peers, each run on our articles by a small adapter script in an interpreter of
its own (they do not belong in Détente's install), and their output in our quote JSONL shape.

- textacy 0.13.0, `textacy.extract.triples.direct_quotations`: its script writes our records
  itself.
- The Gender Gap Tracker's English `QuoteExtractor` (SFU Discourse Lab, MIT licence), from a
  checkout the user names: its script runs their `utils.preprocess_text` and
  `extract_quotes`, as their evaluation does, and writes their quote objects with the
  preprocessed text; `ggt_records` maps them onto our records here (their preprocessing
  inserts and drops characters, so their offsets are aligned back to the article's).
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import tempfile
import unicodedata

from detente.evaluation.polnear import QUOTATION_MARK

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

# Their extractor, without the Mongo and coreference parts of their pipeline.
GGT_SCRIPT = r"""
import json, os, sys
english = os.path.join(sys.argv[1], "nlp", "english")
sys.path.insert(0, english)
import spacy, utils
from quote_extractor import QuoteExtractor
nlp = spacy.load(sys.argv[2])
extractor = QuoteExtractor({"spacy_lang": nlp,
                            "NLP": {"QUOTE_VERBS": os.path.join(english, "rules", "quote_verb_list.txt")}})
raised = 0
with open(sys.argv[4], "w", encoding="utf-8") as out:
    for path in json.load(open(sys.argv[3])):
        text = utils.preprocess_text(open(path, encoding="utf-8").read())
        try:
            quotes = extractor.extract_quotes(nlp(text))
        except Exception:
            raised += 1
            continue
        out.write(json.dumps({"doc": os.path.basename(path), "text": text, "quotes": quotes}) + "\n")
print(raised)
"""

GGT_IMPORT = "import sys; sys.path.insert(0, sys.argv[1] + '/nlp/english'); import quote_extractor"

# How many characters past a mismatch the alignment weighs to choose its reading.
WINDOW = 10
# A rewritten character dropped, a character replaced, an original character dropped: on a
# tie, the first (the preprocessing inserts more than it drops).
STEPS = ((1, 0), (1, 1), (0, 1))


def peer_runs(python: str, check: str, *args: str) -> bool:
    """Whether the interpreter `python` exists and runs the statement `check` (given `args`)
    without error, in a scratch folder (the GGT's modules write a log folder where they run)."""
    with tempfile.TemporaryDirectory() as scratch:
        try:
            return subprocess.run([python, "-c", check, *args], capture_output=True, cwd=scratch).returncode == 0
        except OSError:
            return False


def run_adapter(python: str, script: str, args: list[str], paths: list[pathlib.Path], out: pathlib.Path) -> int:
    """Run an adapter `script` in `python` on the articles `paths`, its output written to
    `out`; the script takes `args`, then a JSON listing of the paths, then `out`, and prints
    how many articles it raised on, which is returned."""
    listing = out.with_suffix(".paths.json")
    listing.write_text(json.dumps([str(p.resolve()) for p in paths]))
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run([python, "-c", script, *args, str(listing), str(out.resolve())],
                              capture_output=True, text=True, check=True, cwd=scratch)
    return int(done.stdout.strip().splitlines()[-1])


def _plain(char: str) -> str:
    """A character without its accents, any double quotation mark as a straight one."""
    return '"' if QUOTATION_MARK.match(char) else unicodedata.normalize("NFKD", char)[:1]


def _replacement(x: str, y: str) -> float:
    """The cost of reading `x` for `y`: none for the same character, half for its plain form
    (an accent dropped, a curly quotation mark straightened), else 1."""
    if x == y:
        return 0
    return 0.5 if _plain(x) == _plain(y) else 1


def _first_step(a: str, i: int, b: str, j: int) -> tuple[int, int]:
    """The first step of the cheapest edit of `a`'s next WINDOW characters from `i` into
    `b`'s from `j` (an insertion or a deletion costs 1, a replacement `_replacement`; what is left of one
    window when the other is spent is free, unless its text ends there): one of STEPS, as
    (characters of `a`, characters of `b`)."""
    x, y = a[i:i + WINDOW], b[j:j + WINDOW]
    a_goes_on, b_goes_on = i + WINDOW < len(a), j + WINDOW < len(b)
    cost = [[0] * (len(y) + 1) for _ in range(len(x) + 1)]
    for q in range(len(y) + 1):
        cost[len(x)][q] = 0 if a_goes_on else len(y) - q
    for p in range(len(x) + 1):
        cost[p][len(y)] = 0 if b_goes_on else len(x) - p
    for p in range(len(x) - 1, -1, -1):
        for q in range(len(y) - 1, -1, -1):
            cost[p][q] = min(_replacement(x[p], y[q]) + cost[p + 1][q + 1], 1 + cost[p + 1][q], 1 + cost[p][q + 1])
    if not y:
        return (1, 0)
    first = {(1, 0): 1 + cost[1][0], (1, 1): _replacement(x[0], y[0]) + cost[1][1], (0, 1): 1 + cost[0][1]}
    return min(STEPS, key=first.__getitem__)


def aligned_offsets(rewritten: str, original: str) -> list[int | None]:
    """For each character of `rewritten` (`original` after local edits: characters replaced,
    inserted or dropped, a few at a time), its offset in `original`, or None for a character
    the rewrite inserted. At a mismatch the step that begins the cheapest edit of the next
    few characters is taken."""
    offsets: list[int | None] = []
    i = j = 0
    while i < len(rewritten):
        step = (1, 1) if j < len(original) and rewritten[i] == original[j] else _first_step(rewritten, i, original, j)
        if step == (1, 1):
            offsets.append(j)
        elif step == (1, 0):
            offsets.append(None)
        i, j = i + step[0], j + step[1]
    return offsets


def original_span(index: str, offsets: list[int | None], original: str) -> tuple[int, int] | None:
    """The span of `original` for a GGT index "(start,end)" into the rewritten text, without
    surrounding white space; None for an empty index ("", "(0,0)") or one that maps to nothing."""
    if not index.strip("()"):
        return None
    start, end = (int(n) for n in index.strip("()").split(","))
    kept = [o for o in offsets[start:end] if o is not None]
    if not kept:
        return None
    first, last = kept[0], kept[-1] + 1
    while first < last and original[first].isspace():
        first += 1
    while last > first and original[last - 1].isspace():
        last -= 1
    return (first, last) if last > first else None


def quote_kind(content: str) -> str:
    """direct for content opening with a quotation mark (it may run past the closing one),
    partial for content holding one further on, indirect otherwise."""
    if QUOTATION_MARK.match(content.lstrip(" ,.;:")):
        return "direct"
    return "partial" if QUOTATION_MARK.search(content) else "indirect"


def ggt_records(doc: str, rewritten: str, original: str, quotes: list[dict]) -> list[dict]:
    """The GGT's quote objects for the article `doc` (indices into `rewritten`, its
    preprocessed text) as our quote records over `original`: content as they give it
    (quotation marks included where they include them), the speaker and the verb (or
    "according to") as the cue; a quote whose content maps to nothing is dropped."""
    offsets = aligned_offsets(rewritten, original)
    records = []
    for quote in quotes:
        content = original_span(quote["quote_index"], offsets, original)
        if content is None:
            continue
        text = original[content[0]:content[1]]
        record: dict = {"doc": doc, "kind": quote_kind(text), "text": text, "start": content[0], "end": content[1],
                        "speaker": None, "speaker_start": None, "speaker_end": None,
                        "cue": None, "cue_start": None, "cue_end": None, "ggt_type": quote["quote_type"]}
        for part, index in (("speaker", quote["speaker_index"]), ("cue", quote["verb_index"])):
            span = original_span(index, offsets, original)
            if span is not None:
                record.update({part: original[span[0]:span[1]], f"{part}_start": span[0], f"{part}_end": span[1]})
        records.append(record)
    return records


def ggt_file_records(raw: pathlib.Path, texts: dict[str, str]) -> list[dict]:
    """Our quote records from the GGT adapter's output `raw`, over the articles' own texts
    (`texts` by doc name)."""
    records = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        found = json.loads(line)
        records += ggt_records(found["doc"], found["text"], texts[found["doc"]], found["quotes"])
    return records
