"""The report's tables as data: columns, rows of plain values, and the evidence key of
each row. The page renders, sorts, pages, filters and downloads them in the browser, so
a report of a thousand articles stays one screen tall."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from detente.records import Document, Event, Quote, Statement
from detente.report.findings import side_name

Label = Callable[[str], str]


def table(columns: Sequence[tuple[str, str]], rows: Iterable[tuple[list, str]], filters: dict[str, str],
          choices: Sequence[str] = ()) -> dict:
    """A table: `columns` (key, heading), `rows` (cells, evidence key), which column
    each page filter (actor, issue, outlet, date) applies to, and `choices`, the columns
    offered as a menu of their values above the table."""
    found = list(rows)
    return {"columns": [{"key": k, "label": h} for k, h in columns], "rows": [cells for cells, _ in found],
            "keys": [key for _, key in found], "filters": filters, "choices": list(choices)}


def records(statements: Sequence[Statement], quotes: Sequence[Quote], documents: dict[str, Document],
            label: Label) -> dict:
    """Quotes and statements, one row each, with the article's headline and outlet."""
    def article(doc_id: str, name: str) -> tuple[str, str, str]:
        doc = documents.get(doc_id)
        return ((doc.title or doc.doc) if doc else name, (doc.outlet or "") if doc else "",
                (doc.published or "") if doc else "")
    rows = []
    for s in statements:
        title, outlet, published = article(s.doc_id, s.doc)
        rows.append(([s.date or published, title, outlet, s.actor, s.stance, label(s.issue), s.evidence],
                     f"statement:{s.id}"))
    for q in quotes:
        title, outlet, published = article(q.doc_id, q.doc)
        rows.append(([published, title, outlet, q.speaker or "unattributed", f"{q.kind} quote", "", q.text],
                     f"quote:{q.id}"))
    rows.sort(key=lambda r: (r[0][0] or "9999", r[0][1]))
    return table([("date", "Date"), ("article", "Article"), ("outlet", "Outlet"), ("actor", "Actor"),
                  ("type", "Type"), ("issue", "Issue"), ("text", "Text")], rows,
                 {"actor": "actor", "issue": "issue", "outlet": "outlet", "date": "date"})


def fractures(rows: Sequence[dict], label: Label) -> dict:
    return table([("rank", "Rank"), ("issue", "Issue"), ("supporter", "Supports"), ("opponent", "Opposes"),
                  ("blocs", "Both in"), ("strength", "Firmness")],
                 (([r["rank"], label(r["issue"]), side_name(r["supporter"], r["supporter_speakers"]),
                    side_name(r["opponent"], r["opponent_speakers"]), ", ".join(r["bloc_names"]), r["strength"]],
                   f"fracture:{r['rank']}") for r in rows),
                 {"issue": "issue", "actor": "supporter|opponent"})


def cohesion(rows: Sequence[dict], label: Label) -> dict:
    return table([("bloc", "Bloc"), ("issue", "Issue"), ("window", "Window"), ("members", "Members"),
                  ("support", "Support"), ("oppose", "Oppose"), ("neutral", "Neutral"), ("ai", "Agreement Index")],
                 (([r["bloc_name"], label(r["issue"]),
                    f"{r['window_start']} to {r['window_end']}" if r["window_start"] else "all dates", r["members"],
                    ", ".join(r["supporters"]), ", ".join(r["opponents"]), ", ".join(r["neutrals"]),
                    round(r["agreement_index"], 2)],
                   f"cohesion:{r['bloc']}|{r['issue']}|{r['window_start']}") for r in rows),
                 {"issue": "issue", "actor": "support|oppose|neutral", "date": "window"})


def shifts(rows: Sequence[dict], label: Label) -> dict:
    return table([("rank", "Rank"), ("actor", "Actor"), ("issue", "Issue"), ("from", "From"), ("to", "To"),
                  ("when", "Changed in"), ("statements", "Statements")],
                 (([r["rank"], r["actor"], label(r["issue"]), r["from_position"], r["to_position"],
                    f"{r['to_start']} to {r['to_end']}", len(r["statements"])], f"shift:{r['rank']}") for r in rows),
                 {"actor": "actor", "issue": "issue", "date": "when"})


def voice(rows: Sequence[dict]) -> dict:
    return table([("outlet", "Outlet"), ("dimension", "By"), ("group", "Group"), ("quotes", "Quotes"),
                  ("share", "Share")],
                 (([r["outlet"], r["dimension"], r["label"], r["quotes"], round(r["share"], 3)],
                   f"voice:{r['outlet']}|{r['dimension']}|{r['group']}") for r in rows),
                 {"outlet": "outlet", "actor": "group"})


def reposts(rows: Sequence[dict]) -> dict:
    return table([("copy", "Copy"), ("original", "Counted as"), ("similarity", "Similarity")],
                 (([r["copy_title"] or r["copy"], r["original_title"] or r["original"], r["similarity"]], "")
                  for r in rows), {})


def events(rows: Sequence[Event], documents: dict[str, Document]) -> dict:
    """Who did what to whom: one row per event, its PLOVER type and mode, actors, trigger,
    negation, tense and conflict–cooperation score; a type menu above the table."""
    found = []
    for e in rows:
        doc = documents.get(e.doc_id)
        found.append(([e.date or (doc.published if doc else "") or "", e.type, e.mode or "", ", ".join(e.source),
                       ", ".join(e.target), e.trigger, "yes" if e.negated else "no", e.tense, e.score,
                       (doc.outlet or "") if doc else ""], f"event:{e.id}"))
    found.sort(key=lambda r: (r[0][0] or "9999", r[0][1]))
    return table([("date", "Date"), ("type", "Type"), ("mode", "Mode"), ("source", "Source"), ("target", "Target"),
                  ("trigger", "Trigger"), ("negated", "Negated"), ("tense", "Tense"), ("score", "Score"),
                  ("outlet", "Outlet")], found,
                 {"actor": "source|target", "date": "date", "outlet": "outlet"}, choices=["type"])


def dyads(rows: Sequence[dict]) -> dict:
    """Source–target dyads over the whole period, the most active first."""
    return table([("source", "Source"), ("target", "Target"), ("events", "Events"), ("cooperation", "Cooperation"),
                  ("conflict", "Conflict"), ("net", "Net"), ("types", "Types")],
                 (([r["source"], r["target"] or "(no one)", r["events"], r["cooperation"], r["conflict"], r["net"],
                    ", ".join(f"{t} {n}" for t, n in r["types"].items())], f"dyad:{r['source_id']}|{r['target_id']}|")
                  for r in rows),
                 {"actor": "source|target"})
