"""The records Détente produces, one vocabulary for code, database, exports and API.

Spans (`start`, `end`) are character offsets into `Document.text`. Every record that
belongs to an article carries `doc`, the article's name (its file name, or its record id
for JSONL/CSV input), and `doc_id`, the stable hash of its text.
"""
from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

ActorKind = Literal["person", "organisation", "country", "group", "anonymous", "place"]
LinkMethod = Literal["exact", "alias", "surname", "fuzzy", "title", "metonym", "pronoun", "anonymous", "local"]
QuoteKind = Literal["direct", "partial", "indirect"]
Stance = Literal["support", "oppose", "neutral"]
EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
Tense = Literal["past", "present", "future"]


def text_id(text: str) -> str:
    """Stable id of an article: hash of its whitespace- and Unicode-normalised text."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def record_id(*parts: Any) -> str:
    """Stable id of a record derived from the fields that identify it."""
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Record:
    """Mixin: conversion of a dataclass record to a plain dict."""

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)  # type: ignore[call-overload]

    @classmethod
    def fields(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]


@dataclass
class Document(Record):
    """One article."""

    id: str
    doc: str
    source: str
    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    date_method: Optional[str] = None  # how `published` was found
    language: str = "en"


@dataclass
class Role(Record):
    """A position an actor held: `title` of `of`, from `start` to `end` (ISO dates or None)."""

    title: str
    of: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass
class Actor(Record):
    """Someone or something that can speak or act: person, organisation, country, group,
    anonymous source, or place."""

    id: str
    name: str
    kind: ActorKind
    gender: Optional[str] = None  # male | female, for pronoun resolution
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    memberships: list[str] = field(default_factory=list)  # actor ids: "nato", "eu", ...
    country: Optional[str] = None  # actor id of the country a person or body belongs to
    metonyms: list[str] = field(default_factory=list)  # "the Kremlin", "Moscow"
    demonyms: list[str] = field(default_factory=list)  # "Polish", "Poles"
    capital: Optional[str] = None
    description: Optional[str] = None
    local: bool = False  # created for one document, not from the knowledge base


@dataclass
class Mention(Record):
    """A span of text that refers to an actor."""

    doc: str
    doc_id: str
    start: int
    end: int
    text: str
    actor: Optional[str]  # canonical name
    actor_id: Optional[str]
    kind: ActorKind
    method: LinkMethod
    confidence: float


@dataclass
class Quote(Record):
    """Something an actor said: direct, partial or indirect."""

    id: str
    doc: str
    doc_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    speaker_text: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    speaker: Optional[str] = None  # canonical name
    speaker_id: Optional[str] = None
    confidence: float = 0.0


@dataclass
class Statement(Record):
    """An actor's stance on an issue, with the sentence that shows it."""

    id: str
    doc: str
    doc_id: str
    date: Optional[str]
    actor: str
    actor_id: Optional[str]
    issue: str
    stance: Stance
    evidence: str
    start: int
    end: int
    quote_id: Optional[str] = None
    confidence: float = 0.0
    taxonomy: str = ""  # the name of the issue taxonomy it came from
    kb: list[str] = field(default_factory=list)  # the knowledge-base folders added to the shipped one


@dataclass
class Event(Record):
    """Who did what to whom, coded in PLOVER 2.0, with the sentence that shows it.
    Sources and targets are lists (compound actors); `*_id` is None for an actor the
    knowledge base does not hold, `*_text` the words of the sentence that name them."""

    id: str
    doc: str
    doc_id: str
    type: EventType
    mode: Optional[str] = None
    source: list[str] = field(default_factory=list)  # actor names
    source_id: list[Optional[str]] = field(default_factory=list)
    source_text: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    target_id: list[Optional[str]] = field(default_factory=list)
    target_text: list[str] = field(default_factory=list)
    place: Optional[str] = None
    date: Optional[str] = None  # ISO date: the sentence's own, else the article's
    trigger: str = ""
    evidence: str = ""
    start: int = 0  # the evidence sentence
    end: int = 0
    trigger_start: int = 0
    trigger_end: int = 0
    negated: bool = False
    tense: Tense = "past"
    quote_id: Optional[str] = None  # the quote a speech act came from
    score: float = 0.0  # the ontology's conflict–cooperation score of the type and mode
    confidence: float = 0.0


@dataclass
class Problem(Record):
    """An input that could not be processed, and why."""

    source: str
    reason: str


RECORD_TYPES: dict[str, type[Record]] = {
    "documents": Document,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "statements": Statement,
    "events": Event,
}
"""Every record type Détente stores and exports, by the name of its table and file.
The store schema, the exports, the Python API's tables and the CLI's counts come from it."""
