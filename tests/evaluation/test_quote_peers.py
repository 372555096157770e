"""The quotation peers' adapters (benchmarks/quote_peers.py) and the benchmark's side-by-side
table, on hand-made peer output: none of the peers needs to be installed."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load(name: str):
    """A module of benchmarks/ by file name (they are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


peers = load("quote_peers")

# An article, and the same text as the Gender Gap Tracker's preprocessing leaves it: a full
# stop and a space around each line break, straight double quotation marks, no accents,
# single spaces.
ORIGINAL = ("The mayor of Lisbon said the bridge would reopen in May\n"
            "“We will not wait any longer for the repairs,” Fernández told reporters  on Tuesday.\n"
            "“It is safe now.”\n"
            "“Nobody asked the residents what they wanted from the council.”")
REWRITTEN = ("The mayor of Lisbon said the bridge would reopen in May.\n "
             '"We will not wait any longer for the repairs," Fernandez told reporters on Tuesday.\n '
             '"It is safe now.".\n '
             '"Nobody asked the residents what they wanted from the council."')


def index(part: str) -> str:
    """A GGT index "(start,end)" of the first occurrence of `part` in the rewritten text."""
    start = REWRITTEN.index(part)
    return f"({start},{start + len(part)})"


def ggt_quote(quote: str, quote_type: str, speaker: str = "", verb: str = "") -> dict:
    """A quote object in the shape the GGT's QuoteExtractor.extract_quotes returns."""
    return {"speaker": speaker, "speaker_index": index(speaker) if speaker else "(0,0)",
            "quote": quote, "quote_index": index(quote), "verb": verb, "verb_index": index(verb) if verb else "",
            "quote_token_count": len(quote.split()), "quote_type": quote_type, "is_floating_quote": False}


def test_the_alignment_maps_each_character_back_and_inserted_ones_to_nothing():
    offsets = peers.aligned_offsets(REWRITTEN, ORIGINAL)
    assert len(offsets) == len(REWRITTEN)
    inserted = [i for i, o in enumerate(offsets) if o is None]
    assert [REWRITTEN[i] for i in inserted] == [".", " ", " ", ".", " "]
    assert inserted[3] == REWRITTEN.index('now.".') + 5  # the stop after the closing mark, not the one before it
    kept = [o for o in offsets if o is not None]
    (dropped,) = set(range(len(ORIGINAL))) - set(kept)  # every character once but one of the two spaces
    assert kept == sorted(kept) and ORIGINAL[dropped - 1:dropped + 2].count(" ") == 2
    replaced = [(REWRITTEN[i], ORIGINAL[o]) for i, o in enumerate(offsets) if o is not None and REWRITTEN[i] != ORIGINAL[o]]
    assert replaced == [('"', "“"), ('"', "”"), ("a", "á"), ('"', "“"), ('"', "”"), ('"', "“"), ('"', "”")]


def test_their_quotes_become_our_records_over_the_original_text():
    quotes = [ggt_quote("the bridge would reopen in May", "SVC", "The mayor of Lisbon", "said"),
              ggt_quote('"We will not wait any longer for the repairs,"', "QCQSV", "Fernandez", "told"),
              ggt_quote('"Nobody asked the residents what they wanted from the council."', "Heuristic")]
    records = peers.ggt_records("a.txt", REWRITTEN, ORIGINAL, quotes)
    parts = [(r["kind"], r["text"], r["speaker"], r["cue"]) for r in records]
    assert parts == [
        ("indirect", "the bridge would reopen in May", "The mayor of Lisbon", "said"),
        ("direct", "“We will not wait any longer for the repairs,”", "Fernández", "told"),
        ("direct", "“Nobody asked the residents what they wanted from the council.”", None, None),
    ]
    for record in records:
        assert ORIGINAL[record["start"]:record["end"]] == record["text"]
        assert record["doc"] == "a.txt"
    assert ORIGINAL[records[1]["speaker_start"]:records[1]["speaker_end"]] == "Fernández"
    assert records[2]["speaker_start"] is None and records[2]["cue_start"] is None
    assert [r["ggt_type"] for r in records] == ["SVC", "QCQSV", "Heuristic"]


def test_a_span_over_the_inserted_stop_keeps_only_the_article_text():
    quote = ggt_quote("reopen in May.\n ", "SVC")
    (record,) = peers.ggt_records("a.txt", REWRITTEN, ORIGINAL, [quote])
    assert record["text"] == "reopen in May"
    assert peers.original_span("(0,0)", [0, 1], "ab") is None
    assert peers.original_span("", [0, 1], "ab") is None


def test_the_kind_follows_the_quotation_marks_of_the_content():
    assert peers.quote_kind("“The talks are over.”") == "direct"
    assert peers.quote_kind('"The talks are over," ') == "direct"
    assert peers.quote_kind("“For us the talks are over,” he said, “and the border") == "direct"
    assert peers.quote_kind("the talks were “over for now”") == "partial"
    assert peers.quote_kind("the talks were over") == "indirect"


def test_the_adapter_output_is_read_over_each_article_text(tmp_path):
    raw = tmp_path / "ggt.raw.jsonl"
    raw.write_text(json.dumps({"doc": "a.txt", "text": REWRITTEN,
                               "quotes": [ggt_quote("the bridge would reopen in May", "SVC")]}) + "\n")
    (record,) = peers.ggt_file_records(raw, {"a.txt": ORIGINAL})
    assert (record["start"], record["end"]) == (25, 55)


def test_an_adapter_runs_in_the_named_interpreter_and_reports_what_raised(tmp_path):
    script = ("import json, sys\npaths = json.load(open(sys.argv[2]))\n"
              "open(sys.argv[3], 'w').write(sys.argv[1] + str(len(paths)))\nprint(len(paths) - 1)\n")
    out = tmp_path / "peer.jsonl"
    assert peers.run_adapter(sys.executable, script, ["x"], [tmp_path / "a.txt", tmp_path / "b.txt"], out) == 1
    assert out.read_text() == "x2"
    assert peers.peer_runs(sys.executable, "import json")
    assert not peers.peer_runs(sys.executable, "import a_module_nobody_installed")
    assert not peers.peer_runs(str(tmp_path / "no-python"), "import json")


def test_the_table_sets_the_systems_side_by_side(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    quotes = load("quotes")
    seeds = ("quotes: gold=10 predicted=8\nspan        P=0.875 R=0.700 F1=0.778\n"
             "attribution P=0.750 R=0.600 F1=0.667\nrecall by kind: direct 5/7, indirect 1/3")
    polnear = ("content  gold=  100 pred=   80  exact P=0.250 R=0.200 F1=0.222   overlap P=0.5 R=0.4 F1=0.444\n"
               "source   gold=   90 pred=   70  exact P=0.300 R=0.233 F1=0.263   overlap P=0.5 R=0.4 F1=0.444\n"
               "who-said-what gold=100 pred=80  P=0.625 R=0.500 F1=0.556\nF1 0.556")
    found = {"detente": {"seeds": seeds, "voa-dev": seeds, "polnear": polnear, "polnear-direct": polnear},
             "ggt": {"seeds": "", "voa-dev": seeds, "polnear": polnear, "polnear-direct": polnear}}
    table = quotes.summary(found, {"ggt": {"seeds": 0, "voa-dev": 1, "polnear": 2}},
                           {"seeds": 5, "voa-dev": 45, "polnear": 84}).splitlines()
    assert table[0] == "| | Détente | GGT QuoteExtractor (no coreference) |"
    assert "| seed gold, attribution F1 | 0.667 | — |" in table
    assert "| VOA development stories, attributed recall by kind | direct 5/7, indirect 1/3 | direct 5/7, indirect 1/3 |" in table
    assert "| PolNeAR dev, who-said-what F1, quotation marks | 0.556 (P 0.625, R 0.500) | 0.556 (P 0.625, R 0.500) |" in table
    assert "| PolNeAR dev, source exact-span F1, all attributions | 0.263 | 0.263 |" in table
    assert table[-1] == "| articles on which it raised | — | seeds 0/5, voa-dev 1/45, polnear 2/84 |"
