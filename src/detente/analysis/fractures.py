"""Fractures: pairs of members of one bloc on opposite sides of one issue.

Members are governments and organisations (`Blocs.side`), so two officials of one
government never make a fracture; each side of a pair names the officials who spoke for
it. A pair is listed once per issue with every bloc both belong to. The more blocs two
opponents share, the closer allies they are and the deeper their disagreement cuts, so
pairs rank by the issue's total of shared blocs over its pairs (the widest split among
the closest allies first), then by the pair's shared blocs, then by how firmly the two
hold their positions (the smaller of their absolute net positions), then by name. Each
row lists its blocs most telling first (`Blocs.ranked`: those the articles mention first).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from detente.analysis.blocs import Blocs
from detente.analysis.cohesion import Member, member_positions
from detente.analysis.positions import evidence
from detente.analysis.table import Table
from detente.records import Actor, Statement


def _strongest(member: Member, stance: str) -> Statement:
    """The statement that best shows a member's side: most confident, then latest."""
    return max((s for s in member.statements if s.stance == stance),
               key=lambda s: (s.confidence, s.date or "", -s.start))


def fractures(statements: Iterable[Statement], actors: Iterable[Actor], mentioned: Iterable[str] = ()) -> Table:
    """One row per issue and pair of members of a common bloc on opposite sides of it,
    ranked (see the module docstring), with the evidence sentence of both sides; `mentioned`,
    the ids of the actors the articles mention, orders each row's blocs."""
    blocs = Blocs(actors)
    pairs: dict[tuple, dict] = {}
    for bloc, issues in sorted(member_positions(statements, blocs).items()):
        for issue, members in issues.items():
            for a in members.values():
                for b in members.values():
                    if a.net <= 0 or b.net >= 0:
                        continue
                    row = pairs.setdefault((issue, a.id, b.id), {
                        "issue": issue, "blocs": [],
                        "strength": min(a.net, -b.net),
                        "supporter_id": a.id, "supporter": a.name, "supporter_speakers": a.speakers,
                        "opponent_id": b.id, "opponent": b.name, "opponent_speakers": b.speakers,
                        "supporter_evidence": evidence(_strongest(a, "support")),
                        "opponent_evidence": evidence(_strongest(b, "oppose")),
                    })
                    row["blocs"].append(bloc)
    weight: defaultdict[tuple, int] = defaultdict(int)
    mentioned = set(mentioned)
    for row in pairs.values():
        row["blocs"] = blocs.ranked(row["blocs"], mentioned)
        row["bloc_names"] = [blocs.name(bloc) for bloc in row["blocs"]]
        row["shared"] = len(row["blocs"])
        weight[row["issue"]] += row["shared"]
    rows = Table(sorted(pairs.values(), key=lambda r: (
        -weight[r["issue"]], r["issue"], -r["shared"], -r["strength"], r["supporter"], r["opponent"])))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return rows
