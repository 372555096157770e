"""Writing the networks and statements for other tools: GraphML, CSV edge lists, DNA CSV."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from detente.analysis.networks import (
    one_mode, one_mode_graph, two_mode, two_mode_graph, write_edges_csv, write_graphml,
    write_statements_dna,
)
from detente.records import Actor, Statement


def export_all(out_dir, actors: Iterable[Actor], statements: Iterable[Statement]) -> list[Path]:
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
