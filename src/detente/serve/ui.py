"""The web UI: the report's views live (findings, position map, networks, cohesion,
fractures, statements), filtered by date range, outlet, actor, issue and bloc; an actor
page, an issue page, and an article page with every quote, statement and mention
highlighted. Every page is a permalink: its filters are in its URL. Pages are Jinja
templates with autoescaping; scripts and styles are served from memory, never a CDN."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional, cast

import jinja2
import plotly.offline
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from detente import analysis
from detente.errors import RecordNotFound
from detente.records import Actor, Mention, Quote, Statement
from detente.report import figures, issue_title
from detente.serve.api import selection
from detente.serve.data import Data, Selection
from detente.serve.evidence import segments
from detente.store.query import Filters, page

HERE = Path(__file__).parent
TABLE_ROWS = 200
STATIC = {
    "app.css": ("text/css", (HERE / "static" / "app.css").read_text(encoding="utf-8")),
    "app.js": ("text/javascript", (HERE / "static" / "app.js").read_text(encoding="utf-8")),
    "favicon.svg": ("image/svg+xml", (HERE / "static" / "favicon.svg").read_text(encoding="utf-8")),
    "plotly.min.js": ("text/javascript", plotly.offline.get_plotlyjs()),
}
"""The files the pages load, read once: a request names one of these, never a path."""

templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                               undefined=jinja2.StrictUndefined)
templates.globals["label"] = issue_title
router = APIRouter(include_in_schema=False)
Chosen = Annotated[Selection, Depends(selection)]


def _data(request: Request) -> Data:
    return request.app.state.data


Store = Annotated[Data, Depends(_data)]


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    data: Data = request.app.state.data
    html = templates.get_template(template).render(request=request, choices=data.choices(), **values)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    html = templates.get_template("error.html.j2").render(request=request, status=status, message=message)
    return HTMLResponse(html, status_code=status)


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        raise RecordNotFound(f"No stored page or file is called {name!r}.")
    kind, body = STATIC[name]
    return Response(body, media_type=kind, headers={"Cache-Control": "max-age=3600"})


def _figures(statements: list[Statement], positions, actors: list[Actor]) -> dict:
    agreement = analysis.one_mode(statements, "congruence")
    conflict = analysis.one_mode(statements, "conflict")
    kinds = {a.id: a.kind for a in actors}
    return {
        "heatmap": figures.heatmap(positions, issue_title) if positions else None,
        "networks": figures.networks(agreement, conflict, kinds) if agreement or conflict else None,
    }


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, chosen: Chosen, store: Store) -> HTMLResponse:
    statements = store.statements(chosen)
    actors = store.actors()
    positions = store.positions(chosen)
    return render(request, "index.html.j2", chosen=chosen, statements=statements[:TABLE_ROWS], total=len(statements),
                  fractures=store.fractures(chosen), cohesion=store.cohesion(chosen),
                  figures=_figures(statements, positions, actors))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, chosen: Chosen, store: Store) -> HTMLResponse:
    actor = next((a for a in store.actors() if a.id == actor_id), None)
    if actor is None:
        raise RecordNotFound(f"No stored actor has the id {actor_id!r}.")
    _, quotes = page(store.store, "quotes", Filters(speaker_id=actor_id, since=chosen.since, until=chosen.until,
                                                    outlet=chosen.outlet), TABLE_ROWS)
    own = Selection(since=chosen.since, until=chosen.until, outlet=chosen.outlet, actor_id=actor_id,
                    issue=chosen.issue)
    everyone = Selection(since=chosen.since, until=chosen.until, outlet=chosen.outlet, issue=chosen.issue)
    ties = [(relation, edge) for relation in ("congruence", "conflict") for edge in store.network(everyone, relation)
            if actor_id in (edge["source"], edge["target"])]
    statements = sorted(store.statements(own), key=lambda s: (s.date or "", s.doc, s.start))
    return render(request, "actor.html.j2", chosen=chosen, actor=actor, quotes=cast(list[Quote], quotes),
                  statements=statements, ties=ties)


@router.get("/issues/{issue}", response_class=HTMLResponse)
def issue_page(request: Request, issue: str, chosen: Chosen, store: Store) -> HTMLResponse:
    on_issue = Selection(since=chosen.since, until=chosen.until, outlet=chosen.outlet, bloc=chosen.bloc, issue=issue)
    statements = store.statements(on_issue)
    if not statements and issue not in store.choices()["issues"]:
        raise RecordNotFound(f"No stored statement is on the issue {issue!r}.")
    positions = store.positions(on_issue)
    return render(request, "issue.html.j2", chosen=chosen, issue=issue, statements=statements[:TABLE_ROWS],
                  total=len(statements), positions=positions,
                  figures={"heatmap": figures.heatmap(positions, issue_title) if positions else None})


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: str, store: Store, highlight: Optional[str] = None) -> HTMLResponse:
    document = store.document(doc_id)
    found = {name: page(store.store, name, Filters(doc_id=doc_id))[1] for name in ("mentions", "quotes", "statements")}
    mentions = cast(list[Mention], found["mentions"])
    quotes = cast(list[Quote], found["quotes"])
    statements = cast(list[Statement], found["statements"])
    spans = ([(m.start, m.end, "mention", f"m{i}") for i, m in enumerate(mentions)]
             + [(q.start, q.end, "quote", q.id) for q in quotes]
             + [(s.start, s.end, "statement", s.id) for s in statements])
    parts = segments(document.text, spans)
    anchor = next((p.start for p in parts if any(key == highlight for _, key in p.records)), None)
    return render(request, "article.html.j2", document=document, parts=parts, anchor=anchor, mentions=mentions,
                  quotes=quotes, statements=statements, highlight=highlight, chosen=Selection())
