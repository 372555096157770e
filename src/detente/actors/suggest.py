"""Draft knowledge-base records for the people and organisations a run found that the
knowledge base lacks: ``detente kb suggest OUT``.

A run stores every actor it linked, its mentions and its quotes. The document-local
people and organisations among them, which no knowledge-base name or alias matches,
become draft records with the title the articles gave them and how often they were
mentioned and quoted, most mentioned first, for a person to check and complete (roles,
country, aliases). The command line reads the run's store and passes its records here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

import yaml

from detente.actors.kb import KnowledgeBase, slug
from detente.records import Actor, Mention, Quote

KINDS = ("person", "organisation")


@dataclass
class Suggestion:
    """A draft record and the evidence for it."""

    name: str
    kind: str
    gender: Optional[str] = None
    titles: Counter = field(default_factory=Counter)
    mentions: int = 0
    quotes: int = 0
    docs: set = field(default_factory=set)

    def record(self) -> dict:
        out: dict = {"id": slug(self.name), "name": self.name, "kind": self.kind}
        if self.gender:
            out["gender"] = self.gender
        if self.titles:
            out["description"] = self.titles.most_common(1)[0][0]
        return out


def suggest(actors: Iterable[Actor], mentions: Iterable[Mention], quotes: Iterable[Quote],
            kb: KnowledgeBase, min_mentions: int = 1) -> list[Suggestion]:
    """The draft records for a run's `actors`, `mentions` and `quotes` against `kb`, most
    mentioned first."""
    found: dict[str, Suggestion] = {}
    local_ids: dict[str, str] = {}  # actor id -> key of its suggestion
    for actor in actors:
        if not actor.local or actor.kind not in KINDS or _known(kb, actor.name):
            continue
        key = slug(actor.name)
        entry = found.setdefault(key, Suggestion(name=actor.name, kind=actor.kind))
        entry.gender = entry.gender or actor.gender
        if actor.description:
            entry.titles[actor.description] += 1
        local_ids[actor.id] = key
    for mention in mentions:
        mentioned = local_ids.get(mention.actor_id or "")
        if mentioned is not None:
            found[mentioned].mentions += 1
            found[mentioned].docs.add(mention.doc_id)
    for quote in quotes:
        quoted = local_ids.get(quote.speaker_id or "")
        if quoted is not None:
            found[quoted].quotes += 1
            found[quoted].docs.add(quote.doc_id)
    kept = [s for s in found.values() if s.mentions + s.quotes >= min_mentions]
    return sorted(kept, key=lambda s: (-s.mentions, -s.quotes, s.name))


def _known(kb: KnowledgeBase, name: str) -> bool:
    return bool(kb.by_name(name))


def to_yaml(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as a knowledge-base YAML file, each record under a comment with
    its counts (a person whose gender the articles did not show is marked for completion)."""
    parts = ["# Draft actor records suggested by `detente kb suggest`: check each one, add roles,\n"
             "# country and aliases, and keep those worth knowing.\n"]
    for s in suggestions:
        parts.append(f"\n# {s.mentions} mention(s), {s.quotes} quote(s) in {len(s.docs)} document(s)\n")
        if s.kind == "person" and not s.gender:
            parts.append("# gender unknown: add male or female\n")
        parts.append(yaml.safe_dump([s.record()], allow_unicode=True, sort_keys=False))
    return "".join(parts)
