"""Discourse networks as Leifeld's Discourse Network Analyzer (DNA) defines them.

Statements are DNA statements with the actor as the first variable, the issue as the
concept and the stance as an integer qualifier: oppose −1, neutral 0, support 1. Every
statement counts once (DNA's "include all duplicates").

Two-mode actor–issue networks aggregate the qualifier by `ignore` (count statements),
`subtract` (support − oppose) or `combine` (DNA's lexical rank of the stances used:
support 1, neutral 2, oppose 4, summed, so 5 means both support and opposition).

One-mode actor–actor networks use `congruence` (agreement), `conflict`, `subtract`
(congruence − conflict) or `ignore` (co-reference regardless of stance). As in DNA,
congruence between two stances q1, q2 on one issue is weighted 1 − |q1 − q2| / 2 and
conflict |q1 − q2| / 2, times how often each actor took them: support–support counts
1 to congruence, support–oppose 1 to conflict, support–neutral ½ to each.

Normalisation of one-mode ties: `no`; `average`, the tie over the mean number of the two
actors' statements; `jaccard`, DNA's weighted Jaccard (the tie over the statements only
one actor made plus the products of those both made); `cosine`, a true cosine, the tie
over the product of the Euclidean norms of the two actors' count vectors (per issue for
`ignore`, per issue and stance otherwise). DNA's "cosine" divides by the product of the
two actors' total statement counts instead, which is not a cosine and shrinks ties of
actors who speak on several issues.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Iterable

import networkx as nx

from detente.analysis.blocs import Blocs
from detente.analysis.filters import actor_key
from detente.analysis.positions import STANCE_SCALE, evidence
from detente.analysis.table import Table
from detente.records import Actor, Statement

TWO_MODE_QUALIFIERS = ("ignore", "combine", "subtract")
ONE_MODE_AGGREGATIONS = ("congruence", "conflict", "subtract", "ignore")
NORMALIZATIONS = ("no", "average", "jaccard", "cosine")
QUALIFIER_LEVELS = (-1, 0, 1)  # oppose, neutral, support: DNA's sorted integer qualifier values
COMBINE_CODE = {1: 1, 0: 2, -1: 4}  # DNA's lexRank bit for each qualifier level


def _check(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValueError(f"The {what} must be one of {', '.join(allowed)}, not {value!r}.")


def _counts(statements: Iterable[Statement]):
    """actor → issue → statements, and actor → display name."""
    grouped: dict[str, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for s in statements:
        if s.stance not in STANCE_SCALE:
            raise ValueError(f"Statement {s.id} has stance {s.stance!r}; a stance is support, oppose or neutral.")
        grouped[actor_key(s)][s.issue].append(s)
        names.setdefault(actor_key(s), s.actor)
    return grouped, names


def _levels(group: list[Statement]) -> dict[int, int]:
    """How many statements of a group take each qualifier level."""
    found = {q: 0 for q in QUALIFIER_LEVELS}
    for s in group:
        found[STANCE_SCALE[s.stance]] += 1
    return found


def two_mode(statements: Iterable[Statement], qualifier: str = "ignore") -> Table:
    """Actor–issue ties, one row per actor and issue the actor spoke on, weighted by
    `qualifier` aggregation: ignore, combine or subtract (see the module docstring)."""
    _check(qualifier, TWO_MODE_QUALIFIERS, "two-mode qualifier aggregation")
    grouped, names = _counts(statements)
    rows = Table()
    for key in sorted(grouped):
        for issue in sorted(grouped[key]):
            group = grouped[key][issue]
            levels = _levels(group)
            if qualifier == "ignore":
                weight = len(group)
            elif qualifier == "subtract":
                weight = levels[1] - levels[-1]
            else:
                weight = sum(COMBINE_CODE[q] for q, n in levels.items() if n)
            rows.append({
                "actor_id": key, "actor": names[key], "issue": issue, "weight": weight,
                "support": levels[1], "oppose": levels[-1], "neutral": levels[0],
                "evidence": [evidence(s) for s in group],
            })
    return rows


def _tie(a: dict[int, int], b: dict[int, int], aggregation: str) -> tuple[float, float]:
    """Congruence (or co-reference for `ignore`) and conflict of two actors on one issue."""
    if aggregation == "ignore":
        return sum(a.values()) * sum(b.values()), 0.0
    congruence = conflict = 0.0
    for q1, n1 in a.items():
        for q2, n2 in b.items():
            distance = abs(q1 - q2) / (QUALIFIER_LEVELS[-1] - QUALIFIER_LEVELS[0])
            congruence += n1 * n2 * (1 - distance)
            conflict += n1 * n2 * distance
    return congruence, conflict


def _norm(a: dict[str, dict[int, int]], b: dict[str, dict[int, int]], normalization: str, aggregation: str) -> float:
    """The denominator of a one-mode tie between actors with level counts `a` and `b`."""
    if normalization == "no":
        return 1.0
    total_a = sum(n for levels in a.values() for n in levels.values())
    total_b = sum(n for levels in b.values() for n in levels.values())
    if normalization == "average":
        return (total_a + total_b) / 2
    if normalization == "cosine":
        if aggregation == "ignore":
            cells_a = [sum(levels.values()) for levels in a.values()]
            cells_b = [sum(levels.values()) for levels in b.values()]
        else:
            cells_a = [n for levels in a.values() for n in levels.values()]
            cells_b = [n for levels in b.values() for n in levels.values()]
        return math.sqrt(sum(n * n for n in cells_a)) * math.sqrt(sum(n * n for n in cells_b))
    only_a = only_b = both = 0.0  # jaccard, as DNA computes it over issue × stance cells
    for issue in set(a) | set(b):
        for q in QUALIFIER_LEVELS:
            n_a = a.get(issue, {}).get(q, 0)
            n_b = b.get(issue, {}).get(q, 0)
            if n_a and n_b:
                both += n_a * n_b
            else:
                only_a, only_b = only_a + n_a, only_b + n_b
    return only_a + only_b + both


def one_mode(
    statements: Iterable[Statement], aggregation: str = "congruence", normalization: str = "no"
) -> Table:
    """Actor–actor ties through shared issues, one row per pair with a non-zero tie:
    `aggregation` congruence, conflict, subtract or ignore, `normalization` no, average,
    jaccard or cosine (see the module docstring). Rows name the issues behind each tie
    and carry the statements of both actors on them as evidence."""
    _check(aggregation, ONE_MODE_AGGREGATIONS, "one-mode qualifier aggregation")
    _check(normalization, NORMALIZATIONS, "normalization")
    grouped, names = _counts(statements)
    levels = {key: {issue: _levels(g) for issue, g in issues.items()} for key, issues in grouped.items()}
    rows = Table()
    for a, b in combinations(sorted(grouped), 2):
        congruence = conflict = 0.0
        issues = []
        for issue in sorted(set(levels[a]) & set(levels[b])):
            c, d = _tie(levels[a][issue], levels[b][issue], aggregation)
            part = {"congruence": c, "ignore": c, "conflict": d, "subtract": c - d}[aggregation]
            congruence, conflict = congruence + c, conflict + d
            if part:
                issues.append(issue)
        raw = {"congruence": congruence, "ignore": congruence, "conflict": conflict,
               "subtract": congruence - conflict}[aggregation]
        if not raw:
            continue
        rows.append({
            "source": a, "target": b, "source_name": names[a], "target_name": names[b],
            "weight": raw / _norm(levels[a], levels[b], normalization, aggregation),
            "issues": issues,
            "evidence": [evidence(s) for issue in issues for key in (a, b) for s in grouped[key][issue]],
        })
    return rows


def scalar(value):
    """A GraphML-safe attribute value: lists joined with ';', None left out."""
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value)
    return value


def _actor_attributes(key: str, name: str, actors: dict[str, Actor], blocs: Blocs) -> dict:
    actor = actors.get(key)
    return {
        "label": name, "mode": "actor", "bipartite": 0,
        "kind": actor.kind if actor else "", "country": (actor.country or "") if actor else "",
        "blocs": scalar(sorted(blocs.of(key))),
    }


def two_mode_graph(edges: Iterable[dict], actors: Iterable[Actor] = ()) -> nx.Graph:
    """A networkx graph of a two-mode network (rows of `two_mode`), actor and issue nodes
    told apart by the `mode` and `bipartite` attributes."""
    actors = list(actors)
    by_id, blocs = {a.id: a for a in actors}, Blocs(actors)
    graph = nx.Graph(network="actor-issue")
    for edge in edges:
        graph.add_node(edge["actor_id"], **_actor_attributes(edge["actor_id"], edge["actor"], by_id, blocs))
        issue_node = f"issue:{edge['issue']}"
        graph.add_node(issue_node, label=edge["issue"], mode="issue", bipartite=1)
        graph.add_edge(edge["actor_id"], issue_node, weight=edge["weight"], support=edge["support"],
                       oppose=edge["oppose"], neutral=edge["neutral"],
                       statements=scalar([e["statement"] for e in edge["evidence"]]))
    return graph


def one_mode_graph(edges: Iterable[dict], actors: Iterable[Actor] = (), network: str = "actor-actor") -> nx.Graph:
    """A networkx graph of a one-mode network (rows of `one_mode`)."""
    actors = list(actors)
    by_id, blocs = {a.id: a for a in actors}, Blocs(actors)
    graph = nx.Graph(network=network)
    for edge in edges:
        for key, name in ((edge["source"], edge["source_name"]), (edge["target"], edge["target_name"])):
            graph.add_node(key, **_actor_attributes(key, name, by_id, blocs))
        graph.add_edge(edge["source"], edge["target"], weight=float(edge["weight"]),
                       issues=scalar(edge["issues"]),
                       statements=scalar([e["statement"] for e in edge["evidence"]]))
    return graph


def network_over_time(statements: Iterable[Statement], windows, **options) -> Table:
    """One-mode networks per time window (see `filters.time_windows`): the rows of
    `one_mode(**options)` for each window's statements, with the window's dates."""
    statements = list(statements)
    rows = Table()
    for window in windows:
        for edge in one_mode([s for s in statements if window.holds(s.date)], **options):
            rows.append({"window_start": window.start, "window_end": window.end, **edge})
    return rows

