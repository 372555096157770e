"""The HTML report as a file: self-contained, escaped, and carrying its findings and evidence."""
from __future__ import annotations

import json
import re

import pytest

from detente.analysis import Blocs, cohesion
from detente.records import Document, Statement, record_id, text_id
from detente.report import issue_title, write_report
from detente.report.findings import headline
from seed_records import ACTORS, ACTORS_WITH_CLUBS, documents, events, mentioned, quotes, statements

HOSTILE = "A leaked memo read <script>alert('x')</script> and <img src=x onerror=alert(1)> in full."


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> str:
    docs = documents()
    hostile = Document(id=text_id(HOSTILE), doc="memo.txt", source="memo.txt", text=HOSTILE, published="2025-08-20")
    found = statements(docs) + [Statement(
        id=record_id("memo"), doc=hostile.doc, doc_id=hostile.id, date=hostile.published, actor="Kaja Kallas",
        actor_id="kaja-kallas", issue="ceasefire", stance="oppose", evidence=HOSTILE, start=0, end=len(HOSTILE))]
    path = write_report(tmp_path_factory.mktemp("out"), docs + [hostile], ACTORS_WITH_CLUBS, quotes(found), found,
                        mentioned=mentioned(ACTORS_WITH_CLUBS, docs), events=events(docs))
    assert path.name == "report.html"
    return path.read_text(encoding="utf-8")


def report_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_report_fetches_nothing(html):
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)  # the page, not the library inside it
    assert "<script" not in markup and markup.count("</script>") == 0
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)
    assert not re.search(r"<script[^>]*\ssrc=", html)
    assert "<link" not in html
    assert "default-src 'none'" in html
    assert html.count("plotly.js v") == 1  # the library is embedded once


def test_article_text_is_escaped(html):
    assert "<script>alert('x')</script>" not in html
    assert "<img src=x" not in html
    data = report_data(html)
    assert data["documents"][text_id(HOSTILE)]["text"] == HOSTILE
    assert [HOSTILE] in [[row[-1]] for row in data["tables"]["records"]["rows"]]  # the page inserts it as text


def test_findings_lead_with_the_widest_split(html):
    findings = re.findall(r'<li><a href="#evidence=([^"]+)" class="ev" data-evidence="([^"]+)">([^<]+)</a></li>', html)
    link, key, sentence = findings[0]
    assert key == "fracture:1" and link == "fracture%3A1"  # a permalink to the finding
    assert sentence.startswith("Split on territorial concessions within NATO") and "NATO (Mark Rutte)" in sentence
    for name in ("Mark Rutte", "Pete Hegseth", "Donald Tusk", "Boris Pistorius", "Kaja Kallas"):
        assert name in sentence
    # the governments and bodies, each with its officials; Ukraine shares only the widest bloc, the OSCE
    supporters, opponents = sentence.split(": ", 1)[1].split("; ")
    assert supporters == "United States (Pete Hegseth, Donald Trump) and NATO (Mark Rutte) support it"
    assert opponents == "Germany (Boris Pistorius), Poland (Donald Tusk) and European Union (Kaja Kallas) oppose it."


def test_blocs_the_articles_mention_are_named_first_and_the_list_is_capped(html):
    data = report_data(html)
    rank = next(k for k, v in data["evidence"].items() if k.startswith("fracture:")
                and v["title"].startswith("Split on territorial concessions: United States (Pete Hegseth, Donald Trump) "
                                          "supports, Germany (Boris Pistorius) opposes"))
    # five shared blocs: NATO, which the articles name, then the smaller clubs, three at most
    assert data["evidence"][rank]["title"].endswith("(both in NATO, Eurozone, Schengen Area and 2 more)")
    table = data["tables"]["fractures"]
    row = table["rows"][table["keys"].index(rank)]
    assert row[[c["key"] for c in table["columns"]].index("blocs")] == "NATO, Eurozone, Schengen Area, G7, osce"


@pytest.mark.parametrize("mentioned, first", [(["nato"], "NATO"), (["european-union"], "European Union")])
def test_united_blocs_the_articles_mention_come_first(mentioned, first):
    docs = documents()
    found, blocs = statements(docs), Blocs(ACTORS)
    findings = headline(found, docs, [], cohesion(found, ACTORS), issue_title, blocs.ranked(blocs.ids, mentioned))
    united = [re.match(r"All \d+ members of (.+?) who spoke on", f["text"]) for f in findings]
    names = [m.group(1) for m in united if m]
    assert names[0] == first and set(names) == {"NATO", "European Union"}  # the two united blocs of ≥ 3


def test_every_clickable_thing_has_evidence_in_its_article(html):
    data = report_data(html)
    keys = set(re.findall(r'data-evidence="([^"]+)"', html))
    keys.update(k for t in data["tables"].values() for k in t["keys"] if k)
    for figure in filter(None, data["figures"].values()):
        for trace in figure["data"]:
            values = trace.get("customdata") or []
            keys.update(v for row in values for v in (row if isinstance(row, list) else [row]) if v)
    assert {k.split(":")[0] for k in keys} >= {"fracture", "cohesion", "statement", "quote", "cell", "edge", "actor",
                                               "voice", "event", "dyad"}
    for key in keys:
        entry = data["evidence"][key]
        assert entry["items"], key
        for item in map(data["items"].get, entry["items"]):
            text = data["documents"][item["doc_id"]]["text"]
            assert text[item["start"]:item["end"]] == item["text"]


def test_empty_corpus_still_writes_a_report(tmp_path):
    html = write_report(tmp_path, [], [], [], []).read_text(encoding="utf-8")
    assert "0 statements by 0 actors" in html


def test_dyads_leave_out_denied_and_future_events(html):
    data = report_data(html)
    coded = {e.id: e for e in events(documents())}
    dyad_keys = [k for k in data["evidence"] if k.startswith("dyad:")]
    counted = {i for k in dyad_keys for i in data["evidence"][k]["items"]}
    assert counted == {i for i, e in coded.items() if not e.negated and e.tense != "future"}
    # the whole period (no window) and each window of the chart
    assert "dyad:united-states|ukraine|" in dyad_keys
    windowed = [k for k in dyad_keys if k.startswith("dyad:united-states|ukraine|") and not k.endswith("|")]
    assert windowed and all(re.search(r"\|2025-\d\d-\d\d to 2025-\d\d-\d\d$", k) for k in windowed)
    assert sum(len(data["evidence"][k]["items"]) for k in windowed) == 2


def test_an_event_title_says_who_did_what_to_whom_and_how(html):
    data = report_data(html)
    titles = [v["title"] for k, v in data["evidence"].items() if k.startswith("event:")]
    assert "Vladimir Putin → Ukraine: not CONCEDE (present) (compromise)" in titles
    assert "Volodymyr Zelensky → no one: REJECT (rejected)" in titles


def test_a_report_without_events_says_so(tmp_path):
    docs = documents()
    found = statements(docs)
    data = report_data(write_report(tmp_path, docs, ACTORS, quotes(found), found).read_text(encoding="utf-8"))
    assert data["tables"]["events"]["rows"] == [] and data["tables"]["dyads"]["rows"] == []
    assert data["figures"]["dyads"] is None
