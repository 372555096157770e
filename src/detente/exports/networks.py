"""Writing the networks and statements for other tools: GraphML, CSV edge lists, DNA CSV."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import networkx as nx

from detente.analysis.blocs import Blocs
from detente.analysis.networks import one_mode, one_mode_graph, scalar, two_mode, two_mode_graph
from detente.analysis.positions import STANCE_SCALE
from detente.exports.files import replacing, write_csv_rows
from detente.records import Actor, Statement

XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (GraphML is XML)."""


def xml_safe(value: object) -> object:
    """A string without the characters XML cannot hold; other values as they are."""
    return XML_UNSAFE.sub("", value) if isinstance(value, str) else value


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """Write a graph as GraphML with all node and edge attributes (opens in Gephi and visone),
    atomically, with every string made XML-safe."""
    safe = nx.relabel_nodes(graph, {n: xml_safe(n) for n in graph}, copy=True)
    for data in [*(d for _, d in safe.nodes(data=True)), *(d for *_, d in safe.edges(data=True))]:
        data.update({key: xml_safe(value) for key, value in data.items()})
    safe.graph.update({key: xml_safe(value) for key, value in safe.graph.items()})
    with replacing(path, binary=True) as handle:
        nx.write_graphml(safe, handle, named_key_ids=True)
    return Path(path)


def write_edges_csv(edges: Iterable[dict], path: Path) -> Path:
    """Write network rows as a CSV edge list; evidence becomes a list of statement ids."""
    edges = list(edges)
    columns = [c for c in (edges[0] if edges else {"source": 0, "target": 0, "weight": 0}) if c != "evidence"]
    rows = ([scalar(edge[c]) for c in columns] + [scalar([e["statement"] for e in edge.get("evidence", [])])]
            for edge in edges)
    return write_csv_rows(path, columns + ["statements"], rows)


DNA_COLUMNS = ["id", "date", "document", "person", "organization", "concept", "agreement",
               "qualifier", "text", "start", "end", "quote_id", "confidence"]


def write_statements_dna(statements: Iterable[Statement], actors: Iterable[Actor], path: Path) -> Path:
    """Write statements as DNA exports them: person, organization, concept, agreement
    (1 support, 0 oppose, empty for neutral) and the integer qualifier (−1, 0, 1)."""
    actors = list(actors)
    by_id, blocs = {a.id: a for a in actors}, Blocs(actors)
    rows = []
    for s in statements:
        actor = by_id.get(s.actor_id or "")
        is_person = actor is None or actor.kind in ("person", "anonymous")
        side = blocs.side(s.actor_id, s.date)
        organization = (blocs.name(side) if side and side != s.actor_id else "") if is_person else s.actor
        qualifier = STANCE_SCALE[s.stance]
        rows.append([s.id, s.date or "", s.doc, s.actor if is_person else "", organization,
                     s.issue, {1: 1, -1: 0}.get(qualifier, ""), qualifier, s.evidence,
                     s.start, s.end, s.quote_id or "", s.confidence])
    return write_csv_rows(path, DNA_COLUMNS, rows)


def write_networks(out_dir: Path, actors: Iterable[Actor], statements: Iterable[Statement]) -> list[Path]:
    """Write OUT/networks.graphml (the actor–issue network, stance counts on each edge),
    agreement.graphml and conflict.graphml (actor–actor congruence and conflict),
    their CSV edge lists and statements_dna.csv; return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    actors, statements = list(actors), list(statements)
    actor_issue = two_mode(statements, "subtract")
    agreement = one_mode(statements, "congruence")
    conflict = one_mode(statements, "conflict")
    return [
        write_graphml(two_mode_graph(actor_issue, actors), out / "networks.graphml"),
        write_graphml(one_mode_graph(agreement, actors, "agreement"), out / "agreement.graphml"),
        write_graphml(one_mode_graph(conflict, actors, "conflict"), out / "conflict.graphml"),
        write_edges_csv(actor_issue, out / "edges_actor_issue.csv"),
        write_edges_csv(agreement, out / "edges_agreement.csv"),
        write_edges_csv(conflict, out / "edges_conflict.csv"),
        write_statements_dna(statements, actors, out / "statements_dna.csv"),
    ]
