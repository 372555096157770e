"""Headline findings in sentences, each pointing at the evidence key that backs it."""
from __future__ import annotations

from collections import defaultdict


def names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def headline(statements, documents, fractures, cohesion, issue_label) -> list[dict]:
    """Sentences for the top of the report: the corpus, the deepest splits between allies,
    and the blocs that hold together; each with the evidence key it links to."""
    found = []
    actors = {s.actor_id or s.actor for s in statements}
    dates = sorted(s.date for s in statements if s.date)
    span = f", dated {dates[0]} to {dates[-1]}" if dates else ""
    found.append({"text": f"{len(statements)} statements by {len(actors)} actors on "
                          f"{len({s.issue for s in statements})} issues in {len(documents)} articles{span}.",
                  "evidence": None})
    by_issue = defaultdict(list)
    for row in fractures:
        by_issue[row["issue"]].append(row)
    for issue, rows in list(by_issue.items())[:3]:
        close = [r for r in rows if r["shared"] * 2 >= rows[0]["shared"]]  # the closest allies of the split
        supporters = list(dict.fromkeys(r["supporter"] for r in close))
        opponents = list(dict.fromkeys(r["opponent"] for r in close))
        common = [name for name in close[0]["bloc_names"] if all(name in r["bloc_names"] for r in close)]
        found.append({
            "text": f"Allies split on {issue_label(issue)}: {names(supporters)} "
                    f"{'support' if len(supporters) > 1 else 'supports'} it, {names(opponents)} "
                    f"{'oppose' if len(opponents) > 1 else 'opposes'} it"
                    + (f" (all in {names(common)})." if common else "."),
            "evidence": f"fracture:{rows[0]['rank']}",
        })
    united = [r for r in cohesion if r["agreement_index"] == 1.0 and r["members"] >= 3]
    for row in sorted(united, key=lambda r: -r["members"])[:2]:
        side = "support it" if row["support"] else "oppose it" if row["oppose"] else "are neutral"
        found.append({"text": f"All {row['members']} members of {row['bloc_name']} who spoke on "
                              f"{issue_label(row['issue'])} {side}.",
                      "evidence": f"cohesion:{row['bloc']}|{row['issue']}|None"})
    return found
