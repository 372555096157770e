"""DNA's duplicate options on statements counted by hand, and reposted articles found
with MinHash on a real VOA story and a lightly edited repost of it."""
from __future__ import annotations

from pathlib import Path

import pytest

from detente.analysis import analyse, deduplicate, reposts, without_reposts
from detente.records import Document, Quote, Statement, text_id

VOA = Path(__file__).resolve().parents[1] / "data" / "voa"


def said(actor, stance, date, doc, n=0, issue="ceasefire"):
    return Statement(id=f"{actor}-{doc}-{n}", doc=doc, doc_id=doc, date=date, actor=actor, actor_id=actor,
                     issue=issue, stance=stance, evidence="…", start=n, end=n + 1)


# A supports three times in one article on 3 March, once on 5 March (same ISO week), once on
# 20 March, and opposes once on 20 March; B supports once in an undated article, twice.
STATEMENTS = [said("a", "support", "2025-03-03", "d1", 0), said("a", "support", "2025-03-03", "d1", 1),
              said("a", "support", "2025-03-03", "d1", 2), said("a", "support", "2025-03-05", "d2"),
              said("a", "support", "2025-03-20", "d3"), said("a", "oppose", "2025-03-20", "d3", 1),
              said("b", "support", None, "d4", 0), said("b", "support", None, "d4", 1)]


@pytest.mark.parametrize("option, a_support, total", [
    ("all", 5, 8),       # every statement
    ("document", 3, 5),  # d1, d2, d3 once each; B once in d4
    ("week", 2, 4),      # the week of 3 March, the week of 17 March
    ("month", 1, 3),     # March
    ("year", 1, 3),
    ("range", 1, 3),
])
def test_duplicate_options(option, a_support, total):
    kept = deduplicate(STATEMENTS, option)
    assert sum(s.actor == "a" and s.stance == "support" for s in kept) == a_support
    assert len(kept) == total
    assert [s for s in kept if s.stance == "oppose"] == [STATEMENTS[5]]  # another stance is no duplicate


def test_duplicates_default_to_one_per_document_and_keep_the_earliest():
    assert deduplicate(STATEMENTS) == deduplicate(STATEMENTS, "document")
    assert [s.id for s in deduplicate(STATEMENTS, "range") if s.actor == "a" and s.stance == "support"] == ["a-d1-0"]
    with pytest.raises(ValueError, match="duplicates option must be one of"):
        deduplicate(STATEMENTS, "session")


def story(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(id=text_id(text), doc=path.name, source=str(path), text=text, title=text.splitlines()[0],
                    published=text.splitlines()[2])


def repost_of(original: Document) -> Document:
    """The story as another site reposts it: its own headline and credit, two words changed,
    the last sentence cut."""
    body = original.text.split("\n", 3)[3]
    body = body.replace("seemingly closer", "apparently closer").replace("significant point", "major point")
    body = body[:body.rstrip().rstrip(".").rfind(". ") + 1]
    text = "Turkey tests Russian radar despite US warnings\nReposted from Voice of America\n\n" + body
    return Document(id=text_id(text), doc="repost.txt", source="repost.txt", text=text,
                    title=text.splitlines()[0], published="2019-11-27")


def test_a_lightly_edited_repost_is_found_and_counts_once():
    original = story(VOA / "voa_6180015.txt")
    other = story(VOA / "voa_6181132.txt")
    copy = repost_of(original)
    assert copy.id != original.id  # not an exact copy: the store keeps both
    rows = reposts([copy, other, original])
    assert [(r["copy"], r["original"]) for r in rows] == [("repost.txt", "voa_6180015.txt")]
    assert 0.7 <= rows[0]["similarity"] < 1.0
    assert rows[0]["original_title"] == "Ankara Defies Washington Over Russian Missiles"
    found = [said("erdogan", "support", "2019-11-25", original.id), said("erdogan", "support", "2019-11-27", copy.id),
             said("jokowi", "oppose", "2019-12-16", other.id)]
    assert [s.doc_id for s in without_reposts(found, rows)] == [original.id, other.id]


def test_different_stories_and_a_rewrite_are_not_reposts():
    original = story(VOA / "voa_6180015.txt")
    other = story(VOA / "voa_6181132.txt")
    sentences = original.text.split("\n", 3)[3].split(". ")
    half = Document(id="half", doc="half.txt", source="half.txt", text=". ".join(sentences[: len(sentences) // 3]))
    assert reposts([original, other]) == []
    assert reposts([original, half]) == []  # a third of the story is a follow-up, not a copy


def test_a_run_counts_a_reposted_story_once_then_drops_duplicates():
    original = story(VOA / "voa_6180015.txt")
    copy = repost_of(original)
    found = [said("erdogan", "support", "2019-11-25", original.id), said("erdogan", "support", "2019-11-25", original.id, 1),
             said("erdogan", "support", "2019-11-27", copy.id)]
    heard = [Quote(id=f"q{i}", doc=d.doc, doc_id=d.id, start=0, end=5, text="…", kind="direct", speaker="Akar")
             for i, d in enumerate((original, copy))]
    findings = analyse([original, copy], [], heard, found)
    assert [s.id for s in findings.statements] == [found[0].id]  # the copy left out, then one per document
    assert [q.id for q in findings.quotes] == ["q0"]
    assert [r["copy"] for r in findings["reposts"]] == ["repost.txt"]
    assert findings["positions"][0]["support"] == 1
    assert len(analyse([original, copy], [], heard, found, duplicates="all").statements) == 2
