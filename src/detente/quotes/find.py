"""Quotation extraction and speaker attribution: ``find_quotes(doc, resolver)``.

Finds, in a parsed article,

- direct quotes: one or more whole sentences in quotation marks, with a cue before or
  after them ("…,” Tusk told a press conference; He explained, “…”), or none when they
  continue the previous speaker; partial quotes: quoted fragments inside reported speech
  (Rutte said the allies “can never accept that in a legal sense”); speaker labels
  opening a paragraph (``marked``);
- indirect speech: the complement of a speech or belief verb, what X calls something or
  calls for, "according to X", and cue clauses between commas (``reported``).

Scare quotes and quoted labels outside reported speech (‘eastern flank’) are not
quotations. Each quote's speaker span is linked to an actor by the actors stage's
:class:`~detente.actors.SpeakerResolver` when there is one; otherwise the speaker text
and span are set and the speaker is left empty. Offsets are characters in the document
text; `start`/`end` exclude the outer quotation marks.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from detente.actors.resolver import SpeakerResolver
from detente.nlp import docinfo
from detente.quotes.marked import marked_quotes, speaker_labels
from detente.quotes.reported import according_to, indirect, naming, parenthetical
from detente.quotes.spans import Found, within
from detente.records import Quote, record_id


def find_quotes(doc: Doc, resolver: Optional[SpeakerResolver] = None) -> list[Quote]:
    """Direct, partial and indirect quotes of a parsed `doc` in text order, their speakers
    linked to actors by `resolver` (without one, only the speaker's words are set)."""
    marks = docinfo.info(doc).quotes()
    starts = doc.to_array("IDX").tolist()
    labelled = speaker_labels(doc)
    labels = [(f.start, f.end) for f in labelled]
    quoted = [(m.open_at, m.close_at + 1) for m in marks]
    found = [f for f in marked_quotes(doc, marks, starts) if not within(f.start, labels)]
    found += labelled
    kept = {f.start for f in found}
    taken = [(m.open_at, m.close_at + 1) for m in marks if m.start in kept] + labels
    partials = {f.start for f in found if f.kind == "partial"}
    fragments = [(m.open_at, m.close_at + 1) for m in marks if m.start in partials]
    found += indirect(doc, taken, quoted, fragments)
    found += according_to(doc, taken)
    found += naming(doc, taken + [(f.start, f.end) for f in found])
    found += parenthetical(doc, [(f.start, f.end) for f in found], quoted)
    found.sort(key=lambda f: f.start)
    _carry_on(found, docinfo.info(doc).text)
    return _records(doc, found, resolver)


def _carry_on(found: list[Found], text: str) -> None:
    """A quoted sentence without a cue carries on the speaker of the nearest statement
    before it, reported speech included: Canos-Donnay said she hoped …. “We should …”."""
    for i, f in enumerate(found):
        if not f.continued:
            continue
        before = [g for g in found[:i] if g.speaker is not None and g.end <= f.start]
        if before:
            last = max(before, key=lambda g: g.end)
            if text.count("\n", last.end, f.start) <= 2:
                f.cue, f.speaker = last.cue, last.speaker


def _records(doc: Doc, found: list[Found], resolver: Optional[SpeakerResolver]) -> list[Quote]:
    document = doc._.document
    name = document.doc if document is not None else ""
    doc_id = document.id if document is not None else ""
    text = docinfo.info(doc).text
    out = []
    for f in found:
        mention = resolver.resolve(f.speaker) if f.speaker is not None and resolver is not None else None
        out.append(Quote(
            id=record_id(doc_id, f.start, f.end), doc=name, doc_id=doc_id,
            start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind,
            cue=f.cue.text if f.cue is not None else None,
            cue_start=f.cue.start_char if f.cue is not None else None,
            cue_end=f.cue.end_char if f.cue is not None else None,
            speaker_text=f.speaker.text if f.speaker is not None else None,
            speaker_start=f.speaker.start_char if f.speaker is not None else None,
            speaker_end=f.speaker.end_char if f.speaker is not None else None,
            speaker=mention.actor if mention is not None else None,
            speaker_id=mention.actor_id if mention is not None else None,
            confidence=round(f.confidence * (mention.confidence if mention is not None else 1.0), 3),
        ))
    return out
