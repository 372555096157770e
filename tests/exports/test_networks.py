"""The network exports: GraphML for Gephi and visone, CSV edge lists, DNA statements."""
from __future__ import annotations

import csv

import networkx as nx

from detente.exports import write_networks
from seed_records import ACTORS, documents, statements


def test_write_networks_writes_graphml_csv_and_dna_statements(tmp_path):
    docs = documents()
    found = statements(docs)
    names = sorted(p.name for p in write_networks(tmp_path, ACTORS, found))
    assert names == ["agreement.graphml", "conflict.graphml", "edges_actor_issue.csv", "edges_agreement.csv",
                     "edges_conflict.csv", "networks.graphml", "statements_dna.csv"]
    graph = nx.read_graphml(tmp_path / "networks.graphml")
    assert graph.nodes["donald-tusk"]["blocs"] == "european-union;nato;osce"
    assert graph.nodes["issue:territorial-concessions"]["mode"] == "issue"
    assert graph.edges["mark-rutte", "issue:territorial-concessions"]["weight"] == 1
    conflict = nx.read_graphml(tmp_path / "conflict.graphml")
    assert conflict.edges["donald-tusk", "mark-rutte"]["issues"] == "territorial-concessions"
    with open(tmp_path / "statements_dna.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(found)
    rutte = next(r for r in rows if r["person"] == "Mark Rutte" and r["concept"] == "territorial-concessions")
    assert (rutte["organization"], rutte["agreement"], rutte["qualifier"]) == ("NATO", "1", "1")  # the body he speaks for
