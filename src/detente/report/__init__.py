"""The self-contained HTML report: findings, position heat-map, agreement and conflict
networks, cohesion and shifts over time, voice shares, fractures, events and their dyads
over time, and tables of every finding, of the events and of the quotes and statements
(sortable, paged, filterable, downloadable as CSV), every figure and row linked to its
evidence highlighted in the article text.

The file needs no network: plotly's JavaScript (from the plotly package) is embedded once,
the data travel as JSON inside the page, and article text is inserted as text, never HTML.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

import jinja2
import plotly.offline

from detente.analysis import Blocs, Findings, analyse, dyads, one_mode
from detente.analysis.positions import evidence
from detente.analysis.settings import settings
from detente.exports.files import replacing
from detente.records import Actor, Document, Event, Quote, Statement
from detente.report import figures, tables
from detente.report.findings import BLOCS_SHOWN, headline, isolate, names, side_name

HERE = Path(__file__).parent


def issue_title(issue: str) -> str:
    """An issue id as words: 'territorial-concessions' → 'territorial concessions'."""
    return issue.replace("-", " ").replace("_", " ")


SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""What JSON inside a <script> element must not hold as such ('<', '>' and '&': these
can only occur inside JSON strings, where the escapes read the same)."""
DATA_MARK = "\ue000report-data\ue000"
"""Where the data go in the rendered page (a private-use character, never in the template)."""


def script_json_chunks(data) -> Iterator[str]:
    """JSON that is safe inside a <script> element, in pieces, never one string of it all."""
    encoder = json.JSONEncoder(ensure_ascii=False, default=str, separators=(",", ":"))
    for chunk in encoder.iterencode(data):
        yield chunk.translate(SCRIPT_UNSAFE)


def _quote_evidence(quote: Quote) -> dict:
    return {"statement": quote.id, "doc": quote.doc, "doc_id": quote.doc_id, "date": None,
            "actor": quote.speaker or quote.speaker_text or "unattributed", "stance": f"{quote.kind} quote",
            "text": quote.text, "start": quote.start, "end": quote.end}


def _event_evidence(event: Event) -> dict:
    return {"statement": event.id, "doc": event.doc, "doc_id": event.doc_id, "date": event.date,
            "actor": _dyad_name(event.source, event.target), "stance": _event_kind(event),
            "text": event.evidence, "start": event.start, "end": event.end}


def _dyad_name(source: Sequence[str], target: Sequence[str]) -> str:
    """'A, B → C': the sources and targets of an event or dyad, each name isolated."""
    return f"{', '.join(map(isolate, source)) or 'someone'} → {', '.join(map(isolate, target)) or 'no one'}"


def _event_kind(event: Event) -> str:
    """'not AGREE (future)': the type and mode, with negation and a tense other than past."""
    kind = " ".join(filter(None, (event.type, event.mode)))
    return ("not " if event.negated else "") + kind + (f" ({event.tense})" if event.tense != "past" else "")


def _event_index(events: Sequence[Event], by_window, whole) -> tuple[dict, dict]:
    """(items, index) of the events: each event's sentence, and each dyad's events over
    the whole period and per window."""
    items = {e.id: _event_evidence(e) for e in events}
    index = {f"event:{e.id}": {"title": f"{_dyad_name(e.source, e.target)}: {_event_kind(e)} ({e.trigger})",
                               "items": [e.id]} for e in events}
    for r in list(whole) + list(by_window):
        name = _dyad_name([r["source"]], [r["target"]] if r["target"] else [])
        index[f"dyad:{r['source_id']}|{r['target_id']}|{r['window']}"] = {
            "title": f"{name}{' in ' + r['window'] if r['window'] else ''}: {r['events']} events, "
                     f"net {r['net']:g}", "items": r["evidence"]}
    return items, index


def _evidence_index(findings: Findings, agreement, conflict, label) -> tuple[dict, dict]:
    """(items, index): every statement and quote shown as evidence, by id, and evidence
    key → {title, items (ids)}: what a click on a cell, edge, finding or row shows."""
    items = {s.id: evidence(s) for s in findings.statements}
    items.update((q.id, _quote_evidence(q)) for q in findings.quotes)
    ids = lambda entries: [e["statement"] for e in entries]
    index = {}
    for r in findings["positions"]:
        index[f"cell:{r['actor_id']}|{r['issue']}"] = {
            "title": f"{isolate(r['actor'])} on {label(r['issue'])}: {r['position']} (net {r['net']:+d})",
            "items": ids(r["evidence"])}
    for relation, rows in (("agreement", agreement), ("conflict", conflict)):
        for r in rows:
            index[f"edge:{relation}:{r['source']}|{r['target']}"] = {
                "title": f"{relation.title()} of {isolate(r['source_name'])} and {isolate(r['target_name'])} "
                         f"({r['weight']:g}) on {', '.join(label(i) for i in r['issues'])}",
                "items": ids(r["evidence"])}
    by_actor: dict[str, list] = {}
    for s in findings.statements:
        by_actor.setdefault(s.actor_id or s.actor, []).append(s)
    for key, said in by_actor.items():
        index[f"actor:{key}"] = {"title": f"Statements of {isolate(said[0].actor)}", "items": [s.id for s in said]}
    for r in findings["fractures"]:
        index[f"fracture:{r['rank']}"] = {
            "title": f"Split on {label(r['issue'])}: {side_name(r['supporter'], r['supporter_speakers'])} supports, "
                     f"{side_name(r['opponent'], r['opponent_speakers'])} opposes "
                     f"(both in {names(r['bloc_names'], BLOCS_SHOWN)})",
            "items": [r["supporter_evidence"]["statement"], r["opponent_evidence"]["statement"]]}
    for r in findings["cohesion"] + findings["cohesion_over_time"]:
        index[f"cohesion:{r['bloc']}|{r['issue']}|{r['window_start']}"] = {
            "title": f"{isolate(r['bloc_name'])} on {label(r['issue'])}: Agreement Index {r['agreement_index']:.2f}",
            "items": r["statements"]}
    for r in findings["shifts"]:
        index[f"shift:{r['rank']}"] = {
            "title": f"{isolate(r['actor'])} moved from {r['from_position']} to {r['to_position']} "
                     f"on {label(r['issue'])} ({r['from_start']} → {r['to_start']})",
            "items": [r["earlier_evidence"]["statement"], r["later_evidence"]["statement"]]}
    for r in findings["voice"]:
        where = "all outlets" if r["outlet"] == "all" else isolate(r["outlet"])
        index[f"voice:{r['outlet']}|{r['dimension']}|{r['group']}"] = {
            "title": f"Quotes of {isolate(r['label'])} ({r['dimension']}) in {where}",
            "items": r["quote_ids"]}
    for s in findings.statements:
        index[f"statement:{s.id}"] = {"title": f"{isolate(s.actor)} {s.stance}s {label(s.issue)}", "items": [s.id]}
    for q in findings.quotes:
        index[f"quote:{q.id}"] = {"title": f"{isolate(q.speaker or 'Unattributed')}: {q.kind} quote", "items": [q.id]}
    return items, index


def plotly_js() -> str:
    """plotly.js, from the plotly package, safe inside one <script> element."""
    return re.sub(r"</(script)", r"<\\/\1", plotly.offline.get_plotlyjs(), flags=re.I)


def write_report(
    out_dir,
    documents: Sequence[Document],
    actors: Sequence[Actor],
    quotes: Sequence[Quote],
    statements: Sequence[Statement],
    issue_labels: Optional[dict[str, str]] = None,
    mentioned: Iterable[str] = (),
    findings: Optional[Findings] = None,
    events: Sequence[Event] = (),
) -> Path:
    """Write OUT/report.html, a single file that opens in a browser with no network.
    `mentioned`, the ids of the actors the articles mention, puts the blocs among them
    (NATO, the EU …) first wherever the report names or orders blocs; `findings` (from
    `analysis.analyse`) saves computing the tables again; `events` fill the section on who
    did what to whom."""
    label: Callable[[str], str] = lambda issue: (issue_labels or {}).get(issue) or issue_title(issue)
    mentioned = list(mentioned)
    findings = findings or analyse(documents, actors, quotes, statements, mentioned)
    blocs = Blocs(actors)
    bloc_order = blocs.ranked(blocs.ids, mentioned)
    counted = findings.statements
    agreement = one_mode(counted, "congruence")
    conflict = one_mode(counted, "conflict")
    kinds = {a.id: a.kind for a in actors}
    by_id = {d.id: d for d in documents}
    items, index = _evidence_index(findings, agreement, conflict, label)
    whole, by_window = dyads(events), dyads(events, settings()["dyad_window_days"])
    event_items, event_index = _event_index(events, by_window, whole)
    items.update(event_items)
    index.update(event_index)
    copies = findings["reposts"]
    data = {
        "documents": {d.id: {"doc": d.doc, "title": d.title, "date": d.published, "outlet": d.outlet,
                             "url": d.url, "text": d.text} for d in documents},
        "items": items,
        "evidence": index,
        "tables": {
            "records": tables.records(sorted(counted, key=lambda s: (s.date or "", s.doc, s.start)),
                                      findings.quotes, by_id, label),
            "fractures": tables.fractures(findings["fractures"], label),
            "cohesion": tables.cohesion(findings["cohesion"] + findings["cohesion_over_time"], label),
            "shifts": tables.shifts(findings["shifts"], label),
            "voice": tables.voice(findings["voice"]),
            "reposts": tables.reposts(copies),
            "events": tables.events(sorted(events, key=lambda e: (e.date or "", e.doc, e.start)), by_id),
            "dyads": tables.dyads(whole),
        },
        "figures": {
            "heatmap": figures.heatmap(findings["positions"], label) if findings["positions"] else None,
            "networks": figures.networks(agreement, conflict, kinds) if agreement or conflict else None,
            "cohesion": figures.cohesion_over_time(findings["cohesion_over_time"], label)
            if findings["cohesion_over_time"] else None,
            "shifts": figures.shift_timeline(findings["shifts"], label) if findings["shifts"] else None,
            "voice": figures.voice_shares(findings["voice"]) if findings["voice"] else None,
            "dyads": figures.dyads_over_time(by_window, whole) if by_window else None,
        },
    }
    library = plotly_js()
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
    html = environment.get_template("report.html.j2").render(
        findings=headline(counted, documents, findings["fractures"], findings["cohesion"], label, bloc_order,
                          blocs.sizes),
        window_days=settings()["cohesion_window_days"],
        dyad_days=settings()["dyad_window_days"],
        counts={"documents": len(documents), "statements": len(statements), "counted": len(counted),
                "quotes": len(findings.quotes), "undated": findings.undated, "reposts": len(copies),
                "events": len(events)},
        duplicates=findings.duplicates,
        library_size=f"{len(library.encode('utf-8')) / 1e6:.1f} MB",
        style=(HERE / "report.css").read_text(encoding="utf-8"),
        script=(HERE / "report.js").read_text(encoding="utf-8"),
        plotly_js=library,
        data_json=DATA_MARK,
    )
    head, tail = html.split(DATA_MARK)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    with replacing(path) as handle:  # a full disk never leaves half a report
        handle.write(head)
        handle.writelines(script_json_chunks(data))  # streamed: the data are never one string
        handle.write(tail)
    return path
