"""Coalition cohesion: the Hix–Noury–Roland Agreement Index of each bloc on each issue.

The members of a bloc are governments and organisations (`Blocs.side`): officials of one
government count together, as one member. Each member whose officials made statements on
an issue counts once, on the side of its net position (support − oppose over its
officials' statements; zero is neutral). With Y members supporting, N opposing
and A neutral:

    AI = (max(Y, N, A) − ½ ((Y + N + A) − max(Y, N, A))) / (Y + N + A)

1 when all members take the same side, 0 when they split evenly over the three sides.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from detente.analysis.blocs import Blocs
from detente.analysis.filters import Window
from detente.analysis.positions import STANCE_SCALE, position_label
from detente.analysis.table import Table
from detente.records import Actor, Statement


def agreement_index(yes: int, no: int, abstain: int) -> float:
    """Hix–Noury–Roland Agreement Index of Y supporting, N opposing and A neutral members."""
    total = yes + no + abstain
    if total == 0:
        raise ValueError("The Agreement Index needs at least one member with a position.")
    top = max(yes, no, abstain)
    return (top - 0.5 * (total - top)) / total


@dataclass
class Member:
    """A government or organisation of a bloc, and what its officials said on one issue."""

    id: str
    name: str
    net: int = 0
    statements: list[Statement] = field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        """The names of the officials who spoke for the member, in order of first statement."""
        return list(dict.fromkeys(s.actor for s in self.statements))


def member_positions(statements: Iterable[Statement], blocs: Blocs) -> dict[str, dict[str, dict[str, Member]]]:
    """bloc → issue → member id → Member, the members being the sides (`Blocs.side`) of
    the actors who spoke, in the blocs those sides belonged to on the statement's date."""
    found: dict = defaultdict(lambda: defaultdict(dict))
    for s in statements:
        side = blocs.side(s.actor_id, s.date)
        if side is None:
            continue
        for bloc in blocs.of(s.actor_id, s.date):
            member = found[bloc][s.issue].setdefault(side, Member(side, blocs.name(side)))
            member.net += STANCE_SCALE[s.stance]
            member.statements.append(s)
    return found


def cohesion(
    statements: Iterable[Statement],
    actors: Iterable[Actor],
    windows: Optional[Iterable[Window]] = None,
    min_members: int = 2,
) -> Table:
    """One row per bloc × issue (× time window, when `windows` are given) with at least
    `min_members` members taking a position: Y, N, A, the Agreement Index, the members on
    each side, `change`, the difference from the bloc's previous window on the issue, and
    the ids of the statements behind the row."""
    statements = list(statements)
    blocs = Blocs(actors)
    spans = list(windows) if windows is not None else [None]
    rows = Table()
    previous: dict[tuple[str, str], float] = {}
    for window in spans:
        chosen = statements if window is None else [s for s in statements if window.holds(s.date)]
        for bloc, issues in sorted(member_positions(chosen, blocs).items()):
            for issue, members in sorted(issues.items()):
                if len(members) < min_members:
                    continue
                sides = defaultdict(list)
                for member in members.values():
                    sides[position_label(member.net)].append(member.name)
                yes, no, abstain = (len(sides[p]) for p in ("support", "oppose", "neutral"))
                index = agreement_index(yes, no, abstain)
                last = previous.get((bloc, issue))
                previous[(bloc, issue)] = index
                rows.append({
                    "bloc": bloc, "bloc_name": blocs.name(bloc), "issue": issue,
                    "window_start": window.start if window else None,
                    "window_end": window.end if window else None,
                    "members": yes + no + abstain, "support": yes, "oppose": no, "neutral": abstain,
                    "agreement_index": index,
                    "change": None if last is None else index - last,
                    "supporters": sorted(sides["support"]), "opponents": sorted(sides["oppose"]),
                    "neutrals": sorted(sides["neutral"]),
                    "member_ids": sorted(members),
                    "statements": [s.id for m in members.values() for s in m.statements],
                })
    return rows
