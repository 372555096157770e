"""Quotations in quotation marks: direct quotes (whole sentences) and partial quotes
(fragments inside reported speech), with the cue before, after or above them; speaker
labels opening a paragraph (PENCE: Well, …)."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc, Span, Token

from detente.lang.en import ATTRIBUTION_DASHES, SOURCE_PREPOSITIONS, SPEECH_NOUNS
from detente.nlp import docinfo
from detente.nlp.quotemarks import QuoteSpan, text_before
from detente.quotes.confidence import CONFIDENCE
from detente.quotes.spans import Found, trim
from detente.quotes.speakers import (
    CLAUSE_GOES_ON,
    EMPTY_PRONOUNS,
    INVERTED_CUES,
    MAX_CLIMB,
    NON_LABEL_POS,
    PERSONAL_PRONOUNS,
    SENTENCE_END,
    SUBJECTS,
    TRAILING_CUE_ENDS,
    cue_lemma,
    cue_span,
    inverted_subject,
    is_cue_verb,
    is_naming_verb,
    noun_phrase,
    outermost_report,
    owner_of,
    speaker_of,
)


def marked_quotes(doc: Doc, marks: list[QuoteSpan], starts: list[int]) -> list[Found]:
    """Direct and partial quotes among the quotation-mark spans."""
    text = docinfo.info(doc).text
    out: list[Found] = []
    fragments: dict[int, list[tuple[QuoteSpan, Span]]] = {}  # cue token -> its fragments
    for m in marks:
        content = doc.char_span(m.start, m.end, alignment_mode="expand")
        if content is None:
            continue
        words = [t for t in content if t.is_alpha or t.like_num]
        if not words:
            continue
        inside = set(range(content.start, content.end))
        if _is_direct(doc, m, content, inside, starts, text):
            trailing = _trailing_cue(doc, m, starts)
            if trailing is not None and trailing[0].root.tag_ == "VBG":
                trailing = _introducing_cue(doc, m, starts) or trailing  # said, “…,” promising …
            cue, speaker = trailing or _governing_cue(content, inside) \
                or _introducing_cue(doc, m, starts) or (None, None)
            if speaker is None:
                resumed = _resumption(out, m, text)
                if resumed is not None:
                    out.append(resumed)
                    continue
                prev = _previous_speaker(out, m, text) if _opens_sentence(text, m.open_at) else None
                if prev is not None:
                    out.append(Found(m.start, m.end, "direct", prev.cue, prev.speaker, CONFIDENCE["continued"],
                                     continued=True))
                continue
            out.append(Found(m.start, m.end, "direct", cue, speaker, CONFIDENCE["direct"]))
            continue
        attribution = _governing_cue(content, inside)
        if attribution is None and not _is_label(content):
            attribution = _introducing_cue(doc, m, starts) or _agent_of(content, inside)
        resumed = _resumption(out, m, text, attribution[0] if attribution is not None else None)
        if resumed is not None:
            out.append(resumed)
            continue
        if attribution is None:
            continue
        fragments.setdefault(attribution[0].start, []).append((m, content))
        if is_naming_verb(attribution[0].root) or not (_is_label(content) or _is_title(content)):
            out.append(Found(m.start, m.end, "partial", *attribution, CONFIDENCE["partial"]))
    # Labels count as the speaker's words when a real fragment of the same speech act has
    # been quoted; alone they are scare quotes inside a paraphrase.
    added = {f.start for f in out}
    for group in fragments.values():
        if any(not _is_label(c) for _, c in group):
            for m, content in group:
                if _is_label(content) and m.start not in added:
                    governing = _governing_cue(content, set(range(content.start, content.end)))
                    if governing is not None:
                        out.append(Found(m.start, m.end, "partial", *governing, CONFIDENCE["partial_label"]))
    return out


def _resumption(found: list[Found], m: QuoteSpan, text: str, cue: Optional[Span] = None) -> Optional[Found]:
    """Quotation `m` as the continuation of the direct quote before it, when only that
    quote's cue clause splits them (and `cue`, the one `m` found for itself, if any, is the
    same): “Those who want a quick deal,” Kallas added, “have focused on Moscow”; “I respect
    Viktor,” she said, but “when it comes to sanctions, …”."""
    last = found[-1] if found else None
    if last is None or last.kind != "direct" or last.cue is None or (cue is not None and cue.start != last.cue.start):
        return None
    joint = re.sub(r"\s+(but|and)$", "", text_before(text, m.open_at).rstrip())  # “…,” he said, but “…”
    if last.end <= last.cue.start_char < m.open_at and joint[-1:] == "," \
            and not re.search(r"[.!?\n]", text[last.end + 1:m.open_at]):
        return Found(m.start, m.end, "direct", last.cue, last.speaker, CONFIDENCE["direct"])
    return None


def speaker_labels(doc: Doc) -> list[Found]:
    """Paragraphs that open with a speaker's name and a colon, as in transcripts and
    headlines: PENCE: Well, look, …; Sanders: Clinton needs to … ."""
    out = []
    for t in docinfo.tokens_where(doc, "ORTH", (":",)):
        if t.i == 0:
            continue
        start = t.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].text:
            start -= 1
        opens = start == 0 or "\n" in doc[start - 1].text or (
            doc[start - 1].text in "\"“" and (start == 1 or "\n" in doc[start - 2].text))
        label = doc[start:t.i]
        if not opens or not 0 < len(label) <= 4 or not (
                any(w.ent_type_ in ("PERSON", "ORG") for w in label) or all(w.is_upper and len(w) > 2 for w in label)):
            continue
        end = t.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        content = trim(doc[t.i + 1:end])
        if content is not None:
            out.append(Found(content.start_char, content.end_char, "direct", doc[t.i:t.i + 1], label,
                             CONFIDENCE["speaker_label"]))
    return out


def _is_direct(doc: Doc, m: QuoteSpan, content: Span, inside: set[int], starts: list[int], text: str) -> bool:
    """A quotation is direct when it stands as a sentence of its own: it opens a
    sentence, follows a colon, or is a complete clause that ends where the quote ends."""
    words = [t for t in content if t.is_alpha or t.like_num]
    if len(words) < 3 and not (len(words) == 2 and text[m.start:m.end].rstrip()[-1:] in "?!"):
        return False  # two words make a sentence when asked or exclaimed: “You winning?”
    if _opens_sentence(text, m.open_at):
        return True
    roots = [t for t in content if t.head.i not in inside or t.head == t]
    if not any(c.dep_ in SUBJECTS + ("expl",) and c.i in inside for r in roots for c in r.children):
        return False
    if any(c.dep_ == "mark" and c.i in inside for r in roots for c in r.children):
        return False  # a subordinate clause: “when allies agree”
    prev = text_before(text, m.open_at)[-1:]
    if prev == ",":
        return True
    nxt = _token_after(doc, m.close_at + 1, starts)
    return nxt is None or nxt.pos_ not in CLAUSE_GOES_ON or nxt.sent != content[-1].sent


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the character at `pos` opens a paragraph or sentence, or follows a colon."""
    before = text_before(text, pos)
    prev = before[-1:] or "\n"
    return prev in "\n:" or prev in SENTENCE_END or (prev in "”\"’'" and before[-2:-1] in SENTENCE_END)


def _is_label(content: Span) -> bool:
    """A quoted label: a few nouns or adjectives (‘eastern flank’, “dirty”)."""
    words = [t for t in content if not t.is_punct]
    return len(words) <= 4 and not any(t.pos_ in NON_LABEL_POS for t in words)


def _is_title(content: Span) -> bool:
    """A quoted title or name in title case: a show, a film, a programme (on “Meet the
    Press”; the series “Servant of the People”)."""
    words = [t for t in content if t.is_alpha]
    capitals = [t for t in words if t.text[0].isupper()]
    return len(words) >= 2 and len(capitals) >= 2 and len(capitals) >= 0.6 * len(words) and not any(
        t.lower_ in PERSONAL_PRONOUNS for t in words)


def _token_after(doc: Doc, pos: int, starts: list[int]) -> Optional[Token]:
    i = bisect_left(starts, pos)
    while i < len(doc) and doc[i].is_punct and doc[i].text not in "“‘":
        i += 1
    return doc[i] if i < len(doc) else None


def _trailing_cue(doc: Doc, m: QuoteSpan, starts: list[int]) -> Optional[tuple[Span, Span]]:
    """A cue after the closing mark: “…,” Tusk told …; “…,” said Deputy Prime Minister …"""
    ending = docinfo.info(doc).text[m.start:m.end].rstrip()[-1:]
    i = bisect_left(starts, m.close_at + 1)
    if i < len(doc) and doc[i].text in ATTRIBUTION_DASHES:
        return _dash_source(doc, i)
    if ending == "." or i >= len(doc):
        return None
    if ending and ending in "?!" and doc[i].is_title and doc[i].pos_ != "PROPN":
        return None  # “… the New Year?” Earlier, Seoul said …: a new sentence, not the question's cue
    window: list[Token] = []
    while i < len(doc) and len(window) < 30:
        t = doc[i]
        if t.text in SENTENCE_END or t.text in "“\"‘" or "\n" in t.text or t.lower_ in TRAILING_CUE_ENDS:
            break
        window.append(t)
        i += 1
    for t in window:
        if is_cue_verb(t):
            speaker = speaker_of(t)
            if speaker is None or speaker.start < window[0].i or (speaker.start > t.i and t.i > window[0].i):
                # the parser took a word of the quote, or of what follows the cue, for the subject
                speaker = _name_before(window, t) or inverted_subject(t)
            return (cue_span(t), speaker) if speaker is not None else None
        if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl") and not t.is_title:
            return None  # another clause; not a verb describing the speaker (X, who backs Y, said) or a
            # capitalised name the tagger took for a verb (“…,” Tulsa police Chief Wendell Franklin said)
    return None


def _name_before(window: list[Token], verb: Token) -> Optional[Span]:
    """The words opening a trailing cue before its verb, up to the first comma, when they
    hold a name or noun: “…,” Stubb, 57, told CNN."""
    words = [t for t in window if t.i < verb.i]
    while words and words[0].is_punct:
        words = words[1:]
    end = 0
    while end < len(words) and not words[end].is_punct and words[end].pos_ not in ("VERB", "AUX"):
        end += 1
    if not end or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words[:end]):
        return None
    return verb.doc[words[0].i:words[end - 1].i + 1]


def _dash_source(doc: Doc, dash: int) -> Optional[tuple[Span, Span]]:
    """A name after a dash that ends the paragraph: “…” ― Olena Kovalenko"""
    start = dash + 1
    while start < len(doc) and doc[start].is_space and "\n" not in doc[start].text:
        start += 1  # a no-break space after the dash
    end = start
    while end < len(doc) and "\n" not in doc[end].text and (doc[end].pos_ == "PROPN" or _is_initial(doc[end])):
        end += 1
    after = end + (end < len(doc) and doc[end].text == ".")  # ― Steve Quinlan.
    at_end = after == len(doc) or "\n" in doc[after].text or doc[after].is_space
    return (doc[dash:dash + 1], doc[start:end]) if end > start and at_end else None


def _is_initial(t: Token) -> bool:
    """A middle initial, which the tagger may take for a noun: Olha V. Tkachenko."""
    return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."


def _governing_cue(content: Span, inside: set[int]) -> Optional[tuple[Span, Span]]:
    """The speech verb or noun the quotation depends on, and its speaker."""
    roots = [t for t in content if t.head.i not in inside or t.head == t]
    for root in roots:
        node, steps = root, 0
        while node.head != node and steps < MAX_CLIMB:
            node, steps = node.head, steps + 1
            if node.i in inside:
                continue
            if is_cue_verb(node) or is_naming_verb(node):
                node = outermost_report(node)
                speaker = speaker_of(node)
                if speaker is None or speaker.start in inside:
                    speaker = inverted_subject(node)
                return (cue_span(node), speaker) if speaker is not None else None
            if node.pos_ == "NOUN" and node.lemma_.lower() in SPEECH_NOUNS:
                outer = outermost_report(node.head) if node.head.pos_ == "VERB" else node
                if is_cue_verb(outer):  # he hopes the rally sends a message that “…”
                    outer_speaker = speaker_of(outer)
                    return (cue_span(outer), outer_speaker) if outer_speaker is not None else None
                speaker = owner_of(node)
                return (cue_span(node), speaker) if speaker is not None else None
    return None


def _agent_of(content: Span, inside: set[int]) -> Optional[tuple[Span, Span]]:
    """For a quoted phrase under no speech verb, the verb it depends on and that verb's
    subject, when the subject is a person or organisation: their words, quoted in a
    sentence about what they did (Trump opened his speech with “a deal that ends this war in a day”)."""
    node = content.root
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.i not in inside and node.pos_ == "VERB":
            break
    else:
        return None
    subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i not in inside]
    if not subjects:
        return None
    subject = subjects[0]
    if not (subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in ("he", "she")):
        return None
    return cue_span(node), noun_phrase(subject)


def _introducing_cue(doc: Doc, m: QuoteSpan, starts: list[int]) -> Optional[tuple[Span, Span]]:
    """A clause before the quotation, ended by a comma or a colon, the colon possibly
    closing the paragraph before: He explained, “…”; In a speech, he declared:¶“…”"""
    ending = text_before(docinfo.info(doc).text, m.open_at).rstrip()[-1:]
    if ending not in (",", ":"):
        return None
    i = bisect_left(starts, m.open_at) - 1
    while ending == ":" and i >= 0 and doc[i].is_space:
        i -= 1  # a paragraph ending with a colon introduces the next: Kallas continued:¶“…”
    clause: list[Token] = []
    while i >= 0 and doc[i].text not in SENTENCE_END and "\n" not in doc[i].text:
        clause.append(doc[i])
        i -= 1
    source = _phrasal_source(clause[::-1]) or _inverted_clause(clause[::-1])
    if source is not None:
        return source
    verbs = [t for t in clause if t.pos_ == "VERB"]
    limit = i + len(clause) + 1
    candidates = [t for t in verbs if is_cue_verb(t)] or [t for t in verbs if t.dep_ == "ROOT"] or verbs
    for verb in candidates:
        speaker = speaker_of(verb, limit)
        if speaker is not None and speaker.root.lower_ not in EMPTY_PRONOUNS:
            return cue_span(verb), speaker  # "what" speaks for nobody: apologised for what happened: “…”
        if candidates is not verbs:
            break
    return None


def _phrasal_source(clause: list[Token]) -> Optional[tuple[Span, Span]]:
    """A clause that is a phrasal cue and its source: According to Orbán, “…”"""
    if len(clause) < 3 or (clause[0].lower_, clause[1].lower_) not in SOURCE_PREPOSITIONS:
        return None
    objects = [c for c in clause[1].children if c.dep_ == "pobj"]
    if not objects or objects[0].right_edge.i < clause[-1].i - 1:
        return None
    return clause[0].doc[clause[0].i:clause[1].i + 1], noun_phrase(objects[0])


def _inverted_clause(clause: list[Token]) -> Optional[tuple[Span, Span]]:
    """A clause that is a speech verb and then its speaker: Said Ellis: “…”"""
    if len(clause) < 2 or clause[0].tag_ not in ("VBD", "VBN", "VBZ", "NNP") or not clause[0].is_title \
            or cue_lemma(clause[0]) not in INVERTED_CUES:
        return None  # the tagger may take a capitalised verb for a name: Stated Kallas:
    name = clause[1:]
    while name and name[-1].is_punct:
        name = name[:-1]  # the colon or comma before the quotation
    if not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT") for t in name) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in name):
        return None
    return clause[0].doc[clause[0].i:clause[0].i + 1], clause[0].doc[name[0].i:name[-1].i + 1]


def _previous_speaker(found: list[Found], m: QuoteSpan, text: str) -> Optional[Found]:
    """The last direct or partial quote, when no more than one paragraph lies between it
    and quotation `m` (a quoted sentence without a cue continues its speaker)."""
    if not found:
        return None
    last = found[-1]
    if last.speaker is None or text.count("\n", last.end, m.open_at) > 2:
        return None
    return last
