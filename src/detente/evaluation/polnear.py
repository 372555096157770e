"""Détente's quotes in PolNeAR's span conventions, for scoring against PolNeAR.

PolNeAR marks the source as its whole noun phrase, content with its quotation marks,
indirect content with its complementiser, and one relation per speech act. Détente's
Quote records keep content without outer marks and the speaker's name phrase;
:func:`polnear_records` rewrites their offsets, using the parse, into PolNeAR's spans.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

OPENING = "\"“‘'„«"
CLOSING = "\"”’'»"
QUOTATION_MARK = re.compile(r"[\"“”]")


def polnear_records(records: list[dict], doc: Doc) -> list[dict]:
    """Quote records (as dicts) of the parsed article `doc` in PolNeAR's conventions: the
    source as its whole noun phrase; content with its quotation marks; indirect content
    with its "that"; a quotation inside a reported clause (X said that “…”) as the whole
    clause; quotes sharing a cue (a clause and the quotation in it included) merged into one span
    from the first to the last."""
    text = doc.text
    out: list[dict] = []
    for record in records:
        r = dict(record)
        start, end = r["start"], r["end"]
        if r["kind"] == "indirect":
            before = text[:start].rstrip(" ,")
            if before.lower().endswith(" that"):
                start = len(before) - 4
            end = _close_open_quotation(text, start, end)
        else:
            start -= start > 0 and text[start - 1] in OPENING
            end += text[end:end + 1] in CLOSING
            clause = _reported_clause(doc, r, start, end)
            if clause is not None:
                start, end = clause
        if r["speaker_start"] is not None:
            r["speaker_start"], r["speaker_end"] = _source_phrase(doc, r["speaker_start"], r["speaker_end"])
        r["start"], r["end"] = start, end
        last = out[-1] if out else None
        if last and r["cue_start"] is not None and last["cue_start"] == r["cue_start"] and (
                last["kind"] == r["kind"] or start < last["end"]):  # or a quotation inside its reported clause
            last["end"] = max(last["end"], end)
            continue
        out.append(r)
    return out


def with_quotation_marks(records: list[dict], texts: dict[str, str]) -> list[dict]:
    """The records whose content, in the text of their article (`texts` by doc name),
    holds a quotation mark: the criterion by which the scorer's --direct-only selects gold."""
    return [r for r in records if QUOTATION_MARK.search(texts[r["doc"]][r["start"]:r["end"]])]


def _reported_clause(doc: Doc, record: dict, start: int, end: int) -> tuple[int, int] | None:
    """The reported clause holding a quotation whose cue comes before it in the same
    sentence: the cue's complement clause ("that" included), or else for a partial quote
    the words from the cue to the end of the sentence (X called it “…”); None otherwise."""
    cue_start, cue_end = record["cue_start"], record["cue_end"]
    if cue_end is None or cue_end >= start or re.search(r"[.!?\n]", doc.text[cue_end:start]):
        return None
    cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
    quote = doc.char_span(start, start + 1, alignment_mode="expand")
    if cue is None or quote is None:
        return None
    for comp in cue.root.children:
        if comp.dep_ in ("ccomp", "xcomp") and comp.left_edge.i <= quote.start <= comp.right_edge.i:
            first, last = comp.left_edge, comp.right_edge
            while first.is_punct and first.i < quote.start:
                first = doc[first.i + 1]
            while last.is_punct and last.text not in CLOSING and last.i > first.i:
                last = doc[last.i - 1]
            return min(first.idx, start), max(end, last.idx + len(last))
    if record["kind"] != "partial":
        return None
    rights = [c for c in cue.root.rights if c.dep_ not in ("conj", "cc", "punct")]
    if rights:  # the cue's own object and complements: called it their “crystal ball”
        first, last = rights[0].left_edge, rights[-1].right_edge
        if first.idx <= start and end <= last.idx + len(last) + 1:
            return first.idx, max(end, last.idx + len(last))
    gap = doc.text[cue_end:start]
    return cue_end + len(gap) - len(gap.lstrip(" ,")), _clause_end(doc.text, end)


def _source_phrase(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The source as PolNeAR marks it: the speaker's whole noun phrase within its sentence
    and paragraph, with appositions, prepositional phrases, relative clauses, and the
    comma that closes a parenthetical pair (Jean-Marc Ayrault, the foreign minister of France,)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    head = span.root
    last = span.end - 1
    for t in doc[span.end:head.right_edge.i + 1]:
        if "\n" in t.text or t.text in OPENING + CLOSING or t.sent != head.sent:
            break
        last = t.i
    while last >= span.end and doc[last].is_punct and not (doc[last].text == ")" and "(" in doc[head.i:last].text):
        last -= 1
    after = last + 1
    if after < len(doc) and doc[after].text == "," and "," in doc[head.i:after].text:
        last = after
    return min(start, doc[span.start].idx), max(end, doc[last].idx + len(doc[last]))


def _close_open_quotation(text: str, start: int, end: int) -> int:
    """Where content that ends inside a quotation ends with the quotation: after the
    punctuation and closing mark that follow it (… favors a “strongman approach.”)."""
    inside = text[start:end]
    if inside.count("“") <= inside.count("”") and inside.count('"') % 2 == 0:
        return end
    m = re.compile(r"[.,!?]?[\"”]").match(text, end)
    return m.end() if m else end


def _clause_end(text: str, pos: int) -> int:
    """Where the sentence running on at `pos` ends: before its full stop, or after a
    quotation mark that closes over the full stop (which may be the quotation's own)."""
    if pos >= 2 and text[pos - 2] in ".!?" and text[pos - 1] in CLOSING:
        return pos
    m = re.compile(r"[.!?]([\"”’']?)(?=\s|$)|\n").search(text, pos)
    if m is None:
        return len(text)
    return m.end() if m.group(0) != "\n" and m.group(1) else m.start()
