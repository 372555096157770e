"""The report's charts as plotly figures (JSON-ready dicts), with evidence keys attached.

Every string given to plotly as text goes through `chart_text`: plotly reads a little
HTML in labels (`<a href>`, `<b>`), so names are escaped to show as written, and wrapped
in a Unicode isolate so that bidi controls in a name cannot reorder what follows it.
"""
from __future__ import annotations

import html
import json
import math
from collections import defaultdict

import networkx as nx
import plotly.graph_objects as go

from detente.analysis.settings import settings
from detente.report.findings import isolate

STANCE_COLOURS = [[0.0, "#b2182b"], [0.5, "#f7f7f7"], [1.0, "#2166ac"]]
KIND_COLOURS = {"person": "#4c72b0", "country": "#55a868", "organisation": "#c44e52"}
RELATION_STYLE = {"agreement": dict(color="#2166ac", dash="solid"), "conflict": dict(color="#b2182b", dash="dot")}
FONT = dict(family="system-ui, -apple-system, Segoe UI, sans-serif", size=12)


def chart_text(value) -> str:
    """A string as plotly shows it literally: HTML-escaped, bidi-isolated (`isolate`)."""
    return isolate(html.escape(str(value), quote=False))


def _limits() -> dict:
    return settings()["report"]


def _layout(**extra) -> dict:
    return dict(font=FONT, margin=dict(l=10, r=10, t=30, b=10), paper_bgcolor="white",
                plot_bgcolor="white", **extra)


def heatmap(positions, issue_label) -> dict:
    """Actor × issue heat-map of net positions of the most active actors; each cell's
    customdata is its evidence key."""
    activity: dict[str, int] = defaultdict(int)
    for r in positions:
        activity[r["actor_id"]] += r["statements"]
    shown = set(sorted(activity, key=lambda k: -activity[k])[:_limits()["heatmap_actors"]])
    chosen = [r for r in positions if r["actor_id"] in shown]
    actors = sorted({(r["actor"], r["actor_id"]) for r in chosen}, reverse=True)
    issues = sorted({r["issue"] for r in chosen})
    cell = {(r["actor_id"], r["issue"]): r for r in chosen}
    z, text, keys = [], [], []
    for _, actor_id in actors:
        rows = [cell.get((actor_id, issue)) for issue in issues]
        z.append([r["net"] if r else None for r in rows])
        text.append([f"+{r['support']} −{r['oppose']} ={r['neutral']}" if r else "" for r in rows])
        keys.append([f"cell:{actor_id}|{issue}" if r else "" for issue, r in zip(issues, rows)])
    bound = max([abs(v) for row in z for v in row if v is not None] or [1])
    figure = go.Figure(go.Heatmap(
        z=z, x=[chart_text(issue_label(i)) for i in issues], y=[chart_text(name) for name, _ in actors], text=text,
        customdata=keys, zmin=-bound, zmax=bound, colorscale=STANCE_COLOURS, xgap=2, ygap=2,
        texttemplate="%{text}", colorbar=dict(title=dict(text="net"), thickness=12),
        hovertemplate="%{y} on %{x}<br>net position %{z}<br>%{text}<extra>click for evidence</extra>",
    ))
    figure.update_layout(**_layout(height=120 + 26 * len(actors)))
    figure.update_xaxes(side="top")
    figure.update_yaxes(automargin=True)
    return json.loads(figure.to_json())


def _strongest(agreement, conflict, limit: int) -> list[str]:
    """The `limit` actors with the most tie weight over both networks."""
    total: dict[str, float] = defaultdict(float)
    for e in list(agreement) + list(conflict):
        total[e["source"]] += abs(e["weight"])
        total[e["target"]] += abs(e["weight"])
    return sorted(total, key=lambda k: (-total[k], k))[:limit]


def _spread(graph: nx.Graph) -> dict:
    """Node positions that use the picture: an unweighted spring layout (so that heavy ties
    do not pull everyone into one knot), actors with no tie shown on a ring around it."""
    if not graph:
        return {}
    tied = graph.subgraph([n for n in graph if graph.degree(n)])
    layout = {k: tuple(v) for k, v in nx.spring_layout(
        tied, seed=7, k=1.5 / math.sqrt(max(len(tied), 1)), iterations=300, weight=None).items()} if tied else {}
    alone = [n for n in graph if n not in layout]
    for i, node in enumerate(alone):
        angle = 2 * math.pi * i / len(alone)
        layout[node] = (1.15 * math.cos(angle), 1.15 * math.sin(angle))
    return layout


def _net_ties(agreement, conflict) -> dict[str, list[dict]]:
    """Each pair's tie once, on the side of its net (congruence − conflict, DNA's
    `subtract`): agreement when positive, conflict when negative, none at zero."""
    by_pair: dict[tuple[str, str], dict] = {}
    for relation, rows in (("agreement", agreement), ("conflict", conflict)):
        for e in rows:
            pair = by_pair.setdefault((e["source"], e["target"]), {**e, "agreement": 0.0, "conflict": 0.0})
            pair[relation] = e["weight"]
            pair["issues"] = sorted(set(pair["issues"]) | set(e["issues"]))
    ties: dict[str, list[dict]] = {"agreement": [], "conflict": []}
    for pair in by_pair.values():
        net = pair["agreement"] - pair["conflict"]
        if net:
            ties["agreement" if net > 0 else "conflict"].append({**pair, "weight": abs(net)})
    return ties


def networks(agreement, conflict, kinds) -> dict:
    """One picture of the ties among the most connected actors, each pair once by its net:
    agreement (blue, solid, diamonds) or conflict (red, dotted, crosses); only the best
    connected actors are labelled, the others name themselves on hover. The marker on a
    tie opens its evidence."""
    limits = _limits()
    ties = _net_ties(agreement, conflict)
    shown = _strongest(ties["agreement"], ties["conflict"], limits["network_actors"])
    keep = set(shown)
    graph = nx.Graph()
    graph.add_nodes_from(shown)
    edges = {}
    for relation, rows in ties.items():
        chosen = sorted((e for e in rows if e["source"] in keep and e["target"] in keep),
                        key=lambda e: -abs(e["weight"]))[:limits["network_edges"]]
        edges[relation] = chosen
        graph.add_edges_from((e["source"], e["target"]) for e in chosen)
    layout = _spread(graph)
    figure = go.Figure()
    names: dict[str, str] = {}
    for relation, rows in edges.items():
        top = max([abs(e["weight"]) for e in rows] or [1])
        style = RELATION_STYLE[relation]
        for bucket in (1, 2, 3):  # three widths, a trace each, rather than a trace per tie
            xs, ys = [], []
            for e in rows:
                if min(3, 1 + int(3 * abs(e["weight"]) / top - 1e-9)) != bucket:
                    continue
                (x0, y0), (x1, y1) = layout[e["source"]], layout[e["target"]]
                xs += [x0, x1, None]
                ys += [y0, y1, None]
            if xs:
                figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", legendgroup=relation,
                                            showlegend=False, line=dict(width=bucket * 1.5, **style)))
        names.update((e["source"], e["source_name"]) for e in rows)
        names.update((e["target"], e["target_name"]) for e in rows)
        figure.add_trace(go.Scatter(
            x=[(layout[e["source"]][0] + layout[e["target"]][0]) / 2 for e in rows],
            y=[(layout[e["source"]][1] + layout[e["target"]][1]) / 2 for e in rows],
            mode="markers", name=relation, legendgroup=relation,
            customdata=[f"edge:{relation}:{e['source']}|{e['target']}" for e in rows],
            text=[chart_text(f"{e['source_name']} – {e['target_name']}: agreement {e['agreement']:g}, "
                             f"conflict {e['conflict']:g} on {', '.join(e['issues'])}") for e in rows],
            marker=dict(size=8, color=style["color"], symbol="diamond" if relation == "agreement" else "x"),
            hovertemplate="%{text}<extra>" + relation + ": click for evidence</extra>"))
    labelled = set(shown[:limits["network_labels"]])
    for kind in sorted({kinds.get(k, "other") for k in names}):
        members = [k for k in shown if k in names and kinds.get(k, "other") == kind]
        figure.add_trace(go.Scatter(
            x=[layout[k][0] for k in members], y=[layout[k][1] for k in members], mode="markers+text",
            text=[chart_text(names[k]) if k in labelled else "" for k in members],
            hovertext=[chart_text(names[k]) for k in members], textposition="top center", name=kind or "other",
            customdata=[f"actor:{k}" for k in members], hovertemplate="%{hovertext}<extra>click for evidence</extra>",
            marker=dict(size=13, color=KIND_COLOURS.get(kind, "#8c8c8c"), line=dict(width=1, color="white")),
        ))
    figure.update_layout(**_layout(height=560, legend=dict(orientation="h", y=-0.04)))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return json.loads(figure.to_json())


def cohesion_over_time(rows, issue_label) -> dict:
    """Agreement Index of each bloc × issue per time window, as lines."""
    series = defaultdict(list)
    for r in rows:
        series[(r["bloc_name"], r["issue"])].append(r)
    figure = go.Figure()
    for (bloc, issue), points in sorted(series.items()):
        figure.add_trace(go.Scatter(
            x=[p["window_start"] for p in points], y=[p["agreement_index"] for p in points],
            mode="lines+markers", name=chart_text(f"{bloc}: {issue_label(issue)}"),
            customdata=[f"cohesion:{p['bloc']}|{p['issue']}|{p['window_start']}" for p in points],
            text=[f"{p['support']} support, {p['oppose']} oppose, {p['neutral']} neutral" for p in points],
            hovertemplate="%{fullData.name}<br>%{x}: AI %{y:.2f}<br>%{text}<extra></extra>",
        ))
    figure.update_layout(**_layout(height=380, legend=dict(orientation="h", y=-0.2)))
    figure.update_yaxes(range=[-0.05, 1.05], title=dict(text="Agreement Index"), gridcolor="#eee")
    figure.update_xaxes(title=dict(text="window start"), gridcolor="#eee")
    return json.loads(figure.to_json())


SHIFT_MARKERS = {"support": ("triangle-up", "#2166ac"), "oppose": ("triangle-down", "#b2182b"),
                 "neutral": ("circle", "#8c8c8c")}


def shift_timeline(rows, issue_label) -> dict:
    """The top-ranked position shifts on a time line: one row per actor, a marker at the
    window of the change pointing to the new position."""
    chosen = list(rows)[:_limits()["timeline_shifts"]]
    figure = go.Figure()
    for position, (symbol, colour) in SHIFT_MARKERS.items():
        points = [r for r in chosen if r["to_position"] == position]
        if not points:
            continue
        figure.add_trace(go.Scatter(
            x=[r["to_start"] for r in points], y=[chart_text(r["actor"]) for r in points], mode="markers",
            name=f"to {position}", customdata=[f"shift:{r['rank']}" for r in points],
            text=[chart_text(f"{issue_label(r['issue'])}: {r['from_position']} → {r['to_position']}") for r in points],
            marker=dict(size=13, symbol=symbol, color=colour),
            hovertemplate="%{y}<br>%{text}<br>%{x}<extra>click for evidence</extra>"))
    actors = len({r["actor"] for r in chosen})
    figure.update_layout(**_layout(height=140 + 24 * actors, legend=dict(orientation="h", y=-0.1)))
    figure.update_xaxes(gridcolor="#eee", type="date")
    figure.update_yaxes(automargin=True)
    return json.loads(figure.to_json())


def voice_shares(rows) -> dict:
    """The most quoted speakers' shares of all quotes, as bars."""
    speakers = [r for r in rows if r["outlet"] == "all" and r["dimension"] == "actor"][:_limits()["voice_speakers"]]
    speakers.reverse()
    figure = go.Figure(go.Bar(
        x=[r["share"] for r in speakers], y=[chart_text(r["label"]) for r in speakers], orientation="h",
        customdata=[f"voice:all|actor|{r['group']}" for r in speakers], marker=dict(color="#4c72b0"),
        text=[f"{r['quotes']}" for r in speakers], textposition="outside",
        hovertemplate="%{y}: %{x:.1%} of quotes (%{text})<extra>click for the quotes</extra>"))
    figure.update_layout(**_layout(height=120 + 24 * len(speakers)))
    figure.update_xaxes(tickformat=".0%", gridcolor="#eee")
    figure.update_yaxes(automargin=True)
    return json.loads(figure.to_json())


def dyads_over_time(windows, top) -> dict:
    """The net conflict–cooperation score of the most active dyads (`top`, whole-period
    rows) per time window (`windows`, rows of `analysis.dyads` by window), as lines: above
    zero cooperation, below conflict."""
    shown = [(r["source_id"], r["target_id"]) for r in list(top)[:_limits()["dyad_lines"]]]
    series = defaultdict(list)
    for r in windows:
        if (r["source_id"], r["target_id"]) in shown:
            series[(r["source_id"], r["target_id"])].append(r)
    figure = go.Figure()
    for key in shown:
        points = series[key]
        if not points:
            continue
        figure.add_trace(go.Scatter(
            x=[p["window"][:10] for p in points], y=[p["net"] for p in points], mode="lines+markers",
            name=chart_text(f"{points[0]['source']} → {points[0]['target'] or 'no one'}"),
            customdata=[f"dyad:{p['source_id']}|{p['target_id']}|{p['window']}" for p in points],
            text=[f"{p['events']} events: cooperation {p['cooperation']:g}, conflict {p['conflict']:g}"
                  for p in points],
            hovertemplate="%{fullData.name}<br>%{x}: net %{y:g}<br>%{text}<extra>click for evidence</extra>"))
    figure.add_hline(y=0, line=dict(color="#999", width=1))
    figure.update_layout(**_layout(height=400, legend=dict(orientation="h", y=-0.2)))
    figure.update_yaxes(title=dict(text="net score (cooperation − conflict)"), gridcolor="#eee", zeroline=False)
    figure.update_xaxes(title=dict(text="window start"), gridcolor="#eee", type="date")
    return json.loads(figure.to_json())
