"""Who belongs to which bloc (NATO, EU, G7 …), derived from the actors' records.

A person speaks for one *side*: the government or body of the role they hold on the
statement's date (the latest taken, where several are held), else their country; a
country, organisation or group is its own side (`Blocs.side`). Officials of one
government are one side, never a coalition of their own: Putin, Peskov and Ushakov all
speak for Russia. A bloc is any actor id that appears in some actor's `memberships`; a
side belongs to the bloc it is, and to the blocs among its memberships (Rutte, Secretary
General of NATO, speaks for NATO; Tusk for Poland, a member of NATO and the EU).

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

    def side(self, actor_id: Optional[str], date: Optional[str] = None) -> Optional[str]:
        """The government or body an actor speaks for on `date` (see the module docstring);
        None for an actor the list does not know."""
        actor = self.actors.get(actor_id or "")
        if actor is None:
            return None
        if actor.kind not in ("person", "anonymous"):
            return actor.id
        held = sorted((r for r in actor.roles if r.of and role_active(r, date)), key=lambda r: r.start or "")
        for ref in [r.of for r in reversed(held)] + [actor.country]:
            if ref:
                return self._refs.get(ref.lower(), ref)
        return actor.id

    def of(self, actor_id: Optional[str], date: Optional[str] = None) -> set[str]:
        """The blocs an actor belongs to on `date`: those of the side it speaks for."""
        side = self.side(actor_id, date)
        if side is None:
            return set()
        blocs = set(self.actors[side].memberships) if side in self.actors else set()
        return blocs | ({side} if side in self.ids else set())
