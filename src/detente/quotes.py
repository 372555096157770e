"""Quotation extraction and speaker attribution: the ``detente_quotes`` component.

Finds, in a parsed article,

- direct quotes: one or more whole sentences in quotation marks, with a cue before or
  after them ("…,” Tusk told a press conference; He explained, “…”), or none when they
  continue the previous speaker;
- partial quotes: quoted fragments inside reported speech (Rutte said the allies “can
  never accept that in a legal sense”);
- speaker labels opening a paragraph, in transcripts and headlines (PENCE: Well, …);
- indirect speech: the complement of a speech or belief verb (X said / warned / found …
  that …; X urged Y to …; X vowed to …), what X calls something or calls for, sentences
  attributed with "according to X", and sentences with a cue clause between commas
  (Naftogaz was a juggernaut, Mr. Vitrenko said, until …).

Scare quotes and quoted labels outside reported speech (‘eastern flank’) are not
quotations. Each quote's speaker span is linked to an actor through the actors stage
(``detente.actors.link.resolve_speaker``) when that stage has run; otherwise the speaker
text and span are set and the speaker is left empty. Offsets are characters in the
document text; `start`/`end` exclude the outer quotation marks.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente import nlp as _extensions  # noqa: F401  (registers the Doc extensions)
from detente import docinfo
from detente.cues import (ATTRIBUTION_DASHES, BELIEF_VERBS, DIRECTIVE_VERBS, GENERIC_SOURCES, INTENTION_VERBS,
                          CARRY_ON_VERBS, LABELLING_VERBS, NAMING_VERBS, TEXT_VERBS, TEXTS,
                          SOURCE_PREPOSITIONS, SPEECH_NOUNS, SPEECH_VERBS)
from detente.quotemarks import QuoteSpan, text_before
from detente.records import Quote, record_id

SUBJECTS = ("nsubj", "nsubjpass")
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
SENTENCE_END = frozenset(".!?")
NON_LABEL_POS = frozenset({"VERB", "AUX", "ADP", "PRON", "ADV", "SCONJ", "PART"})
CLAUSE_GOES_ON = frozenset({"ADP", "PART", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "DET", "NUM"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "me", "us"})
EMPTY_PRONOUNS = frozenset({"it", "there", "this", "that", "which", "what"})
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MAX_CLIMB = 8
CUE_VERBS = SPEECH_VERBS | DIRECTIVE_VERBS
POSITION_VERBS = BELIEF_VERBS | INTENTION_VERBS  # X believes that …; X vowed to …
INFINITIVE_VERBS = DIRECTIVE_VERBS | INTENTION_VERBS  # X urged Y to …; X refused to …
INVERTED_CUES = SPEECH_VERBS | CARRY_ON_VERBS  # Said Ellis: “…”; Continued Kallas: “…”
CARRY_ON_LEMMAS = frozenset(v.split()[0] for v in CARRY_ON_VERBS)
TRAILING_CUE_ENDS = CONTRAST_MARKS | {"but"}  # “…,” though she noted …: another statement


@dataclass
class _Found:
    """A quotation before speaker linking: character spans and the tokens that cue it."""

    start: int
    end: int
    kind: str
    cue: Optional[Span]
    speaker: Optional[Span]
    confidence: float


class QuoteExtractor:
    """spaCy component: sets ``doc._.quotes`` to the article's quotes (records.Quote)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc)
        return doc


@Language.factory("detente_quotes")
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    """Build the quote extraction component."""
    return QuoteExtractor()


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct, partial and indirect quotes of a parsed `doc`, with speakers, in text order."""
    marks = docinfo.info(doc).quotes()
    starts = [t.idx for t in doc]
    labelled = _speaker_labels(doc)
    labels = [(f.start, f.end) for f in labelled]
    quoted = [(m.open_at, m.close_at + 1) for m in marks]
    found = [f for f in _quoted(doc, marks, starts) if not _within(f.start, labels)]
    found += labelled
    kept = {f.start for f in found}
    taken = [(m.open_at, m.close_at + 1) for m in marks if m.start in kept] + labels
    found += _indirect(doc, taken, quoted)
    found += _according_to(doc, taken)
    found += _naming(doc, taken + [(f.start, f.end) for f in found])
    found += _parenthetical(doc, [(f.start, f.end) for f in found], quoted)
    found.sort(key=lambda f: f.start)
    return _records(doc, found)


# --- quotations in quotation marks -------------------------------------------------


def _quoted(doc: Doc, marks: list[QuoteSpan], starts: list[int]) -> list[_Found]:
    """Direct and partial quotes among the quotation-mark spans."""
    text = docinfo.info(doc).text
    out: list[_Found] = []
    fragments: dict[int, list[tuple[QuoteSpan, Span]]] = {}  # cue token -> its fragments
    for m in marks:
        content = doc.char_span(m.start, m.end, alignment_mode="expand")
        words = [t for t in content if t.is_alpha or t.like_num] if content is not None else []
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
                    out.append(_Found(m.start, m.end, "direct", prev.cue, prev.speaker, 0.75))
                continue
            out.append(_Found(m.start, m.end, "direct", cue, speaker, 0.9))
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
        if _is_naming_verb(attribution[0].root) or not (_is_label(content) or _is_title(content)):
            out.append(_Found(m.start, m.end, "partial", *attribution, 0.7))
    # Labels count as the speaker's words when a real fragment of the same speech act has
    # been quoted; alone they are scare quotes inside a paraphrase.
    added = {f.start for f in out}
    for group in fragments.values():
        if any(not _is_label(c) for _, c in group):
            for m, content in group:
                if _is_label(content) and m.start not in added:
                    cue, speaker = _governing_cue(content, set(range(content.start, content.end)))
                    out.append(_Found(m.start, m.end, "partial", cue, speaker, 0.6))
    return out


def _resumption(found: list[_Found], m: QuoteSpan, text: str, cue: Optional[Span] = None) -> Optional[_Found]:
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
        return _Found(m.start, m.end, "direct", last.cue, last.speaker, 0.9)
    return None


def _speaker_labels(doc: Doc) -> list[_Found]:
    """Paragraphs that open with a speaker's name and a colon, as in transcripts and
    headlines: PENCE: Well, look, …; Sanders: Clinton needs to … ."""
    out = []
    for t in doc:
        if t.text != ":" or t.i == 0:
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
        content = _trim(doc[t.i + 1:end])
        if content is not None:
            out.append(_Found(content.start_char, content.end_char, "direct", doc[t.i:t.i + 1], label, 0.7))
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
    window: list[Token] = []
    while i < len(doc) and len(window) < 30:
        t = doc[i]
        if t.text in SENTENCE_END or t.text in "“\"‘" or "\n" in t.text or t.lower_ in TRAILING_CUE_ENDS:
            break
        window.append(t)
        i += 1
    for t in window:
        if _is_cue_verb(t):
            speaker = _speaker_of(t)
            if speaker is None or speaker.start < window[0].i or (speaker.start > t.i and t.i > window[0].i):
                # the parser took a word of the quote, or of what follows the cue, for the subject
                speaker = _name_before(window, t) or _inverted_subject(t)
            return (_cue_span(t), speaker) if speaker is not None else None
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


def _inverted_subject(verb: Token) -> Optional[Span]:
    """The noun phrase right after a cue verb, in inverted order (… said the minister)."""
    for c in verb.rights:
        if c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj", "dative"):
            return _noun_phrase(c)
    return None


def _governing_cue(content: Span, inside: set[int]) -> Optional[tuple[Span, Span]]:
    """The speech verb or noun the quotation depends on, and its speaker."""
    roots = [t for t in content if t.head.i not in inside or t.head == t]
    for root in roots:
        node, steps = root, 0
        while node.head != node and steps < MAX_CLIMB:
            node, steps = node.head, steps + 1
            if node.i in inside:
                continue
            if _is_cue_verb(node) or _is_naming_verb(node):
                node = _outermost_report(node)
                speaker = _speaker_of(node)
                if speaker is None or speaker.start in inside:
                    speaker = _inverted_subject(node)
                return (_cue_span(node), speaker) if speaker is not None else None
            if node.pos_ == "NOUN" and node.lemma_.lower() in SPEECH_NOUNS:
                outer = _outermost_report(node.head) if node.head.pos_ == "VERB" else node
                if _is_cue_verb(outer):  # he hopes the rally sends a message that “…”
                    return _cue_span(outer), _speaker_of(outer)
                speaker = _owner_of(node)
                return (_cue_span(node), speaker) if speaker is not None else None
    return None


def _outermost_report(cue: Token) -> Token:
    """The outermost speech verb whose reported clause holds `cue`: the article attributes
    nested speech to its outer reporter (Tusk said Orbán once described the pipeline as
    “the best bargain”: Tusk's claim), as PolNeAR's guidelines annotate it."""
    node, outer = cue, cue
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp") or node.head == node or node.head.pos_ != "VERB":
            break
        node = node.head
        if _is_cue_verb(node) and _speaker_of(node) is not None:
            outer = node
    return outer


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
    return _cue_span(node), _noun_phrase(subject)


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
    candidates = [t for t in verbs if _is_cue_verb(t)] or [t for t in verbs if t.dep_ == "ROOT"] or verbs
    for verb in candidates:
        speaker = _speaker_of(verb, limit)
        if speaker is not None and speaker.root.lower_ not in EMPTY_PRONOUNS:
            return _cue_span(verb), speaker  # "what" speaks for nobody: apologised for what happened: “…”
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
    return clause[0].doc[clause[0].i:clause[1].i + 1], _noun_phrase(objects[0])


def _inverted_clause(clause: list[Token]) -> Optional[tuple[Span, Span]]:
    """A clause that is a speech verb and then its speaker: Said Ellis: “…”"""
    if len(clause) < 2 or clause[0].tag_ not in ("VBD", "VBN", "VBZ", "NNP") or not clause[0].is_title \
            or not {clause[0].lemma_.lower(), clause[0].lower_[:-1], clause[0].lower_[:-2]} & INVERTED_CUES:
        return None  # the tagger may take a capitalised verb for a name: Stated Kallas:
    name = clause[1:]
    while name and name[-1].is_punct:
        name = name[:-1]  # the colon or comma before the quotation
    if not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT") for t in name) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in name):
        return None
    return clause[0].doc[clause[0].i:clause[0].i + 1], clause[0].doc[name[0].i:name[-1].i + 1]


def _previous_speaker(found: list[_Found], m: QuoteSpan, text: str) -> Optional[_Found]:
    """The last direct or partial quote, when no more than one paragraph lies between it
    and quotation `m` (a quoted sentence without a cue continues its speaker)."""
    if not found:
        return None
    last = found[-1]
    if last.speaker is None or text.count("\n", last.end, m.open_at) > 2:
        return None
    return last


# --- indirect speech -----------------------------------------------------------------


def _indirect(doc: Doc, taken: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[_Found]:
    """The complements of speech and belief verbs outside quotation marks: X said (that) …;
    X urged Y to …. A cue inside reported content is part of that content."""
    out: list[_Found] = []
    for verb in doc:
        if not (_is_cue_verb(verb) or (verb.pos_ == "VERB" and verb.lemma_.lower() in POSITION_VERBS)):
            continue
        if _within(verb.idx, quoted) or _within(verb.idx, [(f.start, f.end) for f in out]) \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        for comp in verb.children:
            infinitive = comp.dep_ == "xcomp" and lemma in INFINITIVE_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
            if (comp.dep_ != "ccomp" and not infinitive) or (comp.i < verb.i and not _trails(comp, verb)):
                continue
            span = _content_span(comp)
            if span is None or any(a < span.end_char and span.start_char < b for a, b in taken):
                continue
            speaker = _speaker_of(verb)
            if speaker is None or _is_generic(speaker) or speaker.root.lower_ in PERSONAL_PRONOUNS \
                    or not (_is_cue_verb(verb) or _holds_views(speaker)):
                continue
            out.append(_Found(span.start_char, span.end_char, "indirect", _cue_span(verb), speaker, 0.7))
    return out


def _naming(doc: Doc, taken: list[tuple[int, int]]) -> list[_Found]:
    """What a speaker calls something or calls for: Democrats called the citation a
    political ploy; Clinton called for comprehensive reform. The content is the verb's
    object with its complement, up to the end of the clause."""
    out = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in LABELLING_VERBS or _within(verb.idx, taken):
            continue
        right = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj", "advcl", "npadvmod")]
        calls_for = [c for c in right if c.dep_ == "prep" and c.lower_ == "for" and lemma == "call"]
        if calls_for:
            right = [c for c in calls_for[0].children if c.dep_ == "pobj"]
        elif not (any(c.dep_ == "dobj" for c in right) and any(c.dep_ in ("oprd", "ccomp", "xcomp") or (
                c.dep_ == "prep" and c.lower_ == "as") for c in right)) and not any(c.dep_ == "ccomp" for c in right):
            continue
        if not right:
            continue
        span = _trim(doc[right[0].left_edge.i:right[-1].right_edge.i + 1])
        speaker = _speaker_of(verb)
        if span is None or speaker is None or _is_generic(speaker) or not _holds_views(speaker) \
                or any(a < span.end_char and span.start_char < b for a, b in taken):
            continue
        cue = doc[verb.i:calls_for[0].i + 1] if calls_for else _cue_span(verb)
        out.append(_Found(span.start_char, span.end_char, "indirect", cue, speaker, 0.6))
    return out


def _holds_views(speaker: Span) -> bool:
    """Whether a subject can believe or intend: a name, a personal pronoun, a plural (polls
    show …) or a determined noun phrase (the campaign), not a bare abstraction (mutual
    mistrust threatens to …) or an empty "it" (it is hard to imagine …)."""
    root = speaker.root
    if root.pos_ == "PRON":
        return root.lower_ not in EMPTY_PRONOUNS
    return root.pos_ == "PROPN" or root.tag_ == "NNS" or root.ent_type_ in AGENT_ENTITIES or any(
        t.dep_ in ("det", "poss") or t.pos_ == "PROPN" for t in speaker)


def _trails(comp: Token, verb: Token) -> bool:
    """Whether a cue follows its content after a comma: The talks failed, officials said."""
    doc = verb.doc
    comma = comp.right_edge.i + 1
    return comma < verb.i and doc[comma].text == "," and all(
        t.i == verb.i or t.head.i in range(comma + 1, verb.i + 1) or t.dep_ in SUBJECTS for t in doc[comma + 1:verb.i])


def _content_span(comp: Token) -> Optional[Span]:
    """The reported content: the complement's subtree without the complementiser and
    the final punctuation."""
    doc = comp.doc
    start, end = comp.left_edge.i, comp.right_edge.i + 1
    for t in doc[start:end]:
        if t.i != comp.i and t.dep_ in ("advcl", "conj") and doc[t.left_edge.i - 1].text == "," and (
                _is_cue_verb(t) or any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in t.children)):
            end = min(end, t.left_edge.i)
    newlines = [t.i for t in doc[start:end] if "\n" in t.text]
    if newlines and comp.i < comp.head.i:
        start = newlines[-1] + 1  # content before its cue starts in the cue's paragraph
    elif newlines:
        end = newlines[0]
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    words = [t for t in doc[start:end] if t.is_alpha]
    return doc[start:end] if len(words) >= 3 else None


def _according_to(doc: Doc, taken: list[tuple[int, int]]) -> list[_Found]:
    """Sentences attributed with a phrasal cue ("according to X") at their start or end,
    quotations they hold included (PolNeAR and the seed gold count the outer attribution
    as well as the quotation nested in it)."""
    out = []
    for t in doc:
        if t.i + 1 >= len(doc) or (t.lower_, doc[t.i + 1].lower_) not in SOURCE_PREPOSITIONS:
            continue
        objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = _noun_phrase(objects[0])
        sent, after = t.sent, objects[0].right_edge.i + 1
        if t.i <= sent.start + 1:
            content = doc[after:sent.end]
        elif doc[t.i - 1].text == "," and after < sent.end and doc[after].text == "," \
                and _outside(doc[after:sent.end], doc[after:after + 1]) >= 3:
            content = sent  # a phrase between commas: the rise, according to the CBO, is …
        elif doc[t.i - 1].text == ",":  # …, according to X(, who …).
            content = doc[sent.start:t.i]
        else:
            continue
        content = _trim(content)
        if content is None or any(_crosses(content, a, b) or a <= content.start_char and content.end_char <= b
                                  for a, b in taken):
            continue  # cut through a quotation, or just one: According to Orbán, “…” is a direct quote
        cue = doc[t.i:t.i + 2]
        out.append(_Found(content.start_char, content.end_char, "indirect", cue, source, 0.6))
    return out


def _crosses(content: Span, start: int, end: int) -> bool:
    """Whether `content` overlaps the span start..end without holding all of it: a quotation
    inside a sentence attributed to a source is nested in that attribution (According to
    Reuters, the pope said “…”), one cut by it is not."""
    text = docinfo.info(content.doc).text
    holds = not any(c.isalnum() for c in text[start:content.start_char] + text[content.end_char:end])  # marks trimmed
    return start < content.end_char and content.start_char < end and not holds


def _parenthetical(doc: Doc, taken: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[_Found]:
    """Sentences with a cue clause set off by commas inside or after them: Naftogaz was a
    juggernaut, Mr. Vitrenko said, until the war came; Acts of protest, he said, are … .
    The content is the sentence around the cue clause."""
    out = []
    for verb in doc:
        if not _is_cue_verb(verb) or _within(verb.idx, quoted) or _within(verb.idx, taken):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
            continue
        before, after = subjects[0].left_edge.i - 1, verb.i + 1
        while after < len(doc) and doc[after].head == verb and doc[after].dep_ in ("npadvmod", "advmod", "prt"):
            after += 1  # he said Friday, …
        if before <= verb.sent.start or doc[before].text != "," or after >= len(doc) \
                or doc[after].text not in (",", ".") or (verb.dep_ != "parataxis" and doc[after].text != ","):
            continue
        content = _trim(verb.sent)
        if content is None or _outside(content, doc[before:after + 1]) < 3 \
                or any(a < content.end_char and content.start_char < b for a, b in taken):
            continue
        speaker = _noun_phrase(subjects[0])
        if _is_generic(speaker) or speaker.root.lower_ in PERSONAL_PRONOUNS:
            continue
        out.append(_Found(content.start_char, content.end_char, "indirect", _cue_span(verb), speaker, 0.6))
    return out


def _outside(span: Span, part: Span) -> int:
    """How many words of `span` lie outside `part`."""
    return sum(t.is_alpha and not part.start <= t.i < part.end for t in span)


def _trim(span: Span) -> Optional[Span]:
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if sum(t.is_alpha for t in doc[start:end]) >= 3 else None


# --- cues and speakers ------------------------------------------------------------------


def _is_cue_verb(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma = t.lemma_.lower()
    if lemma in CUE_VERBS:
        return True
    if lemma in TEXT_VERBS:
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in TEXTS for c in t.children)
    if lemma not in CARRY_ON_LEMMAS:
        return False
    phrasal = " ".join([lemma] + [c.lower_ for c in t.children if c.dep_ == "prt"])
    return phrasal in CARRY_ON_VERBS and not any(c.dep_ in ("xcomp", "dobj") for c in t.children)


def _is_naming_verb(t: Token) -> bool:
    """A verb that gives its object a name or label, which in quotation marks is the
    subject's own word: Christie described Clinton as a “disgrace”."""
    return t.pos_ == "VERB" and t.lemma_.lower() in NAMING_VERBS


def _cue_span(t: Token) -> Span:
    """The cue word with its verb particle (laid out)."""
    end = t.i + 1
    while end < len(t.doc) and t.doc[end].dep_ == "prt" and t.doc[end].head == t:
        end += 1
    return t.doc[t.i:end]


def _speaker_of(verb: Token, limit: Optional[int] = None) -> Optional[Span]:
    """The subject of a speech verb (before token `limit`, when given: the quotation the
    verb introduces). A verb without one (a participle: Kallas echoed the sentiment,
    declaring …) takes the speaker of the nearest speech verb above it, or else the
    subject of the nearest clause above it (Silverman was joined on stage and joked, “…”)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ not in ("VERB", "AUX")
                and (limit is None or c.i < limit)]
    if subjects:  # the nearest, when the parser gives a verb several
        subject = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subject = verb.head  # a relative pronoun stands for its antecedent: a letter that says …
        return _noun_phrase(subject)
    before = verb.doc[verb.i - 1] if verb.i else verb
    if verb.tag_ in ("VBD", "VBZ") and before.pos_ == "PROPN" and before.head != verb \
            and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return _noun_phrase(before)  # a name the parser attached elsewhere: …, Bill Clinton said his wife …
    if verb.dep_ == "acl" or (verb.tag_ == "VBG" and _word_before(verb).pos_ in ("NOUN", "PROPN")):
        return None  # a participle modifying a noun: the “legacy media” reporting that …
    fallback, node = None, verb
    for _ in range(MAX_CLIMB):
        if node.head == node:
            break
        node = node.head
        if _is_cue_verb(node):
            speaker = _speaker_of(node)
            if speaker is not None:
                return speaker
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and (limit is None or c.i < limit)]
        if subjects and fallback is None:
            fallback = _noun_phrase(subjects[0])
    return fallback


def _word_before(t: Token) -> Token:
    i = t.i - 1
    while i > 0 and t.doc[i].is_punct and t.doc[i].text not in ",:;":
        i -= 1
    return t.doc[max(i, 0)]


def _owner_of(noun: Token) -> Optional[Span]:
    """Who a speech noun belongs to: its possessor, else the subject of its clause."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return _noun_phrase(owners[0])
    node = noun
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return _speaker_of(node)
    return None


def _noun_phrase(head: Token) -> Span:
    """The speaker mention: the head with its left modifiers (titles, names, determiners);
    a plural common noun with "including NAME" stands for the named member."""
    doc = head.doc
    if head.i > 1 and doc[head.i - 1].text in "[(" and doc[head.i - 2].pos_ == "PROPN":
        head = doc[head.i - 2]  # a handle in brackets after the name: Donald Tusk [@donaldtusk]
    if head.tag_ == "NNS":
        for prep in head.children:
            if prep.lower_ == "including":
                named = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if named:
                    return _noun_phrase(named[0])
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc" or "\n" in doc[start:head.i].text):
        start += 1
    return doc[start:head.i + 1]


def _is_generic(speaker: Span) -> bool:
    """A bare plural with no determiner or name: "officials", "European officials"."""
    root = speaker.root
    return root.lower_ in GENERIC_SOURCES and not any(t.pos_ in ("DET", "PROPN", "NUM") or t.dep_ == "poss" for t in speaker)


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# --- records ------------------------------------------------------------------------------


def _records(doc: Doc, found: list[_Found]) -> list[Quote]:
    document = doc._.document
    name = document.doc if document is not None else ""
    doc_id = document.id if document is not None else ""
    text = docinfo.info(doc).text
    out = []
    for f in found:
        mention = _resolve(doc, f.speaker) if f.speaker is not None else None
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


def _resolve(doc: Doc, speaker: Span):
    """The actor mention for a speaker span, when the actors stage has run."""
    if doc._.mentions is None:
        return None
    try:
        from detente.actors.link import resolve_speaker
    except ImportError:
        return None
    return resolve_speaker(doc, speaker)
