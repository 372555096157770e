"""The self-contained HTML report: findings, position heat-map, agreement and conflict
networks, cohesion over time, fractures, and a searchable table of quotes and statements,
every figure linked to its evidence highlighted in the article text.

The file needs no network: plotly's JavaScript (from the plotly package) is embedded once,
the data travel as JSON inside the page, and article text is inserted as text, never HTML.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import jinja2
import plotly.offline

from detente.analysis import Blocs, cohesion, fractures, one_mode, position_map, time_windows
from detente.analysis.positions import evidence
from detente.exports.files import replacing
from detente.records import Actor, Document, Quote, Statement
from detente.report import figures
from detente.report.findings import BLOCS_SHOWN, headline, names

HERE = Path(__file__).parent
COHESION_WINDOW_DAYS = 30


def issue_title(issue: str) -> str:
    """An issue id as words: 'territorial-concessions' → 'territorial concessions'."""
    return issue.replace("-", " ").replace("_", " ")


def script_json(data) -> str:
    """JSON that is safe inside a <script> element (no '<', '>' or '&' left as such)."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _quote_evidence(quote: Quote) -> dict:
    return {"statement": quote.id, "doc": quote.doc, "doc_id": quote.doc_id, "date": None,
            "actor": quote.speaker or quote.speaker_text or "unattributed", "stance": f"{quote.kind} quote",
            "text": quote.text, "start": quote.start, "end": quote.end}


def _evidence_index(positions, agreement, conflict, fracture_rows, cohesion_rows, statements, quotes, label):
    """Evidence key → {title, items}: what a click on a cell, edge, finding or row shows."""
    index = {}
    for r in positions:
        index[f"cell:{r['actor_id']}|{r['issue']}"] = {
            "title": f"{r['actor']} on {label(r['issue'])}: {r['position']} (net {r['net']:+d})",
            "items": r["evidence"]}
    for relation, rows in (("agreement", agreement), ("conflict", conflict)):
        for r in rows:
            index[f"edge:{relation}:{r['source']}|{r['target']}"] = {
                "title": f"{relation.title()} of {r['source_name']} and {r['target_name']} "
                         f"({r['weight']:g}) on {', '.join(label(i) for i in r['issues'])}",
                "items": r["evidence"]}
    by_actor: dict[str, list] = {}
    for s in statements:
        by_actor.setdefault(s.actor_id or s.actor, []).append(evidence(s))
    for key, items in by_actor.items():
        index[f"actor:{key}"] = {"title": f"Statements of {items[0]['actor']}", "items": items}
    for r in fracture_rows:
        index[f"fracture:{r['rank']}"] = {
            "title": f"Split on {label(r['issue'])}: {r['supporter']} supports, {r['opponent']} opposes "
                     f"(both in {names(r['bloc_names'], BLOCS_SHOWN)})",
            "items": [r["supporter_evidence"], r["opponent_evidence"]]}
    by_id = {s.id: s for s in statements}
    for r in cohesion_rows:
        items = [evidence(s) for s in statements if s.issue == r["issue"]
                 and s.actor in r["supporters"] + r["opponents"] + r["neutrals"]
                 and (r["window_start"] is None or r["window_start"] <= (s.date or "") <= r["window_end"])]
        index[f"cohesion:{r['bloc']}|{r['issue']}|{r['window_start']}"] = {
            "title": f"{r['bloc_name']} on {label(r['issue'])}: Agreement Index {r['agreement_index']:.2f}",
            "items": items}
    for s in by_id.values():
        index[f"statement:{s.id}"] = {"title": f"{s.actor} {s.stance}s {label(s.issue)}", "items": [evidence(s)]}
    for q in quotes:
        index[f"quote:{q.id}"] = {"title": f"{q.speaker or 'Unattributed'}: {q.kind} quote",
                                  "items": [_quote_evidence(q)]}
    return index


def write_report(
    out_dir,
    documents: Sequence[Document],
    actors: Sequence[Actor],
    quotes: Sequence[Quote],
    statements: Sequence[Statement],
    issue_labels: Optional[dict[str, str]] = None,
    mentioned: Iterable[str] = (),
) -> Path:
    """Write OUT/report.html, a single file that opens in a browser with no network.
    `mentioned`, the ids of the actors the articles mention, puts the blocs among them
    (NATO, the EU …) first wherever the report names or orders blocs."""
    label: Callable[[str], str] = lambda issue: (issue_labels or {}).get(issue) or issue_title(issue)
    mentioned = set(mentioned)
    blocs = Blocs(actors)
    bloc_order = blocs.ranked(blocs.ids, mentioned)
    place = {bloc: i for i, bloc in enumerate(bloc_order)}
    positions = position_map(statements, actors)
    agreement = one_mode(statements, "congruence")
    conflict = one_mode(statements, "conflict")
    fracture_rows = fractures(statements, actors, mentioned)
    overall = sorted(cohesion(statements, actors), key=lambda r: place[r["bloc"]])  # salient blocs first
    windows = time_windows([s.date for s in statements], COHESION_WINDOW_DAYS)
    over_time = cohesion(statements, actors, windows)
    kinds = {a.id: a.kind for a in actors}
    layout = figures.network_layout(agreement, conflict)
    data = {
        "documents": {d.id: {"doc": d.doc, "title": d.title, "date": d.published, "outlet": d.outlet,
                             "url": d.url, "text": d.text} for d in documents},
        "evidence": _evidence_index(positions, agreement, conflict, fracture_rows, overall + over_time,
                                    statements, quotes, label),
        "figures": {
            "heatmap": figures.heatmap(positions, label) if positions else None,
            "agreement": figures.network(agreement, layout, kinds, "agreement", "#2166ac") if agreement else None,
            "conflict": figures.network(conflict, layout, kinds, "conflict", "#b2182b") if conflict else None,
            "cohesion": figures.cohesion_over_time(over_time, label) if over_time else None,
        },
    }
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
    html = environment.get_template("report.html.j2").render(
        findings=headline(statements, documents, fracture_rows, overall, label, bloc_order),
        fractures=fracture_rows, cohesion=overall, window_days=COHESION_WINDOW_DAYS,
        statements=sorted(statements, key=lambda s: (s.date or "", s.doc, s.start)),
        quotes=sorted(quotes, key=lambda q: (q.doc, q.start)),
        documents={d.id: d for d in documents}, label=label, names=names, blocs_shown=BLOCS_SHOWN,
        counts={"documents": len(documents), "statements": len(statements), "quotes": len(quotes)},
        style=(HERE / "report.css").read_text(encoding="utf-8"),
        script=(HERE / "report.js").read_text(encoding="utf-8"),
        plotly_js=re.sub(r"</(script)", r"<\\/\1", plotly.offline.get_plotlyjs(), flags=re.I),
        data_json=script_json(data),
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    with replacing(path) as handle:  # a full disk never leaves half a report
        handle.write(html)
    return path
