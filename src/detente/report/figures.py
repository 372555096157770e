"""The report's charts as plotly figures (JSON-ready dicts), with evidence keys attached."""
from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx
import plotly.graph_objects as go

STANCE_COLOURS = [[0.0, "#b2182b"], [0.5, "#f7f7f7"], [1.0, "#2166ac"]]
KIND_COLOURS = {"person": "#4c72b0", "country": "#55a868", "organisation": "#c44e52"}
FONT = dict(family="system-ui, -apple-system, Segoe UI, sans-serif", size=12)


def _layout(**extra) -> dict:
    return dict(font=FONT, margin=dict(l=10, r=10, t=30, b=10), paper_bgcolor="white",
                plot_bgcolor="white", **extra)


def heatmap(positions, issue_label) -> dict:
    """Actor × issue heat-map of net positions; each cell's customdata is its evidence key."""
    actors = sorted({(r["actor"], r["actor_id"]) for r in positions}, reverse=True)
    issues = sorted({r["issue"] for r in positions})
    cell = {(r["actor_id"], r["issue"]): r for r in positions}
    z, text, keys = [], [], []
    for _, actor_id in actors:
        rows = [cell.get((actor_id, issue)) for issue in issues]
        z.append([r["net"] if r else None for r in rows])
        text.append([f"+{r['support']} −{r['oppose']} ={r['neutral']}" if r else "" for r in rows])
        keys.append([f"cell:{actor_id}|{issue}" if r else "" for issue, r in zip(issues, rows)])
    bound = max([abs(v) for row in z for v in row if v is not None] or [1])
    figure = go.Figure(go.Heatmap(
        z=z, x=[issue_label(i) for i in issues], y=[name for name, _ in actors], text=text,
        customdata=keys, zmin=-bound, zmax=bound, colorscale=STANCE_COLOURS, xgap=2, ygap=2,
        texttemplate="%{text}", colorbar=dict(title=dict(text="net"), thickness=12),
        hovertemplate="%{y} on %{x}<br>net position %{z}<br>%{text}<extra>click for evidence</extra>",
    ))
    figure.update_layout(**_layout(height=120 + 34 * len(actors)))
    figure.update_xaxes(side="top")
    return json.loads(figure.to_json())


def network_layout(*edge_sets) -> dict:
    """Node positions shared by the network pictures, so an actor sits in the same place."""
    graph = nx.Graph()
    for edges in edge_sets:
        for e in edges:
            graph.add_edge(e["source"], e["target"], weight=abs(e["weight"]))
    return {k: tuple(v) for k, v in nx.spring_layout(graph, seed=7, weight="weight").items()}


def network(edges, layout, kinds, relation: str, colour: str) -> dict:
    """An actor network picture; clicking an edge's midpoint or a node shows evidence."""
    figure = go.Figure()
    top = max([abs(e["weight"]) for e in edges] or [1])
    mid_x, mid_y, mid_keys, mid_text = [], [], [], []
    for e in edges:
        (x0, y0), (x1, y1) = layout[e["source"]], layout[e["target"]]
        figure.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
                                    line=dict(width=1 + 5 * abs(e["weight"]) / top, color=colour),
                                    showlegend=False))
        mid_x.append((x0 + x1) / 2)
        mid_y.append((y0 + y1) / 2)
        mid_keys.append(f"edge:{relation}:{e['source']}|{e['target']}")
        mid_text.append(f"{e['source_name']} – {e['target_name']}: {e['weight']:g} on {', '.join(e['issues'])}")
    figure.add_trace(go.Scatter(x=mid_x, y=mid_y, mode="markers", customdata=mid_keys, text=mid_text,
                                marker=dict(size=9, color=colour, symbol="diamond"), showlegend=False,
                                hovertemplate="%{text}<extra>click for evidence</extra>"))
    nodes = defaultdict(str)
    for e in edges:
        nodes[e["source"]], nodes[e["target"]] = e["source_name"], e["target_name"]
    for kind in sorted({kinds.get(k, "other") for k in nodes}):
        members = [k for k in nodes if kinds.get(k, "other") == kind]
        figure.add_trace(go.Scatter(
            x=[layout[k][0] for k in members], y=[layout[k][1] for k in members], mode="markers+text",
            text=[nodes[k] for k in members], textposition="top center", name=kind or "other",
            customdata=[f"actor:{k}" for k in members], hovertemplate="%{text}<extra>click for evidence</extra>",
            marker=dict(size=14, color=KIND_COLOURS.get(kind, "#8c8c8c"), line=dict(width=1, color="white")),
        ))
    figure.update_layout(**_layout(height=420, legend=dict(orientation="h", y=-0.05)))
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
            mode="lines+markers", name=f"{bloc}: {issue_label(issue)}",
            customdata=[f"cohesion:{p['bloc']}|{p['issue']}|{p['window_start']}" for p in points],
            text=[f"{p['support']} support, {p['oppose']} oppose, {p['neutral']} neutral" for p in points],
            hovertemplate="%{fullData.name}<br>%{x}: AI %{y:.2f}<br>%{text}<extra></extra>",
        ))
    figure.update_layout(**_layout(height=380, legend=dict(orientation="h", y=-0.2)))
    figure.update_yaxes(range=[-0.05, 1.05], title=dict(text="Agreement Index"), gridcolor="#eee")
    figure.update_xaxes(title=dict(text="window start"), gridcolor="#eee")
    return json.loads(figure.to_json())
