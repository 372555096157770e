"""What an analyst sees of a taxonomy: `describe` (for `detente taxonomy show`) and
`advice` (the warnings of `detente taxonomy check`)."""
from __future__ import annotations

from typing import Optional

from detente.stances.taxonomy import Issue, Taxonomy

TOP_WORDS = 8
# Fewer positions than this per article: the corpus barely matches its taxonomy.
FEW_STATEMENTS_PER_ARTICLE = 1.0


def describe(taxonomy: Taxonomy) -> str:
    """The taxonomy as text: each issue, what its sides mean, and how it is recognised."""
    lines = [f"{taxonomy.name}: {taxonomy.label}", f"  file: {taxonomy.source}"]
    if taxonomy.description:
        lines.append(f"  {taxonomy.description}")
    for issue in taxonomy.issues:
        lines += ["", f"{issue.id}: {issue.label}", f"  support: {issue.support}"]
        if issue.oppose:
            lines.append(f"  oppose:  {issue.oppose}")
        lines.append(f"  recognised by: {recognition(issue)}")
    return "\n".join(lines)


def recognition(issue: Issue) -> str:
    if issue.cues:
        kinds = {kind: sum(1 for c in issue.cues if c.kind == kind) for kind in ("support", "oppose", "mentions")}
        return "patterns (" + ", ".join(f"{n} {kind}" for kind, n in kinds.items() if n) + ")"
    if issue.profile is None:
        return "nothing"
    topic = issue.profile.topic
    words = sorted(topic, key=lambda s: -topic[s])[:TOP_WORDS]
    return "its words (" + ", ".join(words) + ")"


def advice(taxonomy: Taxonomy) -> list[str]:
    """Warnings that do not stop the taxonomy from loading but make it weaker: sides left
    undescribed, no examples, examples their own issue does not recognise."""
    found = []
    for issue in taxonomy.issues:
        where = f"{issue.id}:"
        if not issue.oppose:
            found.append(f"{where} no `oppose` meaning: what opposing the issue means helps tell the sides apart.")
        if not issue.cues and not (issue.support_sounds_like or issue.oppose_sounds_like):
            found.append(f"{where} no patterns and no examples: give a few `support_sounds_like` and "
                         "`oppose_sounds_like` sentences.")
        for example in issue.support_sounds_like + issue.oppose_sounds_like:
            if not issue.matches(example):
                found.append(f"{where} its own words do not recognise the example {example!r}: add the words "
                             "it turns on to `keywords`, or a pattern.")
    return found


def coverage(taxonomy: Taxonomy, articles: int, positions: int) -> Optional[str]:
    """A note when `articles` analysed under `taxonomy` gave few `positions` (statements
    that take a side): the corpus is likely about another negotiation."""
    if not articles or positions / articles >= FEW_STATEMENTS_PER_ARTICLE:
        return None
    return (f"Only {positions} position(s) in {articles} article(s) on the issues of the taxonomy "
            f"{taxonomy.name!r}: the articles barely match it. If they are about another negotiation, "
            "write a taxonomy for it (docs/taxonomies.md), check it with `detente taxonomy check FILE` "
            "and run again with --issues FILE.")
