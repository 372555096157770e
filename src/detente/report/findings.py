"""Headline findings in sentences, each pointing at the evidence key that backs it."""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Mapping, Optional, Sequence

BLOCS_SHOWN = 3  # bloc names in a sentence or title before "and N more"
BIDI_CLASSES = {"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


def isolate(name: str) -> str:
    """A name that holds right-to-left text or bidi controls, wrapped in a Unicode isolate
    (FSI … PDI) so that it cannot reorder the sentence around it; other names unchanged."""
    isolated = name.startswith("\u2068") and name.endswith("\u2069")
    if not isolated and any(unicodedata.bidirectional(c) in BIDI_CLASSES for c in name):
        return "\u2068" + name + "\u2069"
    return name


def names(items: list[str], limit: Optional[int] = None) -> str:
    """'A', 'A and B', 'A, B and C'; past `limit` names, 'A, B, C and 2 more'."""
    items = [isolate(item) for item in items]
    if limit is not None and len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def side_name(name: str, speakers: list[str]) -> str:
    """A member with the officials who spoke for it: 'Germany (Boris Pistorius)'."""
    others = [isolate(s) for s in speakers if s != name]
    return f"{isolate(name)} ({', '.join(others)})" if others else isolate(name)


def headline(statements, documents, fractures, cohesion, issue_label, bloc_order: Sequence[str] = (),
             bloc_sizes: Optional[Mapping[str, int]] = None) -> list[dict]:
    """Sentences for the top of the report: the corpus, the deepest splits between allies,
    and the blocs that hold together; each with the evidence key it links to. `bloc_order`
    lists bloc ids most telling first (`Blocs.ranked`): united blocs are told in that order,
    one sentence a bloc, and fracture rows already list their blocs in it. A split names the
    members of the issue's pairs that share a bloc closer than the widest one the pairs
    share (`bloc_sizes`, members per bloc): a tie through the widest bloc alone is no alliance."""
    found = []
    actors = {s.actor_id or s.actor for s in statements}
    dates = sorted(s.date for s in statements if s.date)
    span = ""
    if dates:
        span = f", dated {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
        span += f" ({len(statements) - len(dates)} undated)" if len(dates) < len(statements) else ""
    found.append({"text": f"{len(statements)} statements by {len(actors)} actors on "
                          f"{len({s.issue for s in statements})} issues in {len(documents)} articles{span}.",
                  "evidence": None})
    sizes = bloc_sizes or {}
    place = {bloc: i for i, bloc in enumerate(bloc_order)}
    by_issue = defaultdict(list)
    for row in fractures:
        by_issue[row["issue"]].append(row)
    for issue, rows in list(by_issue.items())[:3]:
        widest = max(sizes.get(b, 0) for r in rows for b in r["blocs"])
        close = [r for r in rows if any(sizes.get(b, 0) < widest for b in r["blocs"])] or rows
        supporters = list(dict.fromkeys(side_name(r["supporter"], r["supporter_speakers"]) for r in close))
        opponents = list(dict.fromkeys(side_name(r["opponent"], r["opponent_speakers"]) for r in close))
        shared = {(b, n) for r in close for b, n in zip(r["blocs"], r["bloc_names"])}
        common = [n for _, n in sorted(shared, key=lambda p: (place.get(p[0], len(place)), p[1]))]
        found.append({
            "text": f"Split on {issue_label(issue)} within {names(common, BLOCS_SHOWN)}: {names(supporters)} "
                    f"{'support' if len(supporters) > 1 else 'supports'} it; {names(opponents)} "
                    f"{'oppose' if len(opponents) > 1 else 'opposes'} it.",
            "evidence": f"fracture:{rows[0]['rank']}",
        })
    united = sorted((r for r in cohesion if r["agreement_index"] == 1.0 and r["members"] >= 3),
                    key=lambda r: (place.get(r["bloc"], len(place)), -r["members"]))
    first_of_bloc: dict[str, dict] = {}
    for row in united:
        first_of_bloc.setdefault(row["bloc"], row)
    for row in list(first_of_bloc.values())[:2]:
        side = "support it" if row["support"] else "oppose it" if row["oppose"] else "are neutral"
        found.append({"text": f"All {row['members']} members of {row['bloc_name']} who spoke on "
                              f"{issue_label(row['issue'])} {side}.",
                      "evidence": f"cohesion:{row['bloc']}|{row['issue']}|None"})
    return found
