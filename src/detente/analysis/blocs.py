"""Who belongs to which bloc (NATO, EU, G7 …), derived from the actors' records.

A bloc is any actor id that appears in some actor's `memberships`. An actor belongs to a
bloc when the bloc is the actor itself, one of its memberships, or a membership of what
it speaks for: its `country`, or the organisation or country of a role it holds on the
statement's date (Rutte, Secretary General *of* NATO, belongs to NATO; Tusk, whose
country is Poland, belongs to NATO and the EU through Poland's memberships).

Where a list of blocs is shown to a reader, `Blocs.ranked` puts first the blocs the
coverage itself mentions, then the smaller, closer ones (the G7 before the OSCE).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from detente.records import Actor, Role


def role_active(role: Role, date: Optional[str]) -> bool:
    """Whether `role` was held on `date` (ISO); with no date, whether it is still held."""
    if date is None:
        return role.end is None
    return (role.start is None or role.start[:10] <= date) and (role.end is None or date <= role.end[:10])


class Blocs:
    """Bloc membership over a list of actors (persons, countries and organisations)."""

    def __init__(self, actors: Iterable[Actor]):
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.sizes: Counter = Counter(m for a in self.actors.values() for m in a.memberships)
        self.ids: list[str] = sorted(self.sizes)
        self._refs: dict[str, str] = {}
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                self._refs.setdefault(name.lower(), actor.id)
            self._refs[actor.id.lower()] = actor.id

    def name(self, bloc: str) -> str:
        """Display name of a bloc: its actor's name where known, else its id."""
        actor = self.actors.get(bloc)
        return actor.name if actor else bloc

    def ranked(self, ids: Iterable[str], mentioned: Iterable[str] = ()) -> list[str]:
        """`ids` most telling first: the blocs among `mentioned` (the actor ids the articles
        mention), then smaller blocs before larger ones (members listed here), then by name."""
        mentioned = set(mentioned)
        return sorted(ids, key=lambda bloc: (bloc not in mentioned, self.sizes[bloc], self.name(bloc).lower()))

    def speaks_for(self, actor_id: Optional[str], date: Optional[str] = None) -> list[str]:
        """Ids of the country and organisations an actor speaks for on `date`."""
        actor = self.actors.get(actor_id or "")
        if actor is None:
            return []
        refs = [actor.country] + [r.of for r in actor.roles if r.of and role_active(r, date)]
        found = [self._refs.get(ref.lower(), ref) for ref in refs if ref]
        return list(dict.fromkeys(found))

    def of(self, actor_id: Optional[str], date: Optional[str] = None) -> set[str]:
        """The blocs an actor belongs to on `date`."""
        actor = self.actors.get(actor_id or "")
        if actor is None:
            return set()
        blocs = set(actor.memberships)
        for source in [actor.id, *self.speaks_for(actor.id, date)]:
            if source in self.ids:
                blocs.add(source)
            if source in self.actors:
                blocs.update(self.actors[source].memberships)
        return blocs
