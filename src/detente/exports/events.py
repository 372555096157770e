"""Events as a POLECAT-like CSV: one row an event, the actors' names, countries and kinds
beside the PLOVER type and mode, the place, the article and the evidence sentence.
Written through ``exports.records.write_csv``, as every CSV export is."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from detente.exports.records import write_csv
from detente.records import Actor, Document, Event, Record


@dataclass
class PolecatRow(Record):
    """One event as a POLECAT-like row; compound actors are joined with "; "."""

    event_id: str
    event_date: str
    event_type: str
    event_mode: str
    actor_name: str
    actor_country: str
    actor_kind: str
    recipient_name: str
    recipient_country: str
    recipient_kind: str
    place: str
    negated: bool
    tense: str
    score: float
    source: str  # the article
    url: str
    evidence: str
    confidence: float


def polecat_rows(events: Iterable[Event], actors: Iterable[Actor] = (),
                 documents: Iterable[Document] = ()) -> Iterator[PolecatRow]:
    """The rows of `events`, one at a time, with the kind and country of each actor
    `actors` holds and the address of each article of `documents`."""
    by_id = {a.id: a for a in actors}
    urls = {d.id: d.url or "" for d in documents}
    for event in events:
        yield PolecatRow(
            event_id=event.id, event_date=event.date or "", event_type=event.type, event_mode=event.mode or "",
            **_side("actor", event.source, event.source_id, by_id),
            **_side("recipient", event.target, event.target_id, by_id),
            place=event.place or "", negated=event.negated, tense=event.tense, score=event.score,
            source=event.doc, url=urls.get(event.doc_id, ""),
            evidence=event.evidence, confidence=event.confidence,
        )


def write_events_csv(path: Path, events: Iterable[Event], actors: Iterable[Actor] = (),
                     documents: Iterable[Document] = ()) -> Path:
    """Write OUT/events_polecat.csv (or `path`) from `events`."""
    return write_csv(path, polecat_rows(events, actors, documents), PolecatRow.fields())


def _side(role: str, names: list[str], ids: list[Optional[str]], by_id: dict[str, Actor]) -> dict[str, str]:
    found = [by_id.get(i) if i else None for i in ids] or [None] * len(names)
    countries = [(a.country or (a.id if a.kind == "country" else "")) if a is not None else "" for a in found]
    kinds = [a.kind if a is not None else "" for a in found]
    return {f"{role}_name": "; ".join(names), f"{role}_country": "; ".join(countries),
            f"{role}_kind": "; ".join(kinds)}
