"""Reported speech outside quotation marks: the complements of speech and belief verbs
(X said that …; X urged Y to …; X vowed to …), what X calls something or calls for,
sentences attributed with "according to X", and sentences with a cue clause between
commas (Naftogaz was a juggernaut, Mr. Vitrenko said, until …)."""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from detente.lang.en import (
    AGENT_ONLY_VERBS,
    CONDITION_MARKS,
    DIRECTIVE_VERBS,
    INTENTION_VERBS,
    LABELLING_VERBS,
    SOURCE_PREPOSITIONS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TEXTS,
)
from detente.nlp import docinfo
from detente.quotes.confidence import CONFIDENCE
from detente.quotes.spans import Found, outside, trim, within
from detente.quotes.speakers import (
    CONTRAST_MARKS,
    INFINITIVE_VERBS,
    PERSONAL_PRONOUNS,
    POSITION_VERBS,
    SUBJECTS,
    cue_lemma,
    cue_span,
    holds_views,
    is_agent,
    is_cue_verb,
    is_generic,
    noun_phrase,
    speaker_of,
)

LONGEST_FRAGMENT = 5  # words: a longer quoted fragment carries the claim, a partial quote of its own
COMPLEMENTS = ("ccomp", "xcomp", "dobj", "acomp", "attr")
VERB_TAGS = ("VERB", "AUX")  # the parts of speech a cue verb has (speakers.is_cue_verb)
SOURCE_FIRST_WORDS = frozenset(words[0] for words in SOURCE_PREPOSITIONS)
FINITE_TAGS = ("VBD", "VBZ", "VBP")


def indirect(doc: Doc, taken: list[tuple[int, int]], quoted: list[tuple[int, int]],
             fragments: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """The complements of speech and belief verbs outside quotation marks: X said (that) …;
    X urged Y to …. A cue inside reported content is part of that content. Content may hold
    quoted fragments (`fragments`, partial quotes) when real words lie outside them: Rubio
    said both sides need to “do difficult things”."""
    out: list[Found] = []
    for verb in docinfo.tokens_where(doc, "POS", VERB_TAGS):
        if not (is_cue_verb(verb) or (verb.pos_ == "VERB" and cue_lemma(verb) in POSITION_VERBS)):
            continue
        if within(verb.idx, quoted) or within(verb.idx, [(f.start, f.end) for f in out]) \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = cue_lemma(verb)
        split = _split_clause(verb)
        hung = _in_a_statement(verb) + _that_clause_after(verb) + _unmarked_clause(verb) + ([split[0]] if split else [])
        for comp in dict.fromkeys([*verb.children, *hung]):
            infinitive = comp.dep_ == "xcomp" and lemma in INFINITIVE_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in comp.children) and _addressed(verb, comp)
            if (comp.dep_ != "ccomp" and not infinitive and comp not in hung) \
                    or (comp.i < verb.i and not _trails(comp, verb)) \
                    or (not is_cue_verb(verb) and _small_clause(comp)):
                continue
            last = split[1] if split and comp == split[0] \
                else _coordinated_clause(verb, comp) or _condition_after(verb, comp)
            span = _content_span(comp, last)
            if span is None or any(a < span.end_char and span.start_char < b for a, b in taken
                                   if not _holds_fragment(span, a, b, fragments)):
                continue
            speaker = speaker_of(verb)
            if speaker is None or is_generic(speaker) or speaker.root.lower_ in PERSONAL_PRONOUNS \
                    or not (is_cue_verb(verb) or holds_views(speaker)) \
                    or (infinitive and lemma in AGENT_ONLY_VERBS and not is_agent(speaker)):
                continue
            out.append(Found(span.start_char, span.end_char, "indirect", cue_span(verb), speaker,
                             CONFIDENCE["indirect"]))
    return out


def naming(doc: Doc, taken: list[tuple[int, int]]) -> list[Found]:
    """What a speaker calls something or calls for: Democrats called the citation a
    political ploy; Clinton called for comprehensive reform. The content is the verb's
    object with its complement, up to the end of the clause."""
    out = []
    for verb in docinfo.tokens_where(doc, "POS", ("VERB",)):
        lemma = cue_lemma(verb)
        if verb.pos_ != "VERB" or lemma not in LABELLING_VERBS or within(verb.idx, taken):
            continue
        right = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj", "advcl", "npadvmod")]
        calls_for = [c for c in right if c.dep_ == "prep" and c.lower_ == "for" and lemma == "call"]
        clause = _called_for_clause(verb) if lemma == "call" and not calls_for else None
        if calls_for:
            right = [c for c in calls_for[0].children if c.dep_ == "pobj"]
        elif clause is not None:
            calls_for, right = [clause[0]], [clause[1]]  # the mark "for" closes the cue
        elif not (any(c.dep_ == "dobj" for c in right) and any(c.dep_ in ("oprd", "ccomp", "xcomp") or (
                c.dep_ == "prep" and c.lower_ == "as") for c in right)) and not any(c.dep_ == "ccomp" for c in right):
            continue
        if not right:
            continue
        first = right[0].left_edge.i + (right[0].left_edge.dep_ == "mark")  # without the complementiser
        span = trim(doc[first:right[-1].right_edge.i + 1])
        speaker = speaker_of(verb)
        if span is None or speaker is None or is_generic(speaker) or not holds_views(speaker) \
                or any(a < span.end_char and span.start_char < b for a, b in taken):
            continue
        cue = doc[verb.i:calls_for[0].i + 1] if calls_for else cue_span(verb)
        out.append(Found(span.start_char, span.end_char, "indirect", cue, speaker, CONFIDENCE["naming"]))
    return out


def _called_for_clause(verb: Token) -> Optional[tuple[Token, Token]]:
    """The clause "call for" introduces with a subject of its own (Ruiz called for the
    council to act), which the parser makes an adverbial clause marked by "for" right after
    the verb: the mark and the clause's verb; None otherwise."""
    for c in verb.children:
        marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1]
        if c.dep_ == "advcl" and marks and any(s.dep_ in SUBJECTS for s in c.children):
            return marks[0], c
    return None


def _holds_fragment(content: Span, start: int, end: int, fragments: Sequence[tuple[int, int]]) -> bool:
    """Whether the quoted fragment at start..end is a short phrase (a label, a verb phrase)
    inside `content`, with at least three words of the content's own clause outside its
    marks (its subject's head, auxiliaries and subordinate clauses not counted: "while …, she
    was “…”" is the fragment's claim). A fragment with a subject of its own (“we're close”),
    or the content's verb without its complement (he “regrets” that …), carries the claim
    alone."""
    text = docinfo.info(content.doc).text
    if (start, end) not in fragments or not (content.start_char <= start and start < content.end_char) \
            or any(c.isalnum() for c in text[content.end_char:end]):
        return False  # a fragment closing the content may end past it by its trimmed marks: … “do difficult things.”
    inside = [t for t in content if start <= t.idx < end]
    words = sum(t.is_alpha for t in inside)
    bare_verb = content.root in inside and any(
        c.dep_ in COMPLEMENTS and c not in inside for c in content.root.children)
    subordinate = {t.i for c in content.root.children if c.dep_ == "advcl" for t in c.subtree}
    own = [t for t in content if t.is_alpha and t not in inside and t.i not in subordinate
           and t.dep_ not in SUBJECTS and t.pos_ != "AUX"]
    return words <= LONGEST_FRAGMENT and not bare_verb and len(own) >= 3 \
        and not any(t.dep_ in (*SUBJECTS, "expl") for t in inside)


def _addressed(verb: Token, comp: Token) -> bool:
    """Whether an infinitive after a directive verb tells someone to act (urged Russia to
    accept; called on them to act): the verb has an addressee or the infinitive a
    subject; without one the verb is an effort or a wish of the subject's own (Trump
    pushes to broker a deal; she asked to remain anonymous). Verbs of intention need none."""
    if cue_lemma(verb) not in DIRECTIVE_VERBS or cue_lemma(verb) in INTENTION_VERBS or verb.tag_ == "VBN":
        return True  # a passive's subject is the addressee: he was called on to resign
    return any(c.dep_ in ("dobj", "dative") or (c.dep_ in ("prep", "prt") and c.lower_ in ("on", "for")
                                                  and any(o.dep_ == "pobj" for o in c.children))
               for c in verb.children) or any(c.dep_ in SUBJECTS for c in comp.children)  # called on Rubio to act


def _trails(comp: Token, verb: Token) -> bool:
    """Whether a cue follows its content after a comma: The talks failed, officials said."""
    doc = verb.doc
    comma = comp.right_edge.i + 1
    return comma < verb.i and doc[comma].text == "," and all(
        t.i == verb.i or t.head.i in range(comma + 1, verb.i + 1) or t.dep_ in SUBJECTS for t in doc[comma + 1:verb.i])


def _in_a_statement(verb: Token) -> list[Token]:
    """The clause the parser hung on the text a cue names (said in a statement that …)."""
    return [clause for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
            for text in prep.children if text.dep_ == "pobj" and text.lemma_.lower() in TEXTS | SPEECH_NOUNS
            for clause in text.children if clause.dep_ in ("acl", "ccomp", "relcl") and clause.i > text.i
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)]


def _split_clause(verb: Token) -> Optional[tuple[Token, Token]]:
    """A reported clause the parser split into the cue verb's object and a predicate
    coordinated with the cue (cautioned [the ban] [should not add costs]): the object and
    the predicate, which has a modal but no subject of its own and no conjunction before it."""
    if cue_lemma(verb) not in SPEECH_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    for c in verb.children:
        if c.dep_ == "conj" and objects and c.i > objects[0].right_edge.i \
                and not any(d.dep_ in (*SUBJECTS, "expl") for d in c.children) \
                and any(d.dep_ == "aux" and d.tag_ == "MD" and d.i < c.i for d in c.children) \
                and not any(t.dep_ == "cc" or t.is_punct for t in verb.doc[objects[0].right_edge.i + 1:c.left_edge.i]):
            return objects[0], c
    return None


def _that_clause_after(verb: Token) -> list[Token]:
    """The that-clause right after a cue verb that the parser hung on a verb before it
    (the rift could widen with the minister warning that the bases are at risk)."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "that" or doc[verb.i + 1].dep_ != "mark":
        return []
    clause = doc[verb.i + 1].head
    if clause.dep_ != "ccomp" or clause.head == verb or clause.head.i > verb.i:
        return []
    return [clause]


def _small_clause(comp: Token) -> bool:
    """Whether a complement is a clause without a verb of its own, a judgement rather than
    a reported thought (found itself excluded; finds it difficult; found him guilty): no
    conjunction, no finite verb or gerund (polls show Ruiz leading), no auxiliary."""
    return comp.tag_ not in (*FINITE_TAGS, "VBG") and not any(
        c.dep_ == "mark" or (c.dep_ in ("aux", "auxpass") and (c.tag_ in FINITE_TAGS or c.tag_ in ("MD", "TO")))
        for c in comp.children)


def _unmarked_clause(verb: Token) -> list[Token]:
    """The reported clause the parser made an adverbial clause of the cue verb behind a
    phrase between them (Ruiz said after the vote she would resign): a finite clause after
    the verb with a subject of its own and no conjunction that would make it adverbial."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
            and any(s.dep_ in SUBJECTS for s in c.children)
            and not any(m.dep_ == "mark" or m.tag_ == "WRB" for m in c.children)  # if, because; when, where
            and (c.tag_ in FINITE_TAGS or any(a.tag_ == "MD" for a in c.children))]


def _coordinated_clause(verb: Token, comp: Token) -> Optional[Token]:
    """A clause the parser coordinated with the cue verb that goes on with the reported
    content (she says she tried to duck but the bullet hit her): one with its own subject
    and no cue of its own, in the same sentence; None when there is none."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i > comp.right_edge.i and not is_cue_verb(c) and c.sent == verb.sent \
                and any(s.dep_ in (*SUBJECTS, "expl") for s in c.children) \
                and not any(is_cue_verb(t) for t in c.subtree) \
                and "\n" not in verb.doc[comp.right_edge.i:c.right_edge.i + 1].text:
            return c
    return None


def _condition_after(verb: Token, comp: Token) -> Optional[Token]:
    """A condition right after the reported content that the parser hung on the cue verb
    (she urged them to leave if the talks fail): the condition's verb; None when there is none."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.left_edge.i == comp.right_edge.i + 1 \
                and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return c
    return None


def _content_span(comp: Token, last: Optional[Token] = None) -> Optional[Span]:
    """The reported content: the complement's subtree (up to that of `last`, a clause
    coordinated with it) without the complementiser and the final punctuation, cut before
    a second cue (…, and added that …) or a contrast (…, although …)."""
    doc = comp.doc
    start, end = comp.left_edge.i, (last or comp).right_edge.i + 1
    for t in doc[start:end]:
        before = doc[t.left_edge.i - 1]
        if t.i != comp.i and t.dep_ in ("advcl", "conj") and (
                (is_cue_verb(t) and (before.text == "," or (before.dep_ == "cc" and _second_report(t))))
                or (before.text == "," and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in t.children))):
            end = min(end, t.left_edge.i)
    newlines = [t.i for t in doc[start:end] if "\n" in t.text]
    if newlines and comp.i < comp.head.i:
        start = newlines[-1] + 1  # content before its cue starts in the cue's paragraph
    elif newlines:
        end = newlines[0]
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    words = [t for t in doc[start:end] if t.is_alpha]
    return doc[start:end] if len(words) >= 3 else None


def _second_report(t: Token) -> bool:
    """Whether a cue verb joined by "and" or "but" reports a statement of its own (… and
    added that …; … but suggested the orders came from above), not a second complement
    of the first ("that A and that he would ask B to …") or an act (pointed his gun); a
    call for something is one (… is arbitrary and called for his release)."""
    calls_for = t.lemma_.lower() in LABELLING_VERBS and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children)
    return (calls_for or any(c.dep_ in ("ccomp", "xcomp") for c in t.children)) \
        and not any(c.dep_ == "mark" for c in t.children)


def according_to(doc: Doc, taken: list[tuple[int, int]]) -> list[Found]:
    """Sentences attributed with a phrasal cue ("according to X") at their start or end,
    quotations they hold included (PolNeAR and the seed gold count the outer attribution
    as well as the quotation nested in it)."""
    out = []
    for t in docinfo.tokens_where(doc, "LOWER", SOURCE_FIRST_WORDS):
        if t.i + 1 >= len(doc) or (t.lower_, doc[t.i + 1].lower_) not in SOURCE_PREPOSITIONS:
            continue
        objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = noun_phrase(objects[0])
        sent, after = t.sent, objects[0].right_edge.i + 1
        if t.i <= sent.start + 1:
            content = doc[after:sent.end]
        elif doc[t.i - 1].text == "," and after < sent.end and doc[after].text == "," \
                and outside(doc[after:sent.end], doc[after:after + 1]) >= 3:
            content = sent  # a phrase between commas: the rise, according to the CBO, is …
        elif doc[t.i - 1].text == ",":  # …, according to X(, who …).
            content = doc[sent.start:t.i]
        else:
            continue
        trimmed = trim(content)
        if trimmed is None or any(_crosses(trimmed, a, b) or a <= trimmed.start_char and trimmed.end_char <= b
                                  for a, b in taken):
            continue  # cut through a quotation, or just one: According to Orbán, “…” is a direct quote
        cue = doc[t.i:t.i + 2]
        out.append(Found(trimmed.start_char, trimmed.end_char, "indirect", cue, source, CONFIDENCE["according_to"]))
    return out


def _crosses(content: Span, start: int, end: int) -> bool:
    """Whether `content` overlaps the span start..end without holding all of it: a quotation
    inside a sentence attributed to a source is nested in that attribution (According to
    Reuters, the pope said “…”), one cut by it is not."""
    text = docinfo.info(content.doc).text
    holds = not any(c.isalnum() for c in text[start:content.start_char] + text[content.end_char:end])  # marks trimmed
    return start < content.end_char and content.start_char < end and not holds


def parenthetical(doc: Doc, taken: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[Found]:
    """Sentences with a cue clause set off by commas inside or after them: Naftogaz was a
    juggernaut, Mr. Vitrenko said, until the war came; Acts of protest, he said, are … .
    The content is the sentence around the cue clause, less a clause of the narrator's
    joined after it (…, Gallagher said, but now his team is worried); after a cue clause
    opening the sentence with a comma, the rest of it (He argues, the plan will fail)."""
    out = []
    for verb in docinfo.tokens_where(doc, "POS", VERB_TAGS):
        if not is_cue_verb(verb) or within(verb.idx, quoted) or within(verb.idx, taken):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
            continue
        before, after = subjects[0].left_edge.i - 1, verb.i + 1
        while after < len(doc) and doc[after].head == verb and doc[after].dep_ in ("npadvmod", "advmod", "prt"):
            after += 1  # he said Friday, …
        if after < len(doc) and _opens_with_cue(verb, subjects[0], after):
            content = trim(doc[after + 1:verb.sent.end])  # He also argues, the plan will fail.
        elif before <= verb.sent.start or doc[before].text != "," or after >= len(doc) \
                or doc[after].text not in (",", ".") or (verb.dep_ != "parataxis" and doc[after].text != ","):
            continue
        else:
            content = trim(doc[verb.sent.start:before] if _new_clause_after(verb, after) else verb.sent)
        if content is None or outside(content, doc[before:after + 1]) < 3 \
                or any(a < content.end_char and content.start_char < b for a, b in taken):
            continue
        speaker = noun_phrase(subjects[0])
        if is_generic(speaker) or speaker.root.lower_ in PERSONAL_PRONOUNS:
            continue
        out.append(Found(content.start_char, content.end_char, "indirect", cue_span(verb), speaker,
                         CONFIDENCE["parenthetical"]))
    return out


def _opens_with_cue(verb: Token, subject: Token, comma: int) -> bool:
    """Whether a cue clause opens its sentence and a comma at `comma` sets it off from
    the clause it reports, which the parser made the sentence's root or a conjunct with a
    subject of its own and no conjunction (He also argues, revenue does not benefit the
    villages)."""
    if subject.left_edge.i != verb.sent.start or verb.doc[comma].text != ",":
        return False
    if verb.dep_ == "parataxis":
        return verb.head.i > comma
    return any(c.dep_ == "conj" and c.i > comma and any(s.dep_ in SUBJECTS for s in c.children)
               for c in verb.children) and not any(c.dep_ == "cc" for c in verb.children)


def _new_clause_after(verb: Token, comma: int) -> bool:
    """Whether the words after a cue clause's closing comma start a statement of the
    narrator's (…, Ruiz said, but now her lawyers are worried …): a conjunction and a
    clause with a subject of its own."""
    doc = verb.doc
    if comma + 1 >= verb.sent.end or doc[comma + 1].dep_ != "cc":
        return False
    return any(t.dep_ in SUBJECTS and t.head.i > comma for t in doc[comma + 2:verb.sent.end])
